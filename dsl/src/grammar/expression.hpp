#pragma once
// The expression rule of the grammar (defined in expression.cpp, used by workflow.cpp).

#include "grammar/config.hpp"

namespace dojang::dsl::grammar {

struct expression_class;
using expression_type = x3::rule<expression_class, std::shared_ptr<ast::Expr>>;
BOOST_SPIRIT_DECLARE(expression_type)
extern expression_type const expression;

// A number, date or duration literal, e.g. `0.25`, `2007-02-28`, `14d`.
struct literal_parser : x3::parser<literal_parser> {
  using attribute_type = std::shared_ptr<ast::Expr>;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last || !is_digit(*first)) return false;
    ParseState& st = state_of(ctx);
    std::shared_ptr<ast::Expr> e = st.new_expr();
    It end = first;
    if (!scan(first, last, end, *e, st.the_arena())) return false;
    e->offset = static_cast<std::uint32_t>(first - st.begin);
    e->length = static_cast<std::uint32_t>(end - first);
    x3::traits::move_to(st.owning(e), attr);  // a root (a deadline's delay, a quorum...)
    first = end;
    return true;
  }
  // Classifies the literal at `first`; throws SyntaxError for a malformed one.
  // Its texts are kept in `arena`.
  static bool scan(const char* first, const char* last, const char*& end, ast::Expr& out,
                   ExprArena& arena);
};
inline constexpr literal_parser literal{};

}  // namespace dojang::dsl::grammar
