#include "rank_tick.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "dojang/engine/rank_support.hpp"
#include "rank_runner.hpp"

namespace dojang::cli {
namespace {

struct Scheduled {
  engine::MonthDay at;
};
using ScheduleKey = std::tuple<std::string, std::string, std::string>;  // workflow, ranking, state

TickedRanking failed(const ScheduleKey& key, const std::string& group, const std::string& why) {
  const auto& [workflow, ranking, state] = key;
  TickedRanking out;
  out.line = workflow + " " + ranking + (group.empty() ? "" : ", " + group) + ": " + why;
  out.json["result"] = "failed";
  out.json["workflow"] = workflow;
  out.json["ranking"] = ranking;
  out.json["group"] = group;
  out.json["message"] = why;
  return out;
}

// Every (workflow, ranking, state) with an `at` day, over every deployed version (a later
// version's day wins).
std::map<ScheduleKey, Scheduled> schedule(Session& session, std::vector<TickedRanking>& out) {
  std::map<ScheduleKey, Scheduled> found;
  auto records = session.store().definitions();
  if (!records) {
    out.push_back(failed({"", "", ""}, "", store_failure(records.error()).message));
    return found;
  }
  for (const store::DefinitionRecord& record : *records) {
    auto procedure = session.procedure(record.name, record.version);
    if (!procedure) continue;  // a text that no longer compiles ranks nothing
    for (const engine::StateDef& s : procedure->definition->states) {
      if (s.ranking && s.ranking->at)
        found[{record.name, s.ranking->name, s.name}] = Scheduled{*s.ranking->at};
    }
  }
  return found;
}

}  // namespace

std::vector<TickedRanking> tick_rankings(Session& session) {
  std::vector<TickedRanking> out;
  const engine::Principal system{"system", {}, {}};
  for (const auto& [key, scheduled] : schedule(session, out)) {
    const auto& [workflow, ranking, state] = key;
    auto latest = session.procedure(workflow, std::nullopt);
    if (!latest) {
      out.push_back(failed(key, "", latest.error().message));
      continue;
    }
    auto groups = rank_groups(session, workflow, ranking, state);
    if (!groups) {
      out.push_back(failed(key, "", groups.error().message));
      continue;
    }
    for (const auto& [group, members] : *groups) {
      auto run = session.store().ranking_run(workflow, ranking, group);
      if (!run) {
        out.push_back(failed(key, group, store_failure(run.error()).message));
        continue;
      }
      if (*run) continue;  // ranked already
      const auto earliest = std::min_element(
          members.begin(), members.end(), [](const engine::Instance& a, const engine::Instance& b) {
            return a.created_at < b.created_at;
          });
      if (earliest == members.end() ||
          !engine::rank_day_reached(scheduled.at, earliest->created_at, session.now()))
        continue;
      auto done = rank_and_commit(session, *latest, ranking, group, members, system, true);
      if (!done) {
        if (done.error().code == "duplicate") continue;  // another tick got there first
        out.push_back(failed(key, group, done.error().message));
        continue;
      }
      TickedRanking ok;
      ok.ok = true;
      ok.line = rank_summary(*done);
      ok.json = rank_json(*done);
      ok.json["result"] = "ranked";
      out.push_back(std::move(ok));
    }
  }
  return out;
}

}  // namespace dojang::cli
