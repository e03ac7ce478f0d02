#pragma once
// The benchmarks of this program, their names (the summary looks them up by name) and the checks
// that run before any timing.

#include <string_view>

namespace dojang::bench {

inline constexpr std::string_view kJsonParse = "compile/boost_json_parse";
inline constexpr std::string_view kDslParse = "compile/dojang_parse";
inline constexpr std::string_view kDslCompile = "compile/dojang_compile";
inline constexpr std::string_view kGuardNative = "guard/native_lambda";
inline constexpr std::string_view kGuardLua = "guard/lua54_c_api";
inline constexpr std::string_view kGuardDojang = "guard/dojang_test";

// Each checks that its subjects work on the benchmark's input (the JSON parses, the .flow text
// parses and compiles without errors; the three guards agree on every input) and, if not, prints
// why on stderr and exits with status 2.
void verify_compile_inputs();
void verify_guards();

void register_compile_benchmarks();
void register_guard_benchmarks();

}  // namespace dojang::bench
