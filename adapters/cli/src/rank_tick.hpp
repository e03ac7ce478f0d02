#pragma once
// The rankings that `dojang tick` runs: every `rank` block with `at MM-DD` whose day has come
// (Korea time) since the earliest member of a group started, for each group not ranked yet.

#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "runtime_session.hpp"

namespace dojang::cli {

struct TickedRanking {
  bool ok = false;
  std::string line;          // for people
  boost::json::object json;  // for machines
};

// Runs them as the system, one transaction per group. A group another process ranked meanwhile
// is skipped; a refusal (e.g. a tie under `ties refuse`) is reported and retried on the next tick.
[[nodiscard]] std::vector<TickedRanking> tick_rankings(Session& session);

}  // namespace dojang::cli
