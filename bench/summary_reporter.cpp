#include "summary_reporter.hpp"

#include "benchmarks.hpp"
#include "generated_definition.hpp"

namespace dojang::bench {

namespace {

constexpr double kMega = 1e6;  // MB and KB are decimal: 1 MB = 10^6 bytes

void print_compile(std::ostream& out, const MedianReporter& results) {
  const GeneratedDefinition& g = benchmark_definition();
  const double flow_bytes = static_cast<double>(g.flow.size());
  const double json_bytes = static_cast<double>(g.json.size());
  out << format(
      "compile throughput (%zu states x %zu guarded actions; .flow %.1f KB, JSON %.1f KB;"
      " MB/s of each one's own text)\n",
      g.states, g.actions_per_state, flow_bytes / 1e3, json_bytes / 1e3);

  const std::optional<double> json = results.seconds(kJsonParse);
  const auto mbps = [](double bytes, double seconds) { return bytes / seconds / kMega; };
  if (json) {
    out << format("  boost::json::parse  %8.1f MB/s  %8.2f ms   (baseline)\n",
                  mbps(json_bytes, *json), *json * 1e3);
  } else {
    out << "  boost::json::parse  (not run)\n";
  }
  struct Row {
    std::string_view name;
    const char* label;
    double target;
  };
  for (const Row& row :
       {Row{kDslParse, "dojang parse", 1.0 / 3}, Row{kDslCompile, "dojang compile", 0.1}}) {
    const std::optional<double> s = results.seconds(row.name);
    if (!s) {
      out << format("  %-19s (not run)\n", row.label);
      continue;
    }
    std::string line =
        format("  %-19s %8.1f MB/s  %8.2f ms", row.label, mbps(flow_bytes, *s), *s * 1e3);
    if (json) {
      const double ratio = mbps(flow_bytes, *s) / mbps(json_bytes, *json);
      line += format("   %.2fx baseline   target >= %.2fx   %s", ratio, row.target,
                     verdict(ratio >= row.target));
    }
    out << line << "\n";
  }
}

void print_guard(std::ostream& out, const MedianReporter& results) {
  out << "guard evaluation (c*0.25 + i*0.25 + u*0.2 + d*0.15 + r*0.15 >= 60 and area == "
         "\"process\")\n";
  const std::optional<double> native = results.seconds(kGuardNative);
  const std::optional<double> lua = results.seconds(kGuardLua);
  const std::optional<double> dojang = results.seconds(kGuardDojang);
  const auto ns = [](std::optional<double> s) { return *s * 1e9; };

  if (native) {
    out << format("  native lambda      %8.1f ns     (baseline)\n", ns(native));
  } else {
    out << "  native lambda      (not run)\n";
  }
  if (lua) {
    std::string line = format("  Lua 5.4 (C API)    %8.1f ns", ns(lua));
    if (native) line += format("     %.1fx native", *lua / *native);
    out << line << "\n";
  } else {
    out << "  Lua 5.4 (C API)    (not run)\n";
  }
  if (dojang) {
    std::string line = format("  dojang             %8.1f ns", ns(dojang));
    if (lua) {
      const double ratio = *dojang / *lua;
      line += format("     %.2fx Lua (target <= 0.5x) %s", ratio, verdict(ratio <= 0.5));
    }
    if (native) {
      const double ratio = *dojang / *native;
      line += format("   %.1fx native (target <= 10x) %s", ratio, verdict(ratio <= 10));
    }
    out << line << "\n";
  } else {
    out << "  dojang             (not run)\n";
  }
}

}  // namespace

void print_summary(std::ostream& out, const MedianReporter& results) {
  out << "\nsummary (CPU time per operation"
      << (results.repeated() ? ", medians of the repetitions" : "") << ")\n";
  print_compile(out, results);
  print_guard(out, results);
}

}  // namespace dojang::bench
