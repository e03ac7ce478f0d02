// The expression grammar: one rule per precedence level, lowest first.
//   if c then a else b  <  or  <  and  <  not  <  comparison, in  <  + -  <  * /  <  unary -  <
//   primary

#include "grammar/expression.hpp"
#include "grammar/describe.hpp"

#include <algorithm>
#include <charconv>

namespace dojang::dsl::grammar {

namespace {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;

ExprPtr share(Expr&& e) {
  return std::make_shared<const Expr>(std::move(e));
}

void check_depth(const Expr& e, const char* where) {
  if (e.depth > kMaxExprDepth) {
    throw SyntaxError{
        where, 1,
        "expression is too large: more than " + std::to_string(kMaxExprDepth) + " operations deep"};
  }
}

// _val = _val OP _attr
auto binary_with(std::string op) {
  return [op](auto& ctx) {
    Expr& lhs = x3::_val(ctx);
    Expr rhs = std::move(x3::_attr(ctx));
    Expr e;
    e.kind = ExprKind::Binary;
    e.text = op;
    e.offset = lhs.offset;
    e.length = rhs.end() - lhs.offset;
    e.depth = std::max(lhs.depth, rhs.depth) + 1;
    e.args = {share(std::move(lhs)), share(std::move(rhs))};
    check_depth(e, x3::_where(ctx).begin());
    lhs = std::move(e);
  };
}

// _val = _val OP _attr, the operator being the first element of the attribute.
auto const binary_op = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Expr& lhs = x3::_val(ctx);
  Expr rhs = std::move(boost::fusion::at_c<1>(a));
  Expr e;
  e.kind = ExprKind::Binary;
  e.text = boost::fusion::at_c<0>(a);
  e.offset = lhs.offset;
  e.length = rhs.end() - lhs.offset;
  e.depth = std::max(lhs.depth, rhs.depth) + 1;
  e.args = {share(std::move(lhs)), share(std::move(rhs))};
  check_depth(e, x3::_where(ctx).begin());
  lhs = std::move(e);
};

auto unary_with(std::string op) {
  return [op](auto& ctx) {
    Expr operand = std::move(x3::_attr(ctx));
    Expr e;
    e.kind = ExprKind::Unary;
    e.text = op;
    e.depth = operand.depth + 1;
    e.args = {share(std::move(operand))};
    x3::_val(ctx) = std::move(e);
  };
}

auto const make_if = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Expr e;
  e.kind = ExprKind::If;
  Expr c = std::move(boost::fusion::at_c<0>(a)), t = std::move(boost::fusion::at_c<1>(a)),
       f = std::move(boost::fusion::at_c<2>(a));
  e.depth = std::max({c.depth, t.depth, f.depth}) + 1;
  e.args = {share(std::move(c)), share(std::move(t)), share(std::move(f))};
  x3::_val(ctx) = std::move(e);
};

auto const make_list = [](auto& ctx) {
  Expr e;
  e.kind = ExprKind::List;
  for (auto& item : x3::_attr(ctx)) {
    e.depth = std::max(e.depth, item.depth + 1);
    e.args.push_back(share(std::move(item)));
  }
  x3::_val(ctx) = std::move(e);
};

auto make_word(ExprKind kind, bool value = false) {
  return [kind, value](auto& ctx) {
    Expr e;
    e.kind = kind;
    e.flag = value;
    x3::_val(ctx) = std::move(e);
  };
}

auto const make_string = [](auto& ctx) {
  Expr e;
  e.kind = ExprKind::String;
  e.text = std::move(x3::_attr(ctx));
  x3::_val(ctx) = std::move(e);
};

auto const make_approve_k_of_n = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Expr const& k = boost::fusion::at_c<0>(a);
  Expr const& n = boost::fusion::at_c<1>(a);
  if (k.kind != ExprKind::Number || n.kind != ExprKind::Number ||
      k.text.find('.') != std::string::npos || n.text.find('.') != std::string::npos) {
    throw SyntaxError{x3::_where(ctx).begin(), 1, "'K of N approve' needs two whole numbers"};
  }
  Expr e;
  e.kind = ExprKind::Approve;
  e.number = k.number;
  e.count = static_cast<std::int64_t>(n.number);
  x3::_val(ctx) = std::move(e);
};

