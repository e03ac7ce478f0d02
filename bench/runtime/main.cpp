// dojang_runtime_bench: the runtime benchmarks, each beside a baseline measured in the same run.
//   1. persisted transitions per second on PostgreSQL (apply + commit) beside pgbench;
//   2. engine::apply in memory beside Boost.MSM (Google Benchmark: accepts --benchmark_* flags);
//   3. inbox latency on PostgreSQL at growing sizes, beside the smallest size.
// Run it through scripts/bench-runtime, which builds it in Release and starts a throwaway
// PostgreSQL. A summary with the targets comes last.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "apply_bench.hpp"
#include "commit_bench.hpp"
#include "common/median_reporter.hpp"
#include "inbox_bench.hpp"
#include "must.hpp"
#include "options.hpp"
#include "pgbench_baseline.hpp"
#include "sql_session.hpp"
#include "summary.hpp"

namespace rb = dojang::runtime_bench;

namespace {

void run_apply(rb::Results& results) {
  rb::verify_apply();
  rb::register_apply_benchmarks();
  dojang::bench::MedianReporter reporter(isatty(STDOUT_FILENO) != 0
                                             ? benchmark::ConsoleReporter::OO_ColorTabular
                                             : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  results.msm_seconds = reporter.seconds(rb::kApplyMsm);
  results.dojang_seconds = reporter.seconds(rb::kApplyDojang);
  results.dojang_into_seconds = reporter.seconds(rb::kApplyIntoDojang);
  results.apply_repeated = reporter.repeated();
}

void run_commit(const rb::Options& options, rb::Results& results) {
  results.commit_run = true;
  results.baseline_run = !options.pgbench.empty();
  std::cerr << "bench: starting " << options.instances << " rt_pingpong items\n";
  const rb::CommitSetup setup = rb::prepare_commit_bench(options.commit_db, options.instances);
  {
    rb::SqlSession sql(options.commit_db);
    results.server = "PostgreSQL " + sql.text("SHOW server_version") + ", synchronous_commit " +
                     sql.text("SHOW synchronous_commit") + ", fsync " + sql.text("SHOW fsync") +
                     ", shared_buffers " + sql.text("SHOW shared_buffers");
  }
  std::string dir;
  rb::PgbenchScripts scripts;
  if (results.baseline_run) {
    std::string pattern = (std::filesystem::temp_directory_path() / "dojang-pgbench.XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) rb::fail("mkdtemp", "cannot make a directory");
    dir = pattern;
    scripts = rb::prepare_pgbench(options.commit_db, dir);
  }
  // Each client count: dojang, then the two pgbench scripts, one after the other, so that all
  // three see the same moment of a busy machine as nearly as possible.
  for (int clients : options.clients) {
    rb::CommitRow row;
    row.dojang = rb::run_commit_bench(setup, clients, options.seconds);
    std::cerr << "bench: " << clients << " clients: dojang " << row.dojang.per_second()
              << " tx/s\n";
    if (results.baseline_run) {
      row.pgbench_transaction = rb::run_pgbench(options.pgbench, options.commit_db,
                                                scripts.transaction, clients, options.seconds);
      row.pgbench_cte = rb::run_pgbench(options.pgbench, options.commit_db, scripts.cte, clients,
                                        options.seconds);
    }
    results.commit.push_back(row);
  }
  if (!dir.empty()) std::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const rb::Options options = rb::parse_options(argc, argv);

  rb::Results results;
  results.load_at_start = rb::load_average();
  results.seconds = options.seconds;
  if (options.apply) run_apply(results);
  if (!options.commit_db.empty()) run_commit(options, results);
  if (!options.inbox_db.empty()) {
    results.inbox_run = true;
    results.inbox = rb::run_inbox_bench(options.inbox_db, options.inbox_sizes,
                                        options.inbox_queries, options.inbox_budget);
  }
  results.load_at_end = rb::load_average();
  rb::print_summary(std::cout, results);
  benchmark::Shutdown();
  return 0;
}
