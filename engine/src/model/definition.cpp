#include "dojang/engine/definition.hpp"

#include <string_view>

namespace dojang::engine {

namespace {

template <class Items>
[[nodiscard]] Index index_by_name(const Items& items, std::string_view name) {
  for (Index i = 0; i < items.size(); ++i) {
    if (items[i].name == name) return i;
  }
  return kNone;
}

}  // namespace

Index Definition::state_index(std::string_view wanted) const {
  return index_by_name(states, wanted);
}

Index Definition::field_index(std::string_view wanted) const {
  return index_by_name(fields, wanted);
}

Index Definition::role_index(std::string_view wanted) const {
  return index_by_name(roles, wanted);
}

}  // namespace dojang::engine