auto approve_word(const char* which) {
  return [which](auto& ctx) {
    Expr e;
    e.kind = ExprKind::Approve;
    e.text = which;
    x3::_val(ctx) = std::move(e);
  };
}

// name, name.member, or name(args)
auto const make_ref = [](auto& ctx) {
  Expr e;
  e.kind = ExprKind::Ref;
  e.text = std::move(x3::_attr(ctx));
  x3::_val(ctx) = std::move(e);
};
auto const add_member = [](auto& ctx) {
  Expr& e = x3::_val(ctx);
  e.member = std::move(x3::_attr(ctx).text);
  e.member_pos = x3::_attr(ctx);
};
auto const make_call = [](auto& ctx) {
  Expr& e = x3::_val(ctx);
  e.kind = ExprKind::Call;
  for (auto& arg : x3::_attr(ctx)) {
    e.depth = std::max(e.depth, arg.depth + 1);
    e.args.push_back(share(std::move(arg)));
  }
};

auto const add_weight = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  ast::Weight w;
  w.name = std::move(boost::fusion::at_c<0>(a));
  Expr const& number = boost::fusion::at_c<1>(a);
  if (number.kind != ExprKind::Number) {
    throw SyntaxError{x3::_where(ctx).begin(), 1, "a weight must be a number such as 0.25"};
  }
  w.weight = number.number;
  w.weight_text = number.text;
  w.weight_pos = number;
  x3::_val(ctx).weights.push_back(std::move(w));
};
auto const start_weighted = [](auto& ctx) { x3::_val(ctx).kind = ExprKind::Weighted; };

struct cmp_ops_t : x3::symbols<std::string> {
  cmp_ops_t() {
    add("==", "==")("=", "==")("!=", "!=")("<>", "!=")("<", "<")("<=", "<=")(">", ">")(">=", ">=");
  }
} const cmp_ops;
struct add_ops_t : x3::symbols<std::string> {
  add_ops_t() { add("+", "+")("-", "-"); }
} const add_ops;
struct mul_ops_t : x3::symbols<std::string> {
  mul_ops_t() { add("*", "*")("/", "/"); }
} const mul_ops;

// Rule IDs: each annotates its attribute with the source range it matched.
struct if_class : annotate {};
struct or_class : annotate {};
struct and_class : annotate {};
struct not_class : annotate {};
struct cmp_class : annotate {};
struct add_class : annotate {};
struct mul_class : annotate {};
struct unary_class : annotate {};
struct primary_class : annotate {};
struct member_class : annotate {};
struct weight_name_class : annotate {};

x3::rule<if_class, Expr> const if_expr = "expression";
x3::rule<or_class, Expr> const or_expr = "expression";
x3::rule<and_class, Expr> const and_expr = "expression";
x3::rule<not_class, Expr> const not_expr = "expression";
x3::rule<cmp_class, Expr> const cmp_expr = "expression";
x3::rule<add_class, Expr> const add_expr = "expression";
x3::rule<mul_class, Expr> const mul_expr = "expression";
x3::rule<unary_class, Expr> const unary_expr = "expression";
x3::rule<primary_class, Expr> const primary = "a value, a name or '('";
x3::rule<member_class, ast::Name> const member_name = "a name after '.'";
x3::rule<weight_name_class, ast::Name> const weight_name = "a score name";
x3::rule<struct arguments_class, std::vector<Expr>> const arguments = "arguments";
x3::rule<struct weighted_class, Expr> const weighted = "weighted { name: weight, ... }";

auto const member_name_def =
    located[identifier[([](auto& ctx) { x3::_val(ctx).text = std::move(x3::_attr(ctx)); })]];
auto const weight_name_def =
    located[identifier[([](auto& ctx) { x3::_val(ctx).text = std::move(x3::_attr(ctx)); })]];

auto const expression_def = nested[if_expr | or_expr];

auto const if_expr_def =
    located[(kw("if") > expression > kw("then") > expression > kw("else") > expression)[make_if]];
auto const or_expr_def = located[and_expr[assign] >> *((kw("or") > and_expr)[binary_with("or")])];
auto const and_expr_def =
    located[not_expr[assign] >> *((kw("and") > not_expr)[binary_with("and")])];
auto const not_expr_def =
    located[(kw("not") > nested[not_expr])[unary_with("not")] | cmp_expr[assign]];
auto const cmp_expr_def = located[add_expr[assign] >> -((cmp_ops > add_expr)[binary_op] |
                                                        (kw("in") > add_expr)[binary_with("in")])];
