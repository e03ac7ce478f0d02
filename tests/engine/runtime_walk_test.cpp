// A randomized walk: random people make random requests (valid and invalid) for many steps.
// Refusals change nothing; each accepted step adds exactly one history event and one revision (a
// reminder, a deadline that only notifies, adds none);
// replaying the accepted requests gives the same item again, and folding its history events
// (fold_history) gives its state, fields, revision and times.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "dojang/engine/replay.hpp"
#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

struct Taken {
  Request request;
  Principal who;
  Date now;
};

class Walk {
 public:
  Walk(std::shared_ptr<const Definition> def, std::vector<Principal> people, unsigned seed)
      : m_def(std::move(def)), m_people(std::move(people)), m_rng(seed) {}

  void run(int steps) {
    for (int i = 0; i < steps && !::testing::Test::HasFatalFailure(); ++i) step(i);
    check_replay();
  }

  int accepted = 0, refused = 0, items = 0, folds = 0;
  std::set<std::string> kinds;   // history event kinds seen
  std::set<std::string> finals;  // final states reached
  std::map<Refusal::Code, int> codes;

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
  bool chance(int percent) { return pick(100) < percent; }
  template <class T>
  const T& any(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(pick(static_cast<int>(v.size())))];
  }

  std::string number_text(double lo, double hi) {
    const double v = lo + (hi - lo) * std::uniform_real_distribution<double>(0, 1)(m_rng);
    return std::to_string(static_cast<long long>(v));
  }

  // Something typed for a field: mostly valid, sometimes not.
  std::string value_for(const FieldType& t, int invalid_percent = 15) {
    if (chance(invalid_percent))
      return any(std::vector<std::string>{"", "abc", "-1", "1e400", "2024-13-01"});
    switch (t.kind) {
      case FieldKind::Text:
        return any(std::vector<std::string>{"제안", "title", "x y"});
      case FieldKind::Person:
        return any(std::vector<std::string>{"kim", "lee"});
      case FieldKind::Unit:
        return any(std::vector<std::string>{"planning", "health"});
      case FieldKind::Number:
      case FieldKind::Money:
        return chance(50) ? number_text(0, 2000) : "1,250,000";
      case FieldKind::Score:
        return number_text(t.lo - 2, t.hi + 2);
      case FieldKind::Bool:
        return any(std::vector<std::string>{"true", "false", "예", "아니오"});
      case FieldKind::Date:
        return "2024-0" + std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(10));
      case FieldKind::OneOf:
        return chance(85) ? any(t.values) : "other";
    }
    return "";
  }

  std::vector<Assignment> random_fields(int max) {
    std::vector<Assignment> set;
    const int n = pick(max + 1);
    for (int i = 0; i < n; ++i) {
      const FieldDef& f = any(m_def->fields);
      set.push_back({f.name, value_for(f.type)});
    }
    return set;
  }

  Request random_request(const Principal& who) {
    Request r;
    const int roll = pick(100);
    const StateDef& state = m_def->states[m_instance.state];
    if (roll < 50) {
      r.kind = Request::Kind::Act;
      const auto allowed = allowed_actions(*m_def, m_instance, who, m_now);
      if (!allowed.empty() && chance(80)) {
        r.action = any(allowed);
      } else {
        r.action = state.actions.empty() || chance(20) ? "fly" : any(state.actions).name;
      }
      // The action's own fields, mostly valid, and now and then a stray one.
      for (const ActionDef& a : state.actions) {
        if (a.name != r.action) continue;
        for (const Index f : a.sets) {
          if (chance(80))
            r.set.push_back({m_def->fields[f].name, value_for(m_def->fields[f].type)});
        }
        break;
      }
      if (chance(10)) {
        auto extra = random_fields(1);
        r.set.insert(r.set.end(), extra.begin(), extra.end());
      }
    } else if (roll < 75) {
      r.kind = Request::Kind::Review;
      if (state.review) {
        for (const CriterionDef& c : state.review->criteria) {
          if (chance(92)) r.set.push_back({c.name, number_text(c.lo - 1, c.hi + 1)});
        }
        if (state.review->vote && chance(95))
          r.set.push_back({"vote", any(std::vector<std::string>{"approve", "reject", "찬성", "반대",
                                                                "yes", "maybe"})});
      }
    } else if (roll < 85) {
      r.kind = Request::Kind::Recall;
    } else {
      r.kind = Request::Kind::Fire;
      if (!m_instance.timers.empty() && chance(85)) {
        r.timer = any(m_instance.timers);
        m_now = std::max(m_now, r.timer.due);
      } else {
        r.timer = PendingTimer{m_instance.state, 0, m_now};
      }
    }
    if (chance(60)) r.comment = "의견";
    if (chance(15)) r.expected_revision = m_instance.revision - pick(2);
    return r;
  }

  // One of the things `who` may do now (guards and values may still refuse it).
  Request allowed_request(const Principal& who) {
    const auto allowed = allowed_actions(*m_def, m_instance, who, m_now);
    Request r = random_request(who);
    if (allowed.empty()) return r;
    const std::string name = any(allowed);
    if (name == "review" || name == "recall") {
      while (r.kind != (name == "review" ? Request::Kind::Review : Request::Kind::Recall))
        r = random_request(who);
      return r;
    }
    while (r.kind != Request::Kind::Act) r = random_request(who);
    r.action = name;
    r.set.clear();
    for (const ActionDef& a : m_def->states[m_instance.state].actions) {
      if (a.name != name) continue;
      for (const Index f : a.sets)
        r.set.push_back({m_def->fields[f].name, value_for(m_def->fields[f].type)});
      break;
    }
    return r;
  }

  void begin_item() {
    check_replay();
    m_instance = Instance{};
    m_taken.clear();
    m_events.clear();
    ++items;
    const std::vector<Principal> starters = starters_of(*m_def, m_people);
    while (true) {
      const Principal& who = !starters.empty() && chance(90) ? any(starters) : any(m_people);
      // Mostly with the required fields, since no action of a start state may set them later.
      std::vector<Assignment> set;
      for (const FieldDef& f : m_def->fields) {
        if (chance(f.required ? 97 : 30)) set.push_back({f.name, value_for(f.type, 3)});
      }
      Request r = start_request(std::move(set), "item-" + std::to_string(items));
      Outcome out = apply(*m_def, m_instance, r, who, m_now);
      if (!out) {
        ++codes[out.error().code];
        continue;
      }
      m_instance = out->instance;
      m_taken.push_back({r, who, m_now});
      m_events.push_back(out->event);
      EXPECT_EQ(m_instance.revision, 1);
      EXPECT_EQ(out->event.seq, 1);
      return;
    }
  }

  void step(int i) {
    m_now.seconds += pick(3) * kDay + pick(24) * kHour;
    // A new item once this one is finished, or when it has been stuck for a long while.
    if (m_taken.empty() || m_def->states[m_instance.state].kind == StateKind::Final ||
        m_refused_in_a_row > 15) {
      begin_item();
      m_refused_in_a_row = 0;
    }
    // Mostly someone who can do something, doing one of the things they can do.
    std::vector<Principal> able;
    for (const Principal& p : m_people) {
      if (!allowed_actions(*m_def, m_instance, p, m_now).empty()) able.push_back(p);
    }
    const Principal who = !able.empty() && chance(75) ? any(able) : any(m_people);
    const Request r = chance(70) ? allowed_request(who) : random_request(who);
    const Instance before = m_instance;
    const Outcome out = apply(*m_def, m_instance, r, who, m_now);
    SCOPED_TRACE("step " + std::to_string(i));
    if (!out) {
      ++refused;
      ++m_refused_in_a_row;
      ++codes[out.error().code];
      EXPECT_EQ(m_instance, before);
      EXPECT_FALSE(out.error().message.empty());
      return;
    }
    ++accepted;
    m_refused_in_a_row = 0;
    const Step& s = *out;
    if (s.event.reminder != 0) {  // a reminder: an event, but no revision
      EXPECT_EQ(s.event.kind, "reminder");
      EXPECT_EQ(s.instance.revision, before.revision);
      EXPECT_EQ(s.event.seq, before.revision);
      EXPECT_EQ(s.instance.reminders, before.reminders + 1);
      EXPECT_EQ(s.event.reminder, s.instance.reminders);
      EXPECT_EQ(s.instance.updated_at, before.updated_at);
      EXPECT_EQ(s.instance.recall, before.recall);
    } else {
      EXPECT_EQ(s.instance.revision, before.revision + 1);
      EXPECT_EQ(s.event.seq, s.instance.revision);
      EXPECT_EQ(s.event.seq,
                static_cast<std::int64_t>(m_taken.size()) + 1 - before.reminders);  // contiguous
    }
    EXPECT_EQ(s.event.from, m_def->states[before.state].name);
    EXPECT_EQ(s.event.to, m_def->states[s.instance.state].name);
    EXPECT_EQ(s.event.at, m_now);
    check_invariants(s);
    kinds.insert(s.event.kind);
    if (s.final) finals.insert(s.event.to);
    m_instance = s.instance;
    m_taken.push_back({r, who, m_now});
    m_events.push_back(s.event);
  }

  void check_invariants(const Step& s) {
    const Instance& in = s.instance;
    ASSERT_LT(in.state, m_def->states.size());
    EXPECT_EQ(in.slots.size(), m_def->slot_count);
    const bool final = m_def->states[in.state].kind == StateKind::Final;
    EXPECT_EQ(s.final, final);
    if (final) {
      EXPECT_TRUE(s.waiting_roles.empty());
      EXPECT_TRUE(in.timers.empty());
    }
    for (const PendingTimer& t : in.timers) EXPECT_EQ(t.state, in.state);
    std::set<std::pair<std::uint32_t, std::string>> reviewers;
    for (const ReviewRecord& r : in.reviews)
      EXPECT_TRUE(reviewers.insert({r.block, r.reviewer}).second)
          << "two reviews by " << r.reviewer;
    for (const Index t : in.trail) EXPECT_LT(t, m_def->states.size());
    if (in.recall) {
      EXPECT_EQ(in.recall->revision, in.revision);
    }
  }

  // The accepted requests, applied again from nothing, give the same item and history.
  void check_replay() {
    if (m_taken.empty()) return;
    Instance replayed;
    for (std::size_t i = 0; i < m_taken.size(); ++i) {
      const Taken& t = m_taken[i];
      const Outcome out = apply(*m_def, replayed, t.request, t.who, t.now);
      ASSERT_TRUE(out.has_value()) << "replay refused step " << i << ": " << out.error().message;
      replayed = out->instance;
    }
    EXPECT_EQ(replayed, m_instance);

    // The history alone says where the item is and what its fields hold.
    const auto folded = fold_history(*m_def, m_events);
    ASSERT_TRUE(folded.has_value()) << folded.error();
    EXPECT_EQ(folded->state, m_instance.state);
    EXPECT_EQ(folded->revision, m_instance.revision);
    EXPECT_EQ(folded->fields, field_values(*m_def, m_instance));
    EXPECT_EQ(folded->created_at, m_instance.created_at);
    EXPECT_EQ(folded->updated_at, m_instance.updated_at);
    ++folds;
  }

  std::shared_ptr<const Definition> m_def;
  std::vector<Principal> m_people;
  std::mt19937 m_rng;
  Instance m_instance;
  std::vector<Taken> m_taken;
  std::vector<HistoryEvent> m_events;  // of the current item, as apply returned them
  int m_refused_in_a_row = 0;
  Date m_now = ymd(2024, 1, 10, 1);
};

