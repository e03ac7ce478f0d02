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
using Node = std::shared_ptr<Expr>;  // while parsing; the tree holds shared_ptr<const Expr>

Node make(ExprKind kind) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  return e;
}

void check_depth(const Expr& e, const char* where) {
  if (e.depth > kMaxExprDepth) {
    throw SyntaxError{
        where, 1,
        "expression is too large: more than " + std::to_string(kMaxExprDepth) + " operations deep"};
  }
}

// _val = _val OP rhs
void make_binary(Node& val, const char* op, Node rhs, const char* where) {
  Node e = make(ExprKind::Binary);
  e->text = op;
  e->offset = val->offset;
  e->length = rhs->end() - val->offset;
  e->depth = std::max(val->depth, rhs->depth) + 1;
  e->args.reserve(2);
  e->args.push_back(std::move(val));
  e->args.push_back(std::move(rhs));
  check_depth(*e, where);
  val = std::move(e);
}

auto binary_with(const char* op) {
  return [op](auto& ctx) {
    make_binary(x3::_val(ctx), op, std::move(x3::_attr(ctx)), x3::_where(ctx).begin());
  };
}

// The operator is the first element of the attribute (from x3::symbols).
auto const binary_op = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  make_binary(x3::_val(ctx), boost::fusion::at_c<0>(a), std::move(boost::fusion::at_c<1>(a)),
              x3::_where(ctx).begin());
};

auto unary_with(const char* op) {
  return [op](auto& ctx) {
    Node e = make(ExprKind::Unary);
    e->text = op;
    e->depth = x3::_attr(ctx)->depth + 1;
    e->args.push_back(std::move(x3::_attr(ctx)));
    x3::_val(ctx) = std::move(e);
  };
}

auto const make_if = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Node e = make(ExprKind::If);
  Node& c = boost::fusion::at_c<0>(a);
  Node& t = boost::fusion::at_c<1>(a);
  Node& f = boost::fusion::at_c<2>(a);
  e->depth = std::max({c->depth, t->depth, f->depth}) + 1;
  e->args = {std::move(c), std::move(t), std::move(f)};
  x3::_val(ctx) = std::move(e);
};

auto const make_list = [](auto& ctx) {
  Node e = make(ExprKind::List);
  for (auto& item : x3::_attr(ctx)) {
    e->depth = std::max(e->depth, item->depth + 1);
    e->args.push_back(std::move(item));
  }
  x3::_val(ctx) = std::move(e);
};

auto make_word(ExprKind kind, bool value = false) {
  return [kind, value](auto& ctx) {
    Node e = make(kind);
    e->flag = value;
    x3::_val(ctx) = std::move(e);
  };
}

auto const make_string = [](auto& ctx) {
  Node e = make(ExprKind::String);
  e->text = std::move(x3::_attr(ctx));
  x3::_val(ctx) = std::move(e);
};

// `K of N approve`: _val holds K, the attribute N.
auto const make_approve_k_of_n = [](auto& ctx) {
  Expr const& k = *x3::_val(ctx);
  Expr const& n = *x3::_attr(ctx);
  if (k.kind != ExprKind::Number || n.kind != ExprKind::Number ||
      k.text.find('.') != std::string::npos || n.text.find('.') != std::string::npos) {
    throw SyntaxError{x3::_where(ctx).begin(), 1, "'K of N approve' needs two whole numbers"};
  }
  Node e = make(ExprKind::Approve);
  e->number = k.number;
  e->count = static_cast<std::int64_t>(n.number);
  x3::_val(ctx) = std::move(e);
};

auto approve_word(const char* which) {
  return [which](auto& ctx) {
    Node e = make(ExprKind::Approve);
    e->text = which;
    x3::_val(ctx) = std::move(e);
  };
}

// name, name.member, or name(args)
auto const make_ref = [](auto& ctx) {
  Node e = make(ExprKind::Ref);
  e->text = std::move(x3::_attr(ctx));
  x3::_val(ctx) = std::move(e);
};
auto const add_member = [](auto& ctx) {
  Expr& e = *x3::_val(ctx);
  e.member = std::move(x3::_attr(ctx).text);
  e.member_pos = x3::_attr(ctx);
};
auto const make_call = [](auto& ctx) {
  Expr& e = *x3::_val(ctx);
  e.kind = ExprKind::Call;
  for (auto& arg : x3::_attr(ctx)) {
    e.depth = std::max(e.depth, arg->depth + 1);
    e.args.push_back(std::move(arg));
  }
};

