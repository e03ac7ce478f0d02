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

}  // namespace dojang::engine
