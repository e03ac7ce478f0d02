#pragma once
// Benchmark 2: engine::apply in memory beside a Boost.MSM machine of the same shape, through
// Google Benchmark. Each iteration takes several transitions; the summary divides.

#include <string_view>

namespace dojang::runtime_bench {

inline constexpr std::string_view kApplyMsm = "apply/boost_msm";
inline constexpr std::string_view kApplyDojang = "apply/dojang";  // engine::apply
// engine::apply_into, one Step reused from call to call
inline constexpr std::string_view kApplyIntoDojang = "apply/dojang_into";

// Transitions per benchmark iteration: MSM submit, approve, reopen, submit, reject, reopen;
// dojang submit, approve, submit, reject (a final state is left by applying to a copy again).
inline constexpr int kMsmTransitionsPerIteration = 6;
inline constexpr int kDojangTransitionsPerIteration = 4;

// Checks that every transition the benchmarks take is accepted and lands where it should, in
// both machines, and that apply_into gives what apply gives; otherwise prints why on stderr and
// exits with status 2.
void verify_apply();

void register_apply_benchmarks();

}  // namespace dojang::runtime_bench
