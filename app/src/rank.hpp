#pragma once
// Rankings run from the store, by a person or by the clock.

#include <map>
#include <string>
#include <vector>

#include "state.hpp"

namespace dojang::app {

// The members waiting in `state_name` of `workflow`, by group key (engine::rank_group_key,
// computed with each member's own version of the ranking named `ranking`).
using RankGroups = std::map<std::string, std::vector<engine::Instance>>;
[[nodiscard]] Result<RankGroups> rank_groups(State& state, const std::string& workflow,
                                             const std::string& ranking,
                                             const std::string& state_name);

// Ranks one group (its members, possibly none) and commits every step with the run row.
// `latest` is the procedure's latest version, used when the group is empty. A group ranked
// already is "duplicate", a member that moved meanwhile "conflict".
[[nodiscard]] Result<RankDone> rank_and_commit(State& state, const Procedure& latest,
                                               const std::string& ranking,
                                               const std::string& group_key,
                                               const std::vector<engine::Instance>& members,
                                               const engine::Principal& who, bool by_timer);

// Every `rank` block with `at MM-DD` whose day has come (Korea time) since the earliest member
// of a group started, for each group not ranked yet, as the system, one transaction per group.
// A group another process ranked meanwhile is skipped; a refusal is reported (and retried on the
// next tick).
[[nodiscard]] std::vector<TickedRanking> tick_rankings(State& state);

}  // namespace dojang::app