std::vector<Principal> suggestion_people() {
  return {person("kim", {"proposer"}),
          person("ahn", {"proposer", "screener"}),
          person("han", {"screener"}),
          person("j1", {"judge"}),
          person("j2", {"judge"}),
          person("j3", {"judge"}),
          person("dep", {"judge"}, {{"j1", {"judge"}}}),
          person("lee", {"office"}),
          person("sub", {}, {{"lee", {"office"}}}),
          person("oh", {"executor"}),
          person("nobody")};
}

class RuntimeWalk : public ::testing::TestWithParam<unsigned> {};

TEST_P(RuntimeWalk, SuggestionProcedure) {
  Walk walk(load_workflow("suggestion.flow"), suggestion_people(), GetParam());
  walk.run(200);
  EXPECT_GT(walk.accepted, 20);
  EXPECT_GT(walk.refused, 20);
  EXPECT_TRUE(walk.kinds.contains("act"));
  EXPECT_EQ(walk.folds, walk.items);  // every item's history was folded and checked
}

TEST_P(RuntimeWalk, PurchaseProcedure) {
  Walk walk(purchase(),
            {person("kim", {"clerk"}), person("park", {"boss"}), person("choi", {"head"}),
             person("both", {"clerk", "boss"}), person("dep", {}, {{"park", {"boss"}}})},
            GetParam());
  walk.run(200);
  EXPECT_GT(walk.accepted, 20);
  EXPECT_GT(walk.refused, 20);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RuntimeWalk, ::testing::Values(1u, 2u, 3u, 42u, 2024u));

