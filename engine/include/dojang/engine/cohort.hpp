#pragma once
// Decisions across a group of instances: a state's `rank` block (see RankingDef) orders a cohort
// of items waiting in that state and moves each one by its place. Pure, like apply().

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <vector>

#include "dojang/engine/definition.hpp"
#include "dojang/engine/runtime.hpp"

namespace dojang::engine {

// One line of the ranking table, in place order.
struct RankedItem {
  std::string id;
  int place = 0;            // competition place: 1, 1, 3, ...
  std::vector<Value> keys;  // the order keys' values, as ranked
  Index band = kNone;       // index into RankingDef::bands
  bool operator==(const RankedItem&) const = default;
};

struct Ranking {
  std::vector<RankedItem> table;  // every member, in place order
  std::vector<Step> steps;        // one per member, in the same order; commit them all or none
};

// Ranks `cohort` (the items waiting in `state` of one group; every one on `definition`'s
// version) by the state's ranking. `who` must hold the ranking's role unless `by_timer`.
//
// `being_scored`: the items waiting in scoring_states(definition, state) (rank_support.hpp), as
// the store has them, of every group and version; those of the cohort's group and version that
// are not final are still being scored, and so is a member of the cohort whose review in `state`
// (if it has one) is short of its quorum. While there is any, ranking would leave them out, and
// the ranking's `while scoring` rule decides: StillScoring (`refuse`, the default) or
// WaitForScoring (`wait`: nothing is done; a caller running it by the clock tries again on a
// later tick). Both messages name the ranking, the states and how many items are being scored.
//
// Refusals also: WrongRole, EmptyCohort, MixedVersions (an item on another version),
// AlreadyFinal or UnknownAction (an item not in `state`, or a state without a ranking), Tie
// (`ties refuse`). Each Step's event has kind "rank", action = the ranking's name, and a comment
// with the place, e.g. "2위 / 28" — the history of every item says where it stood.
[[nodiscard]] std::expected<Ranking, Refusal> rank(const Definition& definition, Index state,
                                                   std::span<const Instance> cohort,
                                                   std::span<const Instance> being_scored,
                                                   const Principal& who, bool by_timer, Date now);

// The same without the items of the scoring states: only the cohort's own incomplete reviews
// count as being scored. Kept for callers not yet loading those items; prefer the one above.
[[nodiscard]] std::expected<Ranking, Refusal> rank(const Definition& definition, Index state,
                                                   std::span<const Instance> cohort,
                                                   const Principal& who, bool by_timer, Date now);

}  // namespace dojang::engine
