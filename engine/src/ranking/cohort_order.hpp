#pragma once
// Ordering a cohort for a ranking: comparing key values (null last), competition places, bands,
// and the `ties refuse` check. Private to the engine (cohort.cpp).

#include <cstddef>
#include <expected>
#include <span>
#include <string>
#include <vector>

#include "dojang/engine/cohort.hpp"

namespace dojang::engine::detail {

// A member of the cohort with its key values, before ordering.
struct RankEntry {
  const Instance* instance = nullptr;
  std::vector<Value> keys;
};

// Three-way comparison of one key's values: < 0 when `a` ranks first, > 0 when `b` does, 0 when
// equal. A null ranks after every value, whichever the direction; two nulls are equal.
[[nodiscard]] int compare_key(const Value& a, const Value& b, bool descending);

// Where each entry ends up: indexes into the entries, in place order.
struct Placement {
  std::size_t entry = 0;
  int place = 0;
  Index band = kNone;  // kNone: after every band (the item stays where it is)
};

// Orders the entries by the ranking's keys and tie rule, gives competition places and bands.
// A Tie refusal when `ties refuse` meets equal items on both sides of a band boundary.
[[nodiscard]] std::expected<std::vector<Placement>, Refusal> place_entries(
    const Definition& def, const RankingDef& ranking, std::span<const RankEntry> entries);

}  // namespace dojang::engine::detail
