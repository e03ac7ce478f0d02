#include "guard_subjects.hpp"

#include <lua.hpp>

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"

namespace dojang::bench {

namespace {

constexpr std::string_view kLuaChunk =
    "return function(c, i, u, d, r, area) "
    "return c*0.25 + i*0.25 + u*0.2 + d*0.15 + r*0.15 >= 60 and area == \"process\" end";

constexpr std::string_view kFlow = R"(workflow guard_bench "가드 평가" {
  roles {
    judge "심사"
  }
  fields {
    c    "창의성" number
    i    "혁신성" number
    u    "활용도" number
    d    "난이도" number
    r    "파급효과" number
    area "분야" one_of(customer, transparency, process, performance) required
  }
  start review
  state review "심사" {
    on pass by judge -> passed when c*0.25 + i*0.25 + u*0.2 + d*0.15 + r*0.15 >= 60 and area == "process"
    on fail by judge -> failed
  }
  final passed "통과"
  final failed "탈락"
}
)";

[[noreturn]] void lua_fail(lua_State* lua, const char* what) {
  const char* message = lua_tostring(lua, -1);
  std::cerr << "bench: Lua " << what << ": " << (message ? message : "(no message)") << "\n";
  std::exit(2);
}

}  // namespace

const std::array<GuardInputs, kInputSets>& guard_inputs() {
  // Weighted sums 63, 50, 90, 83, 70, 23, 65, 79; away from 60, so that rounding cannot matter.
  static const std::array<GuardInputs, kInputSets> kInputs = {{
      {80, 70, 60, 50, 40, "process"},
      {50, 50, 50, 50, 50, "process"},
      {90, 90, 90, 90, 90, "customer"},
      {100, 90, 80, 70, 60, "process"},
      {70, 70, 70, 70, 70, "transparency"},
      {40, 30, 20, 10, 0, "process"},
      {65, 65, 65, 65, 65, "process"},
      {95, 85, 75, 65, 55, "performance"},
  }};
  return kInputs;
}

LuaGuard::LuaGuard() : m_lua(luaL_newstate()) {
  if (m_lua == nullptr) {
    std::cerr << "bench: luaL_newstate failed\n";
    std::exit(2);
  }
  luaL_openlibs(m_lua);
  if (luaL_loadbuffer(m_lua, kLuaChunk.data(), kLuaChunk.size(), "guard") != LUA_OK) {
    lua_fail(m_lua, "chunk does not load");
  }
  if (lua_pcall(m_lua, 0, 1, 0) != LUA_OK) lua_fail(m_lua, "chunk fails");
  if (!lua_isfunction(m_lua, -1)) {
    std::cerr << "bench: the Lua chunk does not return a function\n";
    std::exit(2);
  }
  m_function = luaL_ref(m_lua, LUA_REGISTRYINDEX);  // pops it
}

LuaGuard::~LuaGuard() {
  lua_close(m_lua);
}

bool LuaGuard::call(const GuardInputs& in) {
  lua_rawgeti(m_lua, LUA_REGISTRYINDEX, m_function);
  lua_pushnumber(m_lua, in.c);
  lua_pushnumber(m_lua, in.i);
  lua_pushnumber(m_lua, in.u);
  lua_pushnumber(m_lua, in.d);
  lua_pushnumber(m_lua, in.r);
  lua_pushlstring(m_lua, in.area.data(), in.area.size());
  if (lua_pcall(m_lua, 6, 1, 0) != LUA_OK) lua_fail(m_lua, "guard fails");
  const bool result = lua_toboolean(m_lua, -1) != 0;
  lua_pop(m_lua, 1);
  return result;
}

DojangGuard::DojangGuard() {
  const dsl::SourceFile file("guard_bench.flow", std::string(kFlow));
  dsl::CompileResult compiled = dsl::compile(file);
  if (!compiled.ok()) {
    std::cerr << "bench: the guard's .flow text does not compile:\n"
              << dsl::render_all(file, compiled.diagnostics);
    std::exit(2);
  }
  const engine::Definition& def = *compiled.definition;
  const engine::Index review = def.state_index("review");
  if (review == engine::kNone || def.states[review].actions.empty() ||
      !def.states[review].actions[0].guard) {
    std::cerr << "bench: the compiled guard definition has no guard on review.pass\n";
    std::exit(2);
  }
  m_guard = *def.states[review].actions[0].guard;

  auto slot_of = [&](std::string_view name) {
    const engine::Index f = def.field_index(name);
    if (f == engine::kNone || def.fields[f].slot >= def.slot_count) {
      std::cerr << "bench: the compiled guard definition has no slot for " << name << "\n";
      std::exit(2);
    }
    return def.fields[f].slot;
  };
  const engine::Index c = slot_of("c"), i = slot_of("i"), u = slot_of("u"), d = slot_of("d"),
                      r = slot_of("r"), area = slot_of("area");
  for (std::size_t k = 0; k < kInputSets; ++k) {
    const GuardInputs& in = guard_inputs()[k];
    std::vector<engine::Value>& slots = m_slots[k];
    slots.assign(def.slot_count, engine::Value());
    slots[c] = in.c;
    slots[i] = in.i;
    slots[u] = in.u;
    slots[d] = in.d;
    slots[r] = in.r;
    slots[area] = in.area;
    m_envs[k].slots = slots;
  }
}

}  // namespace dojang::bench
