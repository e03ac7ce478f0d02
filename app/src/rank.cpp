// Rankings (engine::rank) from the store: the cohort waiting in the ranking's state, grouped by
// the `per` field; one group ranked on the version its members are on and committed in one
// transaction. By a person (App::rank) or by the clock (`at MM-DD`, in tick).

#include "rank.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include "dojang/base/local_time.hpp"
#include "dojang/engine/rank_support.hpp"

namespace dojang::app {
namespace {

const engine::RankingDef* ranking_in(const engine::Definition& def, const std::string& name,
                                     engine::Index* state = nullptr) {
  const engine::Index s = engine::ranking_state(def, name);
  if (s == engine::kNone) return nullptr;
  if (state != nullptr) *state = s;
  return &*def.states[s].ranking;
}

Error unknown_ranking(const engine::Definition& def, const std::string& name) {
  std::string list;
  for (const engine::StateDef& s : def.states) {
    if (s.ranking) list += (list.empty() ? "" : ", ") + s.ranking->name;
  }
  return Error{Error::Kind::NotFound,
               "unknown_ranking",
               "procedure '" + def.name + "' has no ranking '" + name + "'" +
                   (list.empty() ? std::string("; it ranks nothing") : "; its rankings: " + list),
               {}};
}

}  // namespace

Result<RankGroups> rank_groups(State& state, const std::string& workflow,
                               const std::string& ranking, const std::string& state_name) {
  auto cohort = state.store().cohort(workflow, state_name);
  if (!cohort) return std::unexpected(from_store(cohort.error()));
  RankGroups groups;
  for (engine::Instance& in : *cohort) {
    auto pinned = state.procedure(in.workflow, in.version);
    if (!pinned) return std::unexpected(pinned.error());
    const engine::RankingDef* r = ranking_in(*pinned->definition, ranking);
    if (r == nullptr) continue;  // that version ranks nothing there
    groups[engine::rank_group_key(*pinned->definition, *r, in)].push_back(std::move(in));
  }
  return groups;
}

Result<RankDone> rank_and_commit(State& state, const Procedure& latest, const std::string& ranking,
                                 const std::string& group_key,
                                 const std::vector<engine::Instance>& members,
                                 const engine::Principal& who, bool by_timer) {
  RankDone done;
  done.definition = latest.definition;
  int version = latest.version;
  if (!members.empty()) {
    version = members.front().version;
    auto pinned = state.procedure(latest.definition->name, version);
    if (!pinned) return std::unexpected(pinned.error());
    done.definition = pinned->definition;
  }
  const engine::Definition& def = *done.definition;
  if (ranking_in(def, ranking, &done.state) == nullptr) {
    return std::unexpected(Error{Error::Kind::NotFound,
                                 "unknown_ranking",
                                 "version " + std::to_string(version) + " of '" + def.name +
                                     "' has no ranking '" + ranking + "'",
                                 {}});
  }
  // A group ranked already says so, even when its members have all moved on since.
  auto earlier = state.store().ranking_run(def.name, ranking, group_key);
  if (!earlier) return std::unexpected(from_store(earlier.error()));
  if (*earlier) {
    const store::RankingRun& run = **earlier;
    return std::unexpected(Error{
        Error::Kind::Conflict,
        "duplicate",
        "ranking '" + ranking + "' of '" + def.name + "'" +
            (group_key.empty() ? std::string() : " for " + group_key) + " was already run on " +
            base::format_readable(run.ran_at.seconds, base::office_zone()) + " by " + run.actor +
            "; each group is ranked once",
        {}});
  }
  // The items still being scored upstream: a ranking now would leave them out (`while scoring`).
  std::vector<engine::Instance> scoring;
  for (const engine::Index s : engine::scoring_states(def, done.state)) {
    auto waiting = state.store().cohort(def.name, def.states[s].name);
    if (!waiting) return std::unexpected(from_store(waiting.error()));
    scoring.insert(scoring.end(), std::make_move_iterator(waiting->begin()),
                   std::make_move_iterator(waiting->end()));
  }
  auto ranked = engine::rank(def, done.state, members, scoring, who, by_timer, state.now);
  if (!ranked) return std::unexpected(from_refusal(ranked.error()));
  done.ranking = std::move(*ranked);
  done.run = store::RankingRun{def.name, ranking,   group_key,
                               version,  state.now, by_timer ? "system" : who.user};
  auto committed = state.store().commit_ranking(done.run, done.ranking.steps);
  if (!committed) {
    Error error = from_store(committed.error());
    if (committed.error().code == store::Error::Code::Conflict)
      error.message += "; nothing was ranked";
    return std::unexpected(error);
  }
  return done;
}

Result<RankDone> App::rank(const std::string& workflow, const std::string& ranking,
                           const std::string& user, const std::optional<std::string>& group) {
  State& state = *m;
  state.begin();
  auto who = state.principal(user);
  if (!who) return std::unexpected(who.error());
  auto latest = state.procedure(workflow, std::nullopt);
  if (!latest) return std::unexpected(latest.error());
  const engine::Definition& def = *latest->definition;
  const engine::Index at = engine::ranking_state(def, ranking);
  if (at == engine::kNone) return std::unexpected(unknown_ranking(def, ranking));
  const engine::RankingDef& r = *def.states[at].ranking;
  if (r.group != engine::kNone && !group) {
    return std::unexpected(Error{Error::Kind::BadInput,
                                 "group_required",
                                 "ranking '" + r.name + "' ranks each " + def.fields[r.group].name +
                                     " on its own: say which group (e.g. 2026)",
                                 {}});
  }
  if (r.group == engine::kNone && group) {
    return std::unexpected(
        Error{Error::Kind::BadInput,
              "group_not_taken",
              "ranking '" + r.name + "' has no `per`: it ranks every item at once, not by group",
              {}});
  }
  const std::string group_key = group.value_or("");
  auto groups = rank_groups(state, workflow, r.name, def.states[at].name);
  if (!groups) return std::unexpected(groups.error());
  static const std::vector<engine::Instance> kNobody;
  auto found = groups->find(group_key);
  const std::vector<engine::Instance>& members = found == groups->end() ? kNobody : found->second;
  return rank_and_commit(state, *latest, r.name, group_key, members, *who, false);
}

namespace {

using ScheduleKey = std::tuple<std::string, std::string, std::string>;  // workflow, ranking, state

TickedRanking failed(const ScheduleKey& key, const std::string& group, const std::string& why) {
  const auto& [workflow, ranking, state] = key;
  return TickedRanking{workflow, ranking, group, std::nullopt, why};
}

// Every (workflow, ranking, state) with an `at` day, over every deployed version (a later
// version's day wins).
std::map<ScheduleKey, engine::MonthDay> schedule(State& state, std::vector<TickedRanking>& out) {
  std::map<ScheduleKey, engine::MonthDay> found;
  auto records = state.store().definitions();
  if (!records) {
    out.push_back(failed({"", "", ""}, "", from_store(records.error()).message));
    return found;
  }
  for (const store::DefinitionRecord& record : *records) {
    auto procedure = state.procedure(record.name, record.version);
    if (!procedure) continue;  // a text that no longer compiles ranks nothing
    for (const engine::StateDef& s : procedure->definition->states) {
      if (s.ranking && s.ranking->at)
        found[{record.name, s.ranking->name, s.name}] = *s.ranking->at;
    }
  }
  return found;
}

}  // namespace

std::vector<TickedRanking> tick_rankings(State& state) {
  std::vector<TickedRanking> out;
  auto found = state.system();
  if (!found) {
    out.push_back(failed({"", "", ""}, "", found.error().message));
    return out;
  }
  const engine::Principal& system = *found;
  for (const auto& [key, at] : schedule(state, out)) {
    const auto& [workflow, ranking, state_name] = key;
    auto latest = state.procedure(workflow, std::nullopt);
    if (!latest) {
      out.push_back(failed(key, "", latest.error().message));
      continue;
    }
    auto groups = rank_groups(state, workflow, ranking, state_name);
    if (!groups) {
      out.push_back(failed(key, "", groups.error().message));
      continue;
    }
    for (const auto& [group, members] : *groups) {
      auto run = state.store().ranking_run(workflow, ranking, group);
      if (!run) {
        out.push_back(failed(key, group, from_store(run.error()).message));
        continue;
      }
      if (*run) continue;  // ranked already
      const auto earliest = std::min_element(
          members.begin(), members.end(), [](const engine::Instance& a, const engine::Instance& b) {
            return a.created_at < b.created_at;
          });
      if (earliest == members.end() ||
          !engine::rank_day_reached(at, earliest->created_at, state.now))
        continue;
      auto done = rank_and_commit(state, *latest, ranking, group, members, system, true);
      if (!done) {
        if (done.error().code == "duplicate") continue;         // another tick got there first
        if (done.error().code == "wait_for_scoring") continue;  // `while scoring wait`: later
        out.push_back(failed(key, group, done.error().message));
        continue;
      }
      out.push_back(TickedRanking{workflow, ranking, group, std::move(*done), ""});
    }
  }
  return out;
}

}  // namespace dojang::app
