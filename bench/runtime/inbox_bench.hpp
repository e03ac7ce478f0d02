#pragma once
// Benchmark 3: Store::inbox(roles, 50) latency on PostgreSQL as the database grows. Two items are
// taken through the Store (one left waiting, one closed); the rest are written with SQL as
// copies of those two rows, exactly as the store shapes them (instances, history with chained
// hashes' shape, waiting rows): a share of the items stay open, each waiting for one of
// kInboxRoles roles, the rest are closed. Each user holds two roles.

#include <string>
#include <vector>

namespace dojang::runtime_bench {

// The share of the items that are still open (waiting for someone).
inline constexpr double kInboxOpenShare = 0.2;
inline constexpr int kInboxLimit = 50;

struct Latency {
  long long instances = 0;  // in the database when measured
  long long waiting = 0;    // of them, open
  double fill_seconds = 0;  // to grow the database to this size
  int queries = 0;          // made (fewer than asked when the time budget ran out)
  double mean_rows = 0;     // rows an inbox returned, on average
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
};

// Fills the (empty) database at `url` up to each size in turn and measures `queries` inbox
// calls at each, cycling through the users; stops early at a size once `budget_seconds` have
// passed there and at least kInboxMinQueries were made.
inline constexpr int kInboxMinQueries = 100;
[[nodiscard]] std::vector<Latency> run_inbox_bench(const std::string& url,
                                                   const std::vector<int>& sizes, int queries,
                                                   int budget_seconds);

}  // namespace dojang::runtime_bench
