#pragma once
// The comparison table printed at the end: each figure beside its baseline from the same run,
// with its target and OK or MISSED.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "commit_bench.hpp"
#include "inbox_bench.hpp"

namespace dojang::runtime_bench {

struct CommitRow {
  Throughput dojang;
  std::optional<double> pgbench_transaction;  // tx/s; empty when pgbench did not run or failed
  std::optional<double> pgbench_cte;
};

struct Results {
  std::string load_at_start, load_at_end;  // /proc/loadavg
  int seconds = 0;                         // per measurement of benchmark 1
  bool commit_run = false, baseline_run = false;
  std::string server;  // the PostgreSQL version and its settings that matter for commits
  std::vector<CommitRow> commit;
  // CPU seconds per Google Benchmark iteration; empty when not run.
  std::optional<double> msm_seconds, dojang_seconds, dojang_into_seconds;
  bool apply_repeated = false;
  bool inbox_run = false;
  std::vector<Latency> inbox;
};

// The load averages of the machine, "1.23 0.98 0.80", or "?" when unknown.
[[nodiscard]] std::string load_average();

void print_summary(std::ostream& out, const Results& results);

}  // namespace dojang::runtime_bench
