// Guard evaluation: a native C++ lambda (the baseline), Lua 5.4 through its C API, and dojang's
// compiled engine::Expression, each cycling through the same input sets.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "benchmarks.hpp"
#include "guard_subjects.hpp"

namespace dojang::bench {

namespace {

constexpr std::size_t kMask = kInputSets - 1;
static_assert((kInputSets & kMask) == 0, "kInputSets must be a power of two");

// The guard written in C++.
const auto native_guard = [](const GuardInputs& in) {
  return in.c * 0.25 + in.i * 0.25 + in.u * 0.2 + in.d * 0.15 + in.r * 0.15 >= 60 &&
         in.area == "process";
};

LuaGuard& lua_guard() {
  static LuaGuard kGuard;
  return kGuard;
}

const DojangGuard& dojang_guard() {
  static const DojangGuard kGuard;
  return kGuard;
}

void bm_native(benchmark::State& state) {
  const auto& inputs = guard_inputs();
  std::size_t k = 0;
  for (auto _ : state) {
    const GuardInputs* in = &inputs[k++ & kMask];
    benchmark::DoNotOptimize(in);  // the compiler must load the values: no hoisting, no folding
    bool holds = native_guard(*in);
    benchmark::DoNotOptimize(holds);
  }
  state.SetItemsProcessed(state.iterations());
}

void bm_lua(benchmark::State& state) {
  const auto& inputs = guard_inputs();
  LuaGuard& lua = lua_guard();
  std::size_t k = 0;
  for (auto _ : state) {
    const GuardInputs* in = &inputs[k++ & kMask];
    benchmark::DoNotOptimize(in);
    bool holds = lua.call(*in);
    benchmark::DoNotOptimize(holds);
  }
  state.SetItemsProcessed(state.iterations());
}

void bm_dojang(benchmark::State& state) {
  const DojangGuard& dojang = dojang_guard();
  std::size_t k = 0;
  for (auto _ : state) {
    const engine::Env* env = &dojang.env(k++ & kMask);
    benchmark::DoNotOptimize(env);
    engine::Truth holds = dojang.guard().test(*env);
    benchmark::DoNotOptimize(holds);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

void verify_guards() {
  std::size_t holding = 0;
  for (std::size_t k = 0; k < kInputSets; ++k) {
    const GuardInputs& in = guard_inputs()[k];
    const bool native = native_guard(in);
    const bool lua = lua_guard().call(in);
    const engine::Truth dojang = dojang_guard().guard().test(dojang_guard().env(k));
    const bool dojang_holds = dojang == engine::Truth::True;
    if (lua != native || dojang_holds != native || dojang == engine::Truth::Null) {
      std::cerr << "bench: the guards disagree on input set " << k << ": native " << native
                << ", Lua " << lua << ", dojang "
                << (dojang == engine::Truth::Null ? std::string("null")
                                                  : std::to_string(dojang_holds))
                << "\n";
      std::exit(2);
    }
    holding += native ? 1 : 0;
  }
  if (holding == 0 || holding == kInputSets) {
    std::cerr << "bench: the guard's input sets must include some that hold and some that do not\n";
    std::exit(2);
  }
}

void register_guard_benchmarks() {
  benchmark::RegisterBenchmark(std::string(kGuardNative).c_str(), bm_native);
  benchmark::RegisterBenchmark(std::string(kGuardLua).c_str(), bm_lua);
  benchmark::RegisterBenchmark(std::string(kGuardDojang).c_str(), bm_dojang);
}

}  // namespace dojang::bench
