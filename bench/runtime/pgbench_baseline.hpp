#pragma once
// Benchmark 1, the baseline: pgbench on the same database, running the equivalent transaction on
// tables shaped like ours (bench_instances and bench_history are copies of the instances and
// history tables, with their indexes and the history's foreign key, filled with copies of the
// benchmark's rows), with texts as long as the store writes.

#include <optional>
#include <string>

namespace dojang::runtime_bench {

struct PgbenchScripts {
  std::string transaction;  // BEGIN; UPDATE .. RETURNING revision \gset; INSERT history; END
  std::string cte;          // WITH u AS (UPDATE .. RETURNING ..) INSERT INTO history SELECT ..
};

// Builds the tables from the rt_pingpong items of `url` (prepare_commit_bench must have run) and
// writes the two scripts into `dir`.
[[nodiscard]] PgbenchScripts prepare_pgbench(const std::string& url, const std::string& dir);

// Runs `pgbench -n -f script -c clients -j clients -T seconds url`: transactions per second
// (without the initial connection time), or nullopt when pgbench failed (its output is shown).
[[nodiscard]] std::optional<double> run_pgbench(const std::string& pgbench, const std::string& url,
                                                const std::string& script, int clients,
                                                int seconds);

}  // namespace dojang::runtime_bench
