#pragma once
// What the adapters need to run rankings (cohort.hpp) by hand and by the clock: where a ranking
// is declared, which group an item belongs to, and whether a ranking's `at MM-DD` day has come.

#include <string>
#include <string_view>
#include <vector>

#include "dojang/engine/definition.hpp"
#include "dojang/engine/runtime.hpp"

namespace dojang::engine {

// The state whose `rank` block is named `name`, or kNone.
[[nodiscard]] Index ranking_state(const Definition& definition, std::string_view name);

// The item's group for the ranking, as text ("2007"); "" when the ranking has no `per`, "-" when
// the item's group field is empty.
[[nodiscard]] std::string rank_group_key(const Definition& definition, const RankingDef& ranking,
                                         const Instance& instance);

// The states whose items are still being scored for the ranking in `state` (see ScoringRule):
// every state with a review from which `state` can be reached, `state` itself when it has a
// review, in state order; empty when `state` has no ranking. The caller loads the items waiting
// there (Store::cohort of each state's name) and passes them to rank() as `being_scored`.
[[nodiscard]] std::vector<Index> scoring_states(const Definition& definition, Index state);

// Whether an `at MM-DD` day (Korea time, UTC+9) has come between `since` and `now`, both
// inclusive, by calendar days: the first tick on or after that day ranks a cohort whose earliest
// member started at `since`.
[[nodiscard]] bool rank_day_reached(const MonthDay& at, Date since, Date now);

}  // namespace dojang::engine