auto const add_weight = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  ast::Weight w;
  w.name = std::move(boost::fusion::at_c<0>(a));
  Expr const& number = *boost::fusion::at_c<1>(a);
  if (number.kind != ExprKind::Number) {
    throw SyntaxError{x3::_where(ctx).begin(), 1, "a weight must be a number such as 0.25"};
  }
  w.weight = number.number;
  w.weight_text = number.text;
  w.weight_pos = number;
  x3::_val(ctx)->weights.push_back(std::move(w));
};
auto const start_weighted = [](auto& ctx) { x3::_val(ctx) = make(ExprKind::Weighted); };

// Operators: the attribute is the canonical spelling (a string literal, not a copy).
struct cmp_ops_t : x3::symbols<const char*> {
  cmp_ops_t() {
    add("==", "==")("=", "==")("!=", "!=")("<>", "!=")("<", "<")("<=", "<=")(">", ">")(">=", ">=");
  }
} const cmp_ops;
struct add_ops_t : x3::symbols<const char*> {
  add_ops_t() { add("+", "+")("-", "-"); }
} const add_ops;
struct mul_ops_t : x3::symbols<const char*> {
  mul_ops_t() { add("*", "*")("/", "/"); }
} const mul_ops;

x3::rule<struct if_class, Node> const if_expr = "expression";
x3::rule<struct or_class, Node> const or_expr = "expression";
x3::rule<struct and_class, Node> const and_expr = "expression";
x3::rule<struct not_class, Node> const not_expr = "expression";
x3::rule<struct cmp_class, Node> const cmp_expr = "expression";
x3::rule<struct add_class, Node> const add_expr = "expression";
x3::rule<struct mul_class, Node> const mul_expr = "expression";
x3::rule<struct unary_class, Node> const unary_expr = "expression";
x3::rule<struct primary_class, Node> const primary = "a value, a name or '('";
x3::rule<struct member_class, ast::Name> const member_name = "a name after '.'";
x3::rule<struct weight_name_class, ast::Name> const weight_name = "a score name";
x3::rule<struct arguments_class, std::vector<Node>> const arguments = "arguments";
x3::rule<struct weighted_class, Node> const weighted = "weighted { name: weight, ... }";

auto const name_text = [](auto& ctx) { x3::_val(ctx).text = std::move(x3::_attr(ctx)); };
auto const member_name_def = located[identifier[name_text]];
auto const weight_name_def = located[identifier[name_text]];

auto const expression_def = nested[if_expr | or_expr];

// Binary levels: the node of each operation records its own range (make_binary); a level
// that matched a single operand passes its operand's node through untouched.
auto const if_expr_def =
    located[(kw("if") > expression > kw("then") > expression > kw("else") > expression)[make_if]];
auto const or_expr_def = and_expr[assign] >> *((kw("or") > and_expr)[binary_with("or")]);
auto const and_expr_def = not_expr[assign] >> *((kw("and") > not_expr)[binary_with("and")]);
auto const not_expr_def =
    located[(kw("not") > nested[not_expr])[unary_with("not")]] | cmp_expr[assign];
auto const cmp_expr_def = add_expr[assign] >> -((cmp_ops > add_expr)[binary_op] |
                                                (kw("in") > add_expr)[binary_with("in")]);
auto const add_expr_def = mul_expr[assign] >> *((add_ops >> !x3::lit('>') >> mul_expr)[binary_op]);
auto const mul_expr_def = unary_expr[assign] >> *((mul_ops > unary_expr)[binary_op]);
auto const unary_expr_def =
    located[(x3::lit('-') >> !x3::lit('>') >> nested[unary_expr])[unary_with("-")]] |
    primary[assign];

auto const arguments_def = -(expression % ',');
auto const weighted_def = kw("weighted")[start_weighted] > '{' >
                          ((weight_name > ':' > literal)[add_weight] % ',') > '}';

auto const primary_def =
    located[(literal[assign] >> -((kw("of") > literal > kw("approve"))[make_approve_k_of_n])) |
            (kw("all") >> kw("approve"))[approve_word("all")] |
            (kw("any") >> kw("approve"))[approve_word("any")] | quoted[make_string] |
            kw("true")[make_word(ExprKind::Bool, true)] |
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
