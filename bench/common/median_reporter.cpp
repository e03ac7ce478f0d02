#include "median_reporter.hpp"

#include <cstdarg>
#include <cstdio>

namespace dojang::bench {

void MedianReporter::ReportRuns(const std::vector<Run>& runs) {
  benchmark::ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.error_occurred) continue;
    const std::string name = run.run_name.str();
    const double seconds =
        run.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
    if (run.run_type == Run::RT_Aggregate) {
      if (run.aggregate_name != "median") continue;
      m_seconds[name] = seconds;
      m_repeated = true;
      m_medians.insert(name);
    } else if (!m_medians.contains(name)) {
      m_seconds[name] = seconds;
    }
  }
}

std::optional<double> MedianReporter::seconds(std::string_view name) const {
  auto it = m_seconds.find(name);
  if (it == m_seconds.end()) return std::nullopt;
  return it->second;
}

std::string format(const char* fmt, ...) {
  char buffer[512];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buffer, sizeof buffer, fmt, args);
  va_end(args);
  return buffer;
}

const char* verdict(bool ok) {
  return ok ? "OK" : "MISSED";
}

}  // namespace dojang::bench
