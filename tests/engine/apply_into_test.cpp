// apply_into gives exactly what apply gives (the same Step, or the same Refusal) over random
// walks of several procedures at once, with ONE Step reused for every call of every walk, and
// that Step dirtied between calls: nothing of an earlier call (notifications, starts, route,
// notes, changes, waiting roles, final) may leak into the next.

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <set>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

void expect_same_step(const Step& want, const Step& got) {
  EXPECT_EQ(got.instance, want.instance);
  EXPECT_EQ(got.event, want.event);
  EXPECT_EQ(got.notifications, want.notifications);
  EXPECT_EQ(got.waiting_roles, want.waiting_roles);
  EXPECT_EQ(got.starts, want.starts);
  EXPECT_EQ(got.final, want.final);
}

// Leftovers of a previous call that the next accepted step must not keep.
void dirty(Step& s) {
  s.event.kind = "stale kind, long enough not to fit in a short string";
  s.event.action = s.event.actor = s.event.on_behalf_of = s.event.comment = "stale";
  s.event.route.assign(3, "stale route");
  s.event.changes.emplace_back("stale", Value{1.5});
  s.event.notes.emplace_back("stale note");
  s.event.seq = 999;
  s.notifications.push_back({"stale role", "stale message"});
  s.waiting_roles.assign(5, "stale role");
  s.starts.push_back({"stale workflow", {{"x", Value{"y"}}}});
  s.final = true;
  s.instance.slots.assign(40, Value{"stale slot value, long enough to be on the heap"});
  s.instance.trail.assign(7, 0);
  s.instance.timers.push_back(PendingTimer{0, 0, Date{1}});
  s.instance.recall = RecallWindow{0, "stale", 5};
  s.instance.reviews.push_back(ReviewRecord{0, "stale", {Value{1.0}}, Value{true}, "", false});
}

// People for any procedure: one per role, one with every role, one with none, one deputy for
// each role holder.
std::vector<Principal> people_for(const Definition& def) {
  std::vector<Principal> out;
  std::vector<std::string> all;
  for (const RoleDef& r : def.roles) {
    out.push_back(person("p_" + r.name, {r.name}));
    out.push_back(person("d_" + r.name, {}, {{"p_" + r.name, {r.name}}}));
    all.push_back(r.name);
  }
  out.push_back(person("boss", all));
  out.push_back(person("nobody"));
  return out;
}

class Walker {
 public:
  Walker(std::shared_ptr<const Definition> def, unsigned seed)
      : m_def(std::move(def)), m_people(people_for(*m_def)), m_rng(seed) {}

  // One request checked against both functions; `reused` is shared by every walker.
  void step(Step& reused, Step& aliased) {
    m_now.seconds += pick(3) * kDay + pick(24) * kHour;
    if (!m_started || m_def->states[m_item.state].kind == StateKind::Final || m_stuck > 12) {
      m_item = Instance{};
      m_started = false;
      m_stuck = 0;
    }
    const std::vector<Principal> starters = starters_of(*m_def, m_people);
    const std::vector<Principal>& from = m_started || starters.empty() ? m_people : starters;
    const Principal* who = &from[static_cast<std::size_t>(pick(from.size()))];
    if (m_started && m_item.state == m_def->start && chance(70)) {  // mostly the drafter
      for (const Principal& p : m_people) {
        if (p.user == m_item.submitter) who = &p;
      }
    }
    const Request r = m_started ? request(*who) : start();
    const Outcome want = apply(*m_def, m_item, r, *who, m_now);

    if (chance(50)) dirty(reused);
    const Instance before = m_item;
    const std::optional<Refusal> refused = apply_into(*m_def, m_item, r, *who, m_now, reused);
    EXPECT_EQ(m_item, before);
    ASSERT_EQ(want.has_value(), !refused.has_value()) << "request " << r.action;
    if (refused) {
      EXPECT_EQ(refused->code, want.error().code);
      EXPECT_EQ(refused->message, want.error().message);
    } else {
      expect_same_step(*want, reused);
    }

    // The instance to act on may be the step's own: a refusal leaves it as it was.
    if (chance(30)) {
      if (chance(50)) dirty(aliased);
      aliased.instance = m_item;
      const std::optional<Refusal> again =
          apply_into(*m_def, aliased.instance, r, *who, m_now, aliased);
      ASSERT_EQ(want.has_value(), !again.has_value());
      if (again) {
        EXPECT_EQ(again->code, want.error().code);
        EXPECT_EQ(aliased.instance, m_item);
      } else {
        expect_same_step(*want, aliased);
      }
    }

    if (!want) {
      ++refusals;
      ++m_stuck;
      return;
    }
    ++accepted;
    m_stuck = 0;
    m_started = true;
    notified += want->notifications.empty() ? 0 : 1;
    started += want->starts.empty() ? 0 : 1;
    routed += want->event.route.empty() ? 0 : 1;
    kinds.insert(want->event.kind);
    m_item = want->instance;
  }

