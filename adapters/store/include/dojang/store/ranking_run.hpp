#pragma once
// One run of a ranking (engine::rank) over one group: kept so that each group is ranked once.

#include <string>

#include "dojang/engine/value.hpp"

namespace dojang::store {

struct RankingRun {
  std::string workflow;
  std::string ranking;    // the `rank` block's name
  std::string group_key;  // engine::rank_group_key: "2007", or "" without `per`
  int version = 0;        // of the procedure the members were on
  engine::Date ran_at;
  std::string actor;  // who ran it, or "system" (tick)
  bool operator==(const RankingRun&) const = default;
};

}  // namespace dojang::store
