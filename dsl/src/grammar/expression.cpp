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
  const char* const begin = state_of(ctx).begin;
  for (Expr const* x : {&k, &n}) {
    if (x->kind != ExprKind::Number || x->text.find('.') != std::string::npos) {
      throw SyntaxError{begin + x->offset, x->length, "'K of N approve' needs two whole numbers"};
    }
    if (x->number > 1000) {
      throw SyntaxError{begin + x->offset, x->length,
                        "'K of N approve' counts at most 1000 reviews"};
    }
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
    throw SyntaxError{state_of(ctx).begin + number.offset, number.length,
                      "a weight must be a number such as 0.25"};
  }
  w.weight = number.number;
  w.weight_text = number.text;
  w.weight_pos = number;
  x3::_val(ctx)->weights.push_back(std::move(w));
};
auto const start_weighted = [](auto& ctx) { x3::_val(ctx) = make(ExprKind::Weighted); };

x3::rule<struct if_class, Node> const if_expr = "an expression";
x3::rule<struct operators_class, Node> const operators = "an expression";
x3::rule<struct primary_class, Node> const primary = "a value, a name or '('";
x3::rule<struct member_class, ast::Name> const member_name = "a name after '.'";
x3::rule<struct weight_name_class, ast::Name> const weight_name = "a score name";
x3::rule<struct arguments_class, std::vector<Node>> const arguments = "arguments";
x3::rule<struct weighted_class, Node> const weighted = "weighted { name: weight, ... }";

// Binary operators, by precedence: or 1, and 2, (prefix not 3), comparisons and in 4,
// + - 5, * / 6, (prefix - 7). Comparisons do not chain: `a < b < c` is an error.
struct Operator {
  const char* text = nullptr;  // canonical spelling; null: no operator here
  int precedence = 0;
  int length = 0;  // as written
};
constexpr int kNotOperand = 4;  // `not x`: x is a comparison (or another not)

Operator operator_at(const char* p, const char* last) {
  auto const word = [&](std::string_view w) {
    auto const n = static_cast<std::ptrdiff_t>(w.size());
    return last - p >= n && std::string_view(p, w.size()) == w &&
           (last - p == n || !is_ident_char(p[n]));
  };
  auto const next_is = [&](char c) { return last - p > 1 && p[1] == c; };
  if (p == last) return {};
  switch (*p) {
    case 'o':
      return word("or") ? Operator{"or", 1, 2} : Operator{};
    case 'a':
      return word("and") ? Operator{"and", 2, 3} : Operator{};
    case 'i':
      return word("in") ? Operator{"in", 4, 2} : Operator{};
    case '=':
      return Operator{"==", 4, next_is('=') ? 2 : 1};
    case '!':
      return next_is('=') ? Operator{"!=", 4, 2} : Operator{};
    case '<':
      if (next_is('=')) return {"<=", 4, 2};
      if (next_is('>')) return {"!=", 4, 2};
      return {"<", 4, 1};
    case '>':
      return next_is('=') ? Operator{">=", 4, 2} : Operator{">", 4, 1};
    case '+':
      return {"+", 5, 1};
    case '-':
      return next_is('>') ? Operator{} : Operator{"-", 5, 1};  // `->` is an arrow
    case '*':
      return {"*", 6, 1};
    case '/':
      return {"/", 6, 1};
    default:
      return {};
  }
}

// Counts one level of nesting for a prefix operator; more than kMaxNesting is refused.
struct NestingGuard {
  ParseState& state;
  NestingGuard(ParseState& st, const char* where) : state(st) {
    if (st.nesting >= kMaxNesting) {
      throw SyntaxError{
          where, 1,
          "expression is nested more than " + std::to_string(kMaxNesting) + " levels deep"};
    }
    ++st.nesting;
  }
  ~NestingGuard() { --state.nesting; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
};

// Operators by precedence climbing over primaries: one scan per operator instead of one
// rule per precedence level.
struct operators_parser : x3::parser<operators_parser> {
  using attribute_type = Node;
  [[maybe_unused]] static bool const has_attribute = true;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    Node out;
    if (!level(first, last, ctx, 1, out, true)) return false;
    x3::traits::move_to(std::move(out), attr);
    return true;
  }

  // `allow_not`: whether the first operand may be `not x` (below the comparisons, or as the
  // operand of another `not`). After a `not` operand only `and` and `or` may follow.
  template <typename Ctx>
  bool level(const char*& first, const char* last, Ctx const& ctx, int min_precedence, Node& out,
             bool allow_not) const {
    bool negated = false;
    if (!operand(first, last, ctx, allow_not, out, negated)) return false;
    bool compared = false;
    for (;;) {
      const char* const save = first;
      x3::skip_over(first, last, ctx);
      Operator const op = operator_at(first, last);
      if (!op.text || op.precedence < min_precedence || (op.precedence >= 4 && negated) ||
          (op.precedence == 4 && compared)) {
        first = save;
        return true;
      }
      const char* const at = first;
      first += op.length;
      Node rhs;
      if (!level(first, last, ctx, op.precedence + 1, rhs, op.precedence + 1 <= 3)) {
        throw x3::expectation_failure<const char*>(
            first, std::string("an expression after '") + op.text + "'");
      }
      make_binary(out, op.text, std::move(rhs), at);
      compared = compared || op.precedence == 4;
      negated = false;
    }
  }

  // A primary with its prefix operators: `not` (where allowed) and unary minus.
  template <typename Ctx>
  bool operand(const char*& first, const char* last, Ctx const& ctx, bool allow_not, Node& out,
               bool& negated) const {
    const char* const save = first;
    x3::skip_over(first, last, ctx);
    const char* const at = first;
    ParseState& st = state_of(ctx);
    bool const is_not = allow_not && last - first >= 3 && std::string_view(first, 3) == "not" &&
                        (last - first == 3 || !is_ident_char(first[3]));
    bool const is_minus =
        !is_not && first != last && *first == '-' && !(last - first > 1 && first[1] == '>');
    if (!is_not && !is_minus) {
      if (primary.parse(first, last, ctx, x3::unused, out)) return true;
      first = save;
      return false;
    }
    NestingGuard guard(st, at);
    first += is_not ? 3 : 1;
    Node inner;
    bool inner_negated = false;
    bool const ok = is_not ? level(first, last, ctx, kNotOperand, inner, true)
                           : operand(first, last, ctx, false, inner, inner_negated);
    if (!ok) {
      throw x3::expectation_failure<const char*>(
          first, is_not ? "an expression after 'not'" : "a value after '-'");
    }
    Node e = make(ExprKind::Unary);
    e->text = is_not ? "not" : "-";
    e->depth = inner->depth + 1;
    e->offset = static_cast<std::uint32_t>(at - st.begin);
    e->length = static_cast<std::uint32_t>(st.token_end(at, first) - at);
    e->args.push_back(std::move(inner));
    check_depth(*e, at);
    out = std::move(e);
    negated = is_not;
    return true;
  }
};

auto const name_text = [](auto& ctx) { x3::_val(ctx).text = std::move(x3::_attr(ctx)); };
auto const member_name_def = located[identifier[name_text]];
auto const weight_name_def = located[identifier[name_text]];

auto const expression_def = nested[if_expr | operators];

auto const if_expr_def =
    located[(kw("if") > expression > kw("then") > expression > kw("else") > expression)[make_if]];
auto const operators_def = operators_parser{};

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

BOOST_SPIRIT_DEFINE(if_expr, operators, primary, member_name, weight_name, arguments, weighted)

}  // namespace

struct expression_class : annotate {};
expression_type const expression = "an expression";
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
