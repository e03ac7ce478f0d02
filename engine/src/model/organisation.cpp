// The units of the directory, sorted by id for lookups.

#include "dojang/engine/organisation.hpp"

#include <algorithm>

namespace dojang::engine {

Organisation::Organisation(std::vector<Unit> units) : m_units(std::move(units)) {
  std::sort(m_units.begin(), m_units.end(),
            [](const Unit& a, const Unit& b) { return a.id < b.id; });
}

const Unit* Organisation::find(std::string_view id) const {
  auto it = std::lower_bound(m_units.begin(), m_units.end(), id,
                             [](const Unit& u, std::string_view key) { return u.id < key; });
  return it != m_units.end() && it->id == id ? &*it : nullptr;
}

const Unit* Organisation::parent(const Unit& unit) const {
  return unit.parent.empty() ? nullptr : find(unit.parent);
}

Organisation::Lookup Organisation::lookup(std::string_view id_or_name) const {
  Lookup out;
  out.unit = find(id_or_name);
  if (out.unit != nullptr) return out;
  for (const Unit& u : m_units) {
    if (u.name != id_or_name) continue;
    if (out.unit != nullptr) {
      out.also = &u;
      break;
    }
    out.unit = &u;
  }
  return out;
}

bool Organisation::within(const Unit& unit, std::string_view ancestor) const {
  const Unit* u = &unit;
  for (int depth = 0; u != nullptr && depth < kMaxDepth; ++depth) {
    if (u->id == ancestor) return true;
    u = parent(*u);
  }
  return false;
}

}  // namespace dojang::engine