// Over many seeds the walk reaches every kind of event and the committee's outcomes.
TEST(RuntimeWalkCoverage, ManySeedsReachEveryKindOfEvent) {
  std::set<std::string> kinds, finals;
  std::set<Refusal::Code> codes;
  int items = 0;
  const auto def = load_workflow("suggestion.flow");
  for (unsigned seed = 100; seed < 140; ++seed) {
    Walk walk(def, suggestion_people(), seed);
    walk.run(200);
    kinds.insert(walk.kinds.begin(), walk.kinds.end());
    finals.insert(walk.finals.begin(), walk.finals.end());
    for (auto const& [code, count] : walk.codes) codes.insert(code);
    items += walk.items;
  }
  EXPECT_GT(items, 20);
  // The walk meets every kind of refusal that a random person's random request can cause in
  // this procedure (it has no guards on actions, no windows and no decision loops).
  using C = Refusal::Code;
  for (C code : {C::UnknownAction, C::WrongRole, C::MissingField, C::MissingComment, C::BadValue,
                 C::NotSettable, C::StaleRevision, C::NotReviewer, C::AlreadyReviewed,
                 C::NotRecallable, C::TimerGone})
    EXPECT_TRUE(codes.contains(code)) << code_name(code);
  // (Its one timer that acts, `after 180d` in execution, is seldom waited out by a walk: an
  // executor is there to report. tests/engine/runtime_time_test.cpp covers timers that act.)
  for (const char* k : {"act", "review", "recall", "reminder", "return"})
    EXPECT_TRUE(kinds.contains(k)) << k;
  EXPECT_TRUE(finals.contains("declined"));
  EXPECT_TRUE(finals.contains("completed") || finals.contains("not_adopted"));
}

}  // namespace
}  // namespace dojang::engine::test_rt
