#pragma once
// Structural comparison of two syntax trees, ignoring where things are written (byte ranges),
// the derived expression depth and the digits of a duration as written (14d == 014d).

#include <string>

#include "dojang/dsl/ast.hpp"

namespace dojang::dsl::testing {

// True when both trees say the same thing. On a difference, *why (when given) names the first
// one found, e.g. "states[2].actions[0].guard.args[1]: kind 6 != 8".
[[nodiscard]] bool ast_equal(const ast::Workflow& a, const ast::Workflow& b,
                             std::string* why = nullptr);

// The same for two expressions (either may be null).
[[nodiscard]] bool expr_equal(const ast::ExprPtr& a, const ast::ExprPtr& b,
                              std::string* why = nullptr);

}  // namespace dojang::dsl::testing
