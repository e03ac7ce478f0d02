#pragma once
// Benchmark 1, dojang's side: persisted transitions per second on PostgreSQL. Each transition is
// what the engine does per action once the instance is in memory: engine::apply on the copy the
// client thread holds, then Store::commit of the Step (the UPDATE guarded by the revision, the
// hash-chained history INSERT, the timer and waiting rows, in one transaction). Each client
// thread has its own Store and its own items, so that revisions never conflict.

#include <memory>
#include <string>
#include <vector>

#include "dojang/engine/definition.hpp"

namespace dojang::runtime_bench {

struct CommitSetup {
  std::string url;
  std::shared_ptr<const engine::Definition> definition;  // rt_pingpong
  int version = 0;                                       // as deployed
  std::vector<std::string> ids;                          // the items, all started
};

struct Throughput {
  int clients = 0;
  long long transactions = 0;
  double seconds = 0;
  [[nodiscard]] double per_second() const { return seconds > 0 ? transactions / seconds : 0; }
};

// Deploys rt_pingpong, loads a one-person directory and starts `instances` items through the
// Store (then takes one of them through ping and pong, so that every kind of row exists).
[[nodiscard]] CommitSetup prepare_commit_bench(const std::string& url, int instances);

// `clients` threads, each with its own Store and its share of the items, commit transitions for
// `seconds`; connecting and loading the items are not timed.
[[nodiscard]] Throughput run_commit_bench(const CommitSetup& setup, int clients, int seconds);

}  // namespace dojang::runtime_bench
