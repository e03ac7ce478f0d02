#include "timing_reporter.hpp"

namespace dojang::runtime_bench {

void TimingReporter::ReportRuns(const std::vector<Run>& runs) {
  benchmark::ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.error_occurred) continue;
    const std::string name = run.run_name.str();
    const double seconds =
        run.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
    if (run.run_type == Run::RT_Aggregate) {
      if (run.aggregate_name != "median") continue;
      m_seconds[name] = seconds;
      m_medians.insert(name);
      m_repeated = true;
    } else if (!m_medians.contains(name)) {
      m_seconds[name] = seconds;
    }
  }
}

std::optional<double> TimingReporter::seconds(std::string_view name) const {
  auto it = m_seconds.find(name);
  if (it == m_seconds.end()) return std::nullopt;
  return it->second;
}

}  // namespace dojang::runtime_bench
