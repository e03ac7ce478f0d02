#pragma once
// A rule for a name (an identifier with its position) that says what it expected, for the
// grammar TUs: DOJANG_NAME_RULE(state_name, "a state name").

#include <utility>

#include "grammar/config.hpp"

namespace dojang::dsl::grammar {

inline constexpr auto name_text = [](auto& ctx) { x3::_val(ctx).text = std::move(x3::_attr(ctx)); };

#define DOJANG_NAME_RULE(rule_name, description)                   \
  struct rule_name##_class : annotate {};                          \
  x3::rule<rule_name##_class, Name> const rule_name = description; \
  auto const rule_name##_def = located[identifier[name_text]];

}  // namespace dojang::dsl::grammar
