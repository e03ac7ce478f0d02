#pragma once
// The summary of dojang_bench: compile throughput beside Boost.JSON, guard evaluation beside
// native C++ and Lua, each with its target and OK or MISSED.

#include <ostream>

#include "common/median_reporter.hpp"

namespace dojang::bench {

void print_summary(std::ostream& out, const MedianReporter& results);

}  // namespace dojang::bench
