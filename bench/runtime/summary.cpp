#include "summary.hpp"

#include <fstream>
#include <thread>

#include "apply_bench.hpp"
#include "common/median_reporter.hpp"
#include "flows.hpp"

namespace dojang::runtime_bench {

namespace {

using bench::format;
using bench::verdict;

constexpr double kCommitTarget = 1.0;  // dojang tx/s >= pgbench tx/s
constexpr double kApplyTarget = 20;    // dojang ns/transition <= 20x Boost.MSM's
constexpr double kInboxP99Ms = 5;      // p99 at the largest size under 5 ms ..
constexpr double kInboxGrowth = 2;     // .. and no more than 2x the smallest size's p99

void print_commit(std::ostream& out, const Results& r) {
  out << format(
      "persisted transitions on PostgreSQL (engine::apply + Store::commit, each client its own "
      "connection\n  and items; pgbench on the same server: BEGIN; UPDATE .. RETURNING; INSERT "
      "history; END\n  on copies of our tables; %d s each)\n",
      r.seconds);
  if (!r.commit_run) {
    out << "  (not run: no --commit-db)\n";
    return;
  }
  out << "  server: " << r.server << "\n";
  out << "  clients   dojang tx/s  pgbench tx/s    ratio   target      verdict   pgbench "
         "1-statement"
         " CTE tx/s\n";
  for (const CommitRow& row : r.commit) {
    std::string line = format("  %7d  %12.0f", row.dojang.clients, row.dojang.per_second());
    if (row.pgbench_transaction) {
      const double ratio = row.dojang.per_second() / *row.pgbench_transaction;
      line += format("  %12.0f  %6.2fx  >= %.2fx  %-7s", *row.pgbench_transaction, ratio,
                     kCommitTarget, verdict(ratio >= kCommitTarget));
    } else {
      line += r.baseline_run ? "        failed" : "     (no --pgbench)";
    }
    if (row.pgbench_cte) {
      line +=
          format("   %12.0f (%.2fx)", *row.pgbench_cte, row.dojang.per_second() / *row.pgbench_cte);
    }
    out << line << "\n";
  }
}

void print_apply(std::ostream& out, const Results& r) {
  out << "engine::apply in memory (draft -> review -> approved | rejected, one guard; CPU time per "
         "transition"
      << (r.apply_repeated ? ", medians" : "") << ")\n";
  const auto per = [](std::optional<double> s, int transitions) { return *s * 1e9 / transitions; };
  if (r.msm_seconds) {
    out << format("  %-17s %10.1f ns   (baseline)\n", "Boost.MSM",
                  per(r.msm_seconds, kMsmTransitionsPerIteration));
  } else {
    out << "  Boost.MSM         (not run)\n";
  }
  const auto line = [&](const char* name, std::optional<double> seconds) {
    if (!seconds) {
      out << format("  %-17s (not run)\n", name);
      return;
    }
    const double dojang = per(seconds, kDojangTransitionsPerIteration);
    std::string text = format("  %-17s %10.1f ns", name, dojang);
    if (r.msm_seconds) {
      const double ratio = dojang / per(r.msm_seconds, kMsmTransitionsPerIteration);
      text += format("   %5.1fx MSM   target <= %.0fx   %s", ratio, kApplyTarget,
                     verdict(ratio <= kApplyTarget));
    }
    out << text << "\n";
  };
  line("dojang apply", r.dojang_seconds);
  line("dojang apply_into", r.dojang_into_seconds);
  out << "  (apply returns a new Step each time; apply_into writes into one Step reused from call "
         "to call)\n";
}

void print_inbox(std::ostream& out, const Results& r) {
  out << format(
      "inbox latency on PostgreSQL (Store::inbox(2 roles, %d); %.0f%% of the items open, spread "
      "over %d roles)\n",
      kInboxLimit, kInboxOpenShare * 100, kInboxRoles);
  if (!r.inbox_run || r.inbox.empty()) {
    out << "  (not run: no --inbox-db)\n";
    return;
  }
  out << "      items      open  queries  rows   p50 ms   p99 ms   max ms  filled in\n";
  const Latency& base = r.inbox.front();
  for (std::size_t i = 0; i < r.inbox.size(); ++i) {
    const Latency& l = r.inbox[i];
    std::string line =
        format("  %9lld %9lld  %7d  %4.0f  %7.2f  %7.2f  %7.2f  %7.1f s", l.instances, l.waiting,
               l.queries, l.mean_rows, l.p50_ms, l.p99_ms, l.max_ms, l.fill_seconds);
    if (i == 0) {
      line += "   (baseline)";
    } else {
      const double growth = l.p99_ms / base.p99_ms;
      line += format("   p99 %.2fx the %lld-item p99 (target <= %.0fx) %s;  p99 < %.0f ms %s",
                     growth, base.instances, kInboxGrowth, verdict(growth <= kInboxGrowth),
                     kInboxP99Ms, verdict(l.p99_ms < kInboxP99Ms));
    }
    out << line << "\n";
  }
}

}  // namespace

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  if (!(in >> one >> five >> fifteen)) return "?";
  return one + " " + five + " " + fifteen;
}

void print_summary(std::ostream& out, const Results& r) {
  out << "\nsummary (load average " << r.load_at_start << " at the start, " << r.load_at_end
      << " at the end, on " << std::thread::hardware_concurrency()
      << " cores: other work on this machine shares them)\n";
  print_commit(out, r);
  print_apply(out, r);
  print_inbox(out, r);
}

}  // namespace dojang::runtime_bench
