#pragma once
// The benchmarks cannot go on when a store call fails: must() hands back the value, or prints
// what failed and exits with status 2.

#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

#include "dojang/store/error.hpp"

namespace dojang::runtime_bench {

[[noreturn]] inline void fail(const std::string& what, const std::string& why) {
  std::cerr << "bench: " << what << ": " << why << "\n";
  std::exit(2);
}

template <class T>
T must(store::Result<T> result, const std::string& what) {
  if (!result) {
    fail(what, std::string(store::to_string(result.error().code)) + ": " + result.error().message);
  }
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

}  // namespace dojang::runtime_bench