  int accepted = 0, refusals = 0, notified = 0, started = 0, routed = 0;
  std::set<std::string> kinds;

 private:
  int pick(std::size_t n) {
    return std::uniform_int_distribution<int>(0, static_cast<int>(n) - 1)(m_rng);
  }
  bool chance(int percent) { return pick(100) < percent; }

  std::string text_for(const FieldType& t) {
    if (chance(10)) return chance(50) ? "abc" : "";
    switch (t.kind) {
      case FieldKind::Text:
        return chance(50) ? "제안" : "title";
      case FieldKind::Person:
        return chance(50) ? "kim" : "lee";
      case FieldKind::Unit:
        return chance(50) ? "planning" : "health";
      case FieldKind::Number:
      case FieldKind::Money:
        return std::to_string(pick(2000));
      case FieldKind::Score:
        return std::to_string(static_cast<int>(t.lo) +
                              pick(static_cast<std::size_t>(t.hi - t.lo) + 1));
      case FieldKind::Bool:
        return chance(50) ? "true" : "false";
      case FieldKind::Date:
        return "2024-0" + std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(10));
      case FieldKind::OneOf:
        return t.values.empty() || chance(10)
                   ? "other"
                   : t.values[static_cast<std::size_t>(pick(t.values.size()))];
    }
    return "";
  }

  Request start() {
    std::vector<Assignment> set;
    for (const FieldDef& f : m_def->fields) {
      if (chance(f.required ? 95 : 40)) set.push_back({f.name, text_for(f.type)});
    }
    return start_request(std::move(set), "item-" + std::to_string(pick(1000)));
  }

  Request request(const Principal& who) {
    const StateDef& state = m_def->states[m_item.state];
    const int roll = pick(100);
    Request r;
    if (roll < 60) {
      const auto allowed = allowed_actions(*m_def, m_item, who, m_now);
      r.kind = Request::Kind::Act;
      if (!allowed.empty() && chance(85)) {
        r.action = allowed[static_cast<std::size_t>(pick(allowed.size()))];
      } else {
        r.action = state.actions.empty() || chance(30)
                       ? "fly"
                       : state.actions[static_cast<std::size_t>(pick(state.actions.size()))].name;
      }
      if (r.action == "review") r.kind = Request::Kind::Review;
      if (r.action == "recall") r.kind = Request::Kind::Recall;
      for (const ActionDef& a : state.actions) {
        if (a.name != r.action) continue;
        for (const Index f : a.sets) {
          if (chance(85)) r.set.push_back({m_def->fields[f].name, text_for(m_def->fields[f].type)});
        }
        break;
      }
    } else if (roll < 80) {
      r.kind = Request::Kind::Review;
    } else if (roll < 88) {
      r.kind = Request::Kind::Recall;
    } else {
      r.kind = Request::Kind::Fire;
      if (!m_item.timers.empty() && chance(85)) {
        r.timer = m_item.timers[static_cast<std::size_t>(pick(m_item.timers.size()))];
        m_now = std::max(m_now, r.timer.due);
      } else {
        r.timer = PendingTimer{m_item.state, 0, m_now};
      }
    }
    if (r.kind == Request::Kind::Review && state.review) {
      for (const CriterionDef& c : state.review->criteria) {
        if (chance(95))
          r.set.push_back(
              {c.name, std::to_string(static_cast<int>(c.lo) +
                                      pick(static_cast<std::size_t>(c.hi - c.lo) + 1))});
      }
      if (state.review->vote) r.set.push_back({"vote", chance(60) ? "approve" : "reject"});
    }
    if (chance(70)) r.comment = "의견";
    if (chance(10)) r.expected_revision = m_item.revision - pick(2);
    return r;
  }

  std::shared_ptr<const Definition> m_def;
  std::vector<Principal> m_people;
  std::mt19937 m_rng;
  Instance m_item;
  bool m_started = false;
  int m_stuck = 0;
  Date m_now = ymd(2024, 1, 10, 1);
};

