#pragma once
// The three evaluators of the guard
//   c*0.25 + i*0.25 + u*0.2 + d*0.15 + r*0.15 >= 60 and area == "process"
// that the guard benchmarks compare, and the inputs they are fed.

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "dojang/engine/expression.hpp"

struct lua_State;

namespace dojang::bench {

// One set of field values.
struct GuardInputs {
  double c = 0, i = 0, u = 0, d = 0, r = 0;
  std::string area;
};

// The evaluations cycle through these (a power of two, so that the index is a mask), some
// holding and some not, so that nothing can be folded or predicted from one input.
inline constexpr std::size_t kInputSets = 8;
[[nodiscard]] const std::array<GuardInputs, kInputSets>& guard_inputs();

// The guard as a Lua 5.4 function, compiled once and kept in the registry.
class LuaGuard {
 public:
  LuaGuard();
  ~LuaGuard();
  LuaGuard(const LuaGuard&) = delete;
  LuaGuard& operator=(const LuaGuard&) = delete;

  // Pushes the function and the six arguments, lua_pcall, reads the boolean. Exits the program
  // with a message if the call fails (it never does with these inputs).
  [[nodiscard]] bool call(const GuardInputs& in);

 private:
  lua_State* m_lua = nullptr;
  int m_function = 0;  // registry reference
};

// The guard compiled by dsl::compile from a small .flow text, and one slot vector (and Env) per
// input set, each slot at its field's FieldDef::slot.
class DojangGuard {
 public:
  DojangGuard();  // exits the program with the diagnostics if the text does not compile
  DojangGuard(const DojangGuard&) = delete;  // the Envs point into m_slots
  DojangGuard& operator=(const DojangGuard&) = delete;

  [[nodiscard]] const engine::Expression& guard() const { return m_guard; }
  // The environment of guard_inputs()[k].
  [[nodiscard]] const engine::Env& env(std::size_t k) const { return m_envs[k]; }

 private:
  engine::Expression m_guard;
  std::array<std::vector<engine::Value>, kInputSets> m_slots;
  std::array<engine::Env, kInputSets> m_envs;
};

}  // namespace dojang::bench
