#pragma once
// Google Benchmark's console table, plus a record of each benchmark's CPU time per iteration
// (the median when repeated) for the summary.

#include <benchmark/benchmark.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dojang::runtime_bench {

class TimingReporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override;

  // CPU seconds per iteration: the median when repeated, else the last run; empty when the
  // benchmark did not run.
  [[nodiscard]] std::optional<double> seconds(std::string_view name) const;
  [[nodiscard]] bool repeated() const { return m_repeated; }

 private:
  std::map<std::string, double, std::less<>> m_seconds;
  std::set<std::string, std::less<>> m_medians;
  bool m_repeated = false;
};

}  // namespace dojang::runtime_bench
