#pragma once
// The command line of dojang_runtime_bench, after Google Benchmark has taken its --benchmark_*
// flags.

#include <string>
#include <vector>

namespace dojang::runtime_bench {

struct Options {
  // Benchmark 1, persisted transitions: a PostgreSQL database (empty: not run) and pgbench for
  // the baseline (empty: no baseline).
  std::string commit_db;
  std::string pgbench;
  std::vector<int> clients{1, 4, 16};
  int seconds = 5;       // per client count, for dojang and for each pgbench script
  int instances = 1024;  // items the client threads share out (pgbench picks among as many rows)
  // Benchmark 2, apply in memory (Google Benchmark).
  bool apply = true;
  // Benchmark 3, inbox latency: its own PostgreSQL database (empty: not run), grown to each size
  // in turn.
  std::string inbox_db;
  std::vector<int> inbox_sizes{10'000, 1'000'000};
  int inbox_queries = 1000;
  int inbox_budget = 120;  // seconds of queries per size at most (at least 100 queries are made)
};

// Every flag is --name=value; see usage(). Prints the problem and exits with status 2 on a
// flag it does not know or a value it cannot read.
[[nodiscard]] Options parse_options(int argc, char** argv);

[[nodiscard]] const char* usage();

}  // namespace dojang::runtime_bench