TEST(ApplyInto, SameAsApplyOverRandomWalksOfManyProceduresWithOneStep) {
  std::vector<Walker> walkers;
  unsigned seed = 7;
  for (const char* flow : {"suggestion.flow", "complaint.flow", "mileage.flow", "knowledge.flow",
                           "leading_group.flow", "dept_evaluation.flow", "vision_report.flow",
                           "learning_circle.flow", "innovation_task.flow"}) {
    walkers.emplace_back(load_workflow(flow), seed++);
  }
  walkers.emplace_back(purchase(), seed++);
  Step reused, aliased;  // one of each for every call of every walk, in turn
  std::mt19937 order(11);
  for (int i = 0; i < 6000 && !::testing::Test::HasFatalFailure(); ++i) {
    Walker& w = walkers[std::uniform_int_distribution<std::size_t>(0, walkers.size() - 1)(order)];
    SCOPED_TRACE("call " + std::to_string(i));
    w.step(reused, aliased);
  }
  int accepted = 0, refusals = 0, notified = 0, routed = 0, started = 0;
  std::set<std::string> kinds;
  for (const Walker& w : walkers) {
    accepted += w.accepted;
    refusals += w.refusals;
    notified += w.notified;
    routed += w.routed;
    started += w.started;
    kinds.insert(w.kinds.begin(), w.kinds.end());
    EXPECT_GT(w.accepted, 10);
  }
  std::printf("apply_into walks: %d accepted, %d refused, %d notified, %d routed, %d started\n",
              accepted, refusals, notified, routed, started);
  // The walks went through what could leak from one call to the next.
  EXPECT_GT(accepted, 800);
  EXPECT_GT(refusals, 400);
  EXPECT_GT(notified, 20);
  EXPECT_GT(routed, 5);
  EXPECT_GT(started, 0);
  for (const char* kind : {"start", "act", "review"}) EXPECT_TRUE(kinds.contains(kind)) << kind;
}

// The documented hot loop: one Step, the item swapped out of it after each accepted step.
TEST(ApplyInto, SwappingTheItemOutOfTheStepKeepsEveryStepExact) {
  const auto def = purchase();
  const std::vector<Principal> people = people_for(*def);
  Step step;
  Instance item;
  Instance by_apply;
  const Request start =
      start_request(values({{"title", "의자"}, {"amount", "1200"}, {"kind", "goods"}}), "item-9");
  const Principal& boss = people[people.size() - 2];  // every role: the draft's drafter
  ASSERT_FALSE(apply_into(*def, item, start, boss, ymd(2024, 2, 1, 9), step));
  const Outcome first = apply(*def, item, start, boss, ymd(2024, 2, 1, 9));
  ASSERT_TRUE(first.has_value()) << first.error().message;
  expect_same_step(*first, step);
  std::swap(item, step.instance);
  by_apply = first->instance;
  int accepted = 0;
  for (int i = 0; i < 200 && def->states[item.state].kind != StateKind::Final; ++i) {
    const Principal& who = people[static_cast<std::size_t>(i) % people.size()];
    const auto allowed = allowed_actions(*def, item, who, ymd(2024, 2, 2, 9));
    if (allowed.empty()) continue;
    const Request r = act(allowed.front(), {}, "ok");
    const Outcome want = apply(*def, by_apply, r, who, ymd(2024, 2, 2, 9));
    const std::optional<Refusal> refused = apply_into(*def, item, r, who, ymd(2024, 2, 2, 9), step);
    ASSERT_EQ(want.has_value(), !refused.has_value());
    if (!want) continue;
    expect_same_step(*want, step);
    std::swap(item, step.instance);
    by_apply = want->instance;
    ++accepted;
  }
  EXPECT_EQ(item, by_apply);
  EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace dojang::engine::test_rt
