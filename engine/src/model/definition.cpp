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

std::string actor_words(const Definition& def, const Actor& a) {
  switch (a.kind) {
    case Actor::Kind::Submitter:
      return "submitter";
    case Actor::Kind::Anyone:
      return "anyone";
    case Actor::Kind::Head:
      return a.of == Actor::Of::ParentUnit      ? "head of parent unit"
             : a.of == Actor::Of::SubmitterUnit ? "head of submitter unit"
                                                : "head of unit";
    case Actor::Kind::Person:
      return a.field < def.fields.size() ? def.fields[a.field].name : "?";
    case Actor::Kind::Role:
      break;
  }
  return a.role < def.roles.size() ? def.roles[a.role].name : "?";
}

}  // namespace dojang::engine
