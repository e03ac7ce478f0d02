#pragma once
// Google Benchmark's console table, plus a record of every result so that, after the run, a short
// summary can set each figure beside its baseline and its target.

#include <benchmark/benchmark.h>

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dojang::bench {

class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override;

  // CPU seconds per iteration of the named benchmark: the median when it was repeated, else the
  // last run. Empty when it did not run (filtered out, or failed).
  [[nodiscard]] std::optional<double> seconds(std::string_view name) const;

  // Whether any figure is a median of repetitions.
  [[nodiscard]] bool repeated() const { return m_repeated; }

 private:
  std::map<std::string, double, std::less<>> m_seconds;
  std::set<std::string, std::less<>> m_medians;  // names that have a median: it wins
  bool m_repeated = false;
};

// The comparison table: compile throughput beside Boost.JSON, guard evaluation beside native C++
// and Lua, each with its target and OK or MISSED.
void print_summary(std::ostream& out, const SummaryReporter& results);

}  // namespace dojang::bench