auto const add_expr_def =
    located[mul_expr[assign] >> *((add_ops >> !x3::lit('>') >> mul_expr)[binary_op])];
auto const mul_expr_def = located[unary_expr[assign] >> *((mul_ops > unary_expr)[binary_op])];
auto const unary_expr_def =
    located[(x3::lit('-') >> !x3::lit('>') >> nested[unary_expr])[unary_with("-")] |
            primary[assign]];
auto const arguments_def = -(expression % ',');
auto const weighted_def = kw("weighted")[start_weighted] > '{' >
                          ((weight_name > ':' > literal)[add_weight] % ',') > '}';

auto const primary_def =
    located[((literal >> kw("of")) > literal > kw("approve"))[make_approve_k_of_n] |
            (kw("all") >> kw("approve"))[approve_word("all")] |
            (kw("any") >> kw("approve"))[approve_word("any")] | literal[assign] |
            quoted[make_string] | kw("true")[make_word(ExprKind::Bool, true)] |
            kw("false")[make_word(ExprKind::Bool, false)] | kw("null")[make_word(ExprKind::Null)] |
            (x3::lit('(') > expression > ')')[assign] |
            (x3::lit('[') > arguments > ']')[make_list] | weighted[assign] |
            (identifier[make_ref] >>
             -((x3::lit('(') > arguments > ')')[make_call] | ('.' > member_name[add_member])))];
BOOST_SPIRIT_DEFINE(if_expr, or_expr, and_expr, not_expr, cmp_expr, add_expr, mul_expr, unary_expr,
                    primary, member_name, weight_name, arguments, weighted)

}  // namespace

struct expression_class : annotate {};
expression_type const expression = "expression";
BOOST_SPIRIT_DEFINE(expression)
BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)

bool literal_parser::scan(const char* first, const char* last, const char*& end, ast::Expr& out) {
  if (first == last || !is_digit(*first)) return false;
  const char* i = first;
  while (i != last && is_digit(*i)) ++i;
  auto const digits = i - first;
  auto const followed_by_ident = [&](const char* p) { return p != last && is_ident_char(*p); };
  // YYYY-MM-DD
  if (digits == 4 && last - i >= 6 && i[0] == '-' && is_digit(i[1]) && is_digit(i[2]) &&
      i[3] == '-' && is_digit(i[4]) && is_digit(i[5]) && !followed_by_ident(i + 6)) {
    int const month = (i[1] - '0') * 10 + (i[2] - '0');
    int const day = (i[4] - '0') * 10 + (i[5] - '0');
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) {
      throw SyntaxError{first, 10,
                        "'" + std::string(first, i + 6) + "' is not a valid date (YYYY-MM-DD)"};
    }
    out.kind = ExprKind::Date;
    out.text.assign(first, i + 6);
    end = i + 6;
    return true;
  }
  // 14d 3h 30m 2w
  if (i != last && (*i == 'd' || *i == 'h' || *i == 'm' || *i == 'w') &&
      !followed_by_ident(i + 1)) {
    out.kind = ExprKind::Duration;
    out.text.assign(1, *i);
    out.member.assign(first, i);
    auto const r = std::from_chars(first, i, out.count);
    if (r.ec != std::errc{} || digits > 9) {
      throw SyntaxError{first, static_cast<std::uint32_t>(i + 1 - first), "duration is too long"};
    }
    out.number = static_cast<double>(out.count);
    end = i + 1;
    return true;
  }
  // 12, 0.25
  if (i != last && *i == '.' && i + 1 != last && is_digit(i[1])) {
    ++i;
    while (i != last && is_digit(*i)) ++i;
  }
  if (followed_by_ident(i)) {
    const char* j = i;
    while (j != last && is_ident_char(*j)) ++j;
    throw SyntaxError{first, static_cast<std::uint32_t>(j - first),
                      "'" + std::string(first, j) +
                          "' is not a number; durations are written like 14d, 3h, 30m or 2w"};
  }
  if (i - first > 30) {
    throw SyntaxError{first, static_cast<std::uint32_t>(i - first), "number has too many digits"};
  }
  out.kind = ExprKind::Number;
  out.text.assign(first, i);
  std::from_chars(first, i, out.number);
  end = i;
  return true;
}

}  // namespace dojang::dsl::grammar
