#pragma once
// Google Benchmark's console table, plus a record of every result so that, after the run, a short
// summary can set each figure beside its baseline and its target. Shared by both benchmark
// programs, with the two helpers their summaries print with.

#include <benchmark/benchmark.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dojang::bench {

class MedianReporter : public benchmark::ConsoleReporter {
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

// printf into a std::string (a line of a summary).
[[gnu::format(printf, 1, 2)]] std::string format(const char* fmt, ...);

// "OK" or "MISSED", beside a target.
[[nodiscard]] const char* verdict(bool ok);

}  // namespace dojang::bench
