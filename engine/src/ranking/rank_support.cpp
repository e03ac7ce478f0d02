// Helpers for running rankings: where one is declared, an item's group, the `at` day.

#include "dojang/engine/rank_support.hpp"

#include <cstdint>
#include <vector>

#include "dojang/base/local_time.hpp"
#include "apply/runtime_detail.hpp"
#include "dojang/engine/graph_analysis.hpp"

namespace dojang::engine {

namespace {

// The office's calendar day of `at` as YYYYMMDD.
std::int64_t office_ymd(Date at) {
  const base::CivilDate d = base::to_local(at.seconds, base::office_zone()).date;
  return d.year * 10000 + d.month * 100 + d.day;
}

}  // namespace

Index ranking_state(const Definition& definition, std::string_view name) {
  for (Index s = 0; s < definition.states.size(); ++s) {
    const auto& ranking = definition.states[s].ranking;
    if (ranking && ranking->name == name) return s;
  }
  return kNone;
}

std::string rank_group_key(const Definition& definition, const RankingDef& ranking,
                           const Instance& instance) {
  if (ranking.group == kNone) return "";
  if (ranking.group >= definition.fields.size()) return "-";
  const Index slot = definition.fields[ranking.group].slot;
  return slot < instance.slots.size() ? detail::plain(instance.slots[slot]) : "-";
}

std::vector<Index> scoring_states(const Definition& definition, Index state) {
  std::vector<Index> out;
  if (state >= definition.states.size() || !definition.states[state].ranking) return out;
  // Every state from which `state` can be reached: walked back along the graph's edges.
  const StateGraph graph = build_state_graph(definition);
  std::vector<bool> reaches(definition.states.size(), false);
  reaches[state] = true;
  for (bool grew = true; grew;) {
    grew = false;
    for (const StateGraph::Edge& e : graph.edges) {
      if (e.from < reaches.size() && e.to < reaches.size() && reaches[e.to] && !reaches[e.from]) {
        reaches[e.from] = true;
        grew = true;
      }
    }
  }
  for (Index s = 0; s < definition.states.size(); ++s) {
    if (reaches[s] && definition.states[s].review) out.push_back(s);
  }
  return out;
}

bool rank_day_reached(const MonthDay& at, Date since, Date now) {
  const std::int64_t today = office_ymd(now);
  const std::int64_t year = today / 10000;
  const std::int64_t day = at.month * 100 + at.day;
  // The latest `at` day on or before today.
  const std::int64_t latest = (today % 10000 >= day ? year : year - 1) * 10000 + day;
  return latest >= office_ymd(since) && latest <= today;
}

}  // namespace dojang::engine
