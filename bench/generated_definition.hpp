#pragma once
// The definition the compile benchmarks work on, generated in code: roles, a few typed fields and
// a chain of states s0 .. s(N-1), each with guarded actions, the last state leading to a final
// state. The same definition is also written as an equivalent JSON document, the baseline.

#include <cstddef>
#include <string>

namespace dojang::bench {

struct GeneratedDefinition {
  std::size_t states = 0;
  std::size_t actions_per_state = 0;
  std::string flow;  // the .flow text
  std::string json;  // the same definition as JSON
};

// Deterministic: the same arguments give the same texts.
[[nodiscard]] GeneratedDefinition generate_definition(std::size_t states,
                                                      std::size_t actions_per_state);

// The definition every compile benchmark uses: 2,000 states x 3 guarded actions, built once.
[[nodiscard]] const GeneratedDefinition& benchmark_definition();

}  // namespace dojang::bench
