// The expression grammar: one rule per precedence level, lowest first.
//   if c then a else b  <  or  <  and  <  not  <  comparison, in  <  + -  <  * /  <  unary -  <
//   primary

#include "grammar/expression.hpp"
#include "grammar/describe.hpp"

#include <algorithm>

namespace dojang::dsl::grammar {

namespace {

using ast::Expr;
using ast::ExprKind;
// While parsing; the tree holds shared_ptr<const Expr>. Nodes live in the parse's arena (see
// ExprArena): a Node made here does not own it, and goes into its parent's args as it is; the
// result of the `expression` rule owns it (operators_parser::parse, make_if).
using Node = std::shared_ptr<Expr>;

Node make(ParseState& st, ExprKind kind) {
  Node e = st.new_expr();
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
void make_binary(ParseState& st, Node& val, std::string_view op, Node rhs, const char* where) {
  Node e = make(st, ExprKind::Binary);
  e->text = op;
  e->offset = val->offset;
  e->length = rhs->end() - val->offset;
  e->depth = std::max(val->depth, rhs->depth) + 1;
  const Expr* const args[] = {val.get(), rhs.get()};
  e->args = st.the_arena().keep(args);
  check_depth(*e, where);
  val = std::move(e);
}

auto const make_if = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  ParseState& st = state_of(ctx);
  Node e = make(st, ExprKind::If);
  Node& c = boost::fusion::at_c<0>(a);
  Node& t = boost::fusion::at_c<1>(a);
  Node& f = boost::fusion::at_c<2>(a);
  e->depth = std::max({c->depth, t->depth, f->depth}) + 1;
  const Expr* const args[] = {c.get(), t.get(), f.get()};
  e->args = st.the_arena().keep(args);
  x3::_val(ctx) = st.owning(e);
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
  std::vector<ast::Weight>& weights = *state_of(ctx).weights;
  weights.push_back(std::move(w));
  x3::_val(ctx)->weights = weights;
};
auto const start_weighted = [](auto& ctx) {
  ParseState& st = state_of(ctx);
  x3::_val(ctx) = make(st, ExprKind::Weighted);
  st.weights = &st.the_arena().new_weights();
};

x3::rule<struct if_class, Node> const if_expr = "an expression";
x3::rule<struct operators_class, Node> const operators = "an expression";
x3::rule<struct weight_name_class, ast::Name> const weight_name = "a score name";
x3::rule<struct weighted_class, Node> const weighted = "weighted { name: weight, ... }";

// Whether `w` stands at `p` as a whole word.
bool word_at(const char* p, const char* last, std::string_view w) {
  auto const n = static_cast<std::ptrdiff_t>(w.size());
  return last - p >= n && std::string_view(p, w.size()) == w &&
         (last - p == n || !is_ident_char(p[n]));
}

[[noreturn]] void expected(const char* where, const char* what) {
  throw x3::expectation_failure<const char*>(where, what);
}

// `K of N approve`: two whole numbers.
Node make_approve_k_of_n(ParseState& st, const Expr& k, const Expr& n) {
  const char* const begin = st.begin;
  for (Expr const* x : {&k, &n}) {
    if (x->kind != ExprKind::Number || x->text.find('.') != std::string::npos) {
      throw SyntaxError{begin + x->offset, x->length, "'K of N approve' needs two whole numbers"};
    }
    if (x->number > 1000) {
      throw SyntaxError{begin + x->offset, x->length,
                        "'K of N approve' counts at most 1000 reviews"};
    }
  }
  Node e = make(st, ExprKind::Approve);
  e->number = k.number;
  e->count = static_cast<std::int64_t>(n.number);
  return e;
}

// Binary operators, by precedence: or 1, and 2, (prefix not 3), comparisons and in 4,
// + - 5, * / 6, (prefix - 7). Comparisons do not chain: `a < b < c` is an error.
struct Operator {
  std::string_view text;  // canonical spelling; empty: no operator here
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
    x3::traits::move_to(state_of(ctx).owning(out), attr);
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
      // As an X3 primitive, this leaves `first` past the blanks it skipped, so that no level
      // skips them again (ranges end at ParseState::token_end).
      x3::skip_over(first, last, ctx);
      Operator const op = operator_at(first, last);
      if (op.text.empty() || op.precedence < min_precedence || (op.precedence >= 4 && negated) ||
          (op.precedence == 4 && compared)) {
        return true;
      }
      const char* const at = first;
      first += op.length;
      Node rhs;
      if (!level(first, last, ctx, op.precedence + 1, rhs, op.precedence + 1 <= 3)) {
        throw x3::expectation_failure<const char*>(
            first, "an expression after '" + std::string(op.text) + "'");
      }
      make_binary(state_of(ctx), out, op.text, std::move(rhs), at);
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
      if (primary(first, last, ctx, out)) return true;
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
    Node e = make(st, ExprKind::Unary);
    e->text = is_not ? "not" : "-";
    e->depth = inner->depth + 1;
    e->offset = static_cast<std::uint32_t>(at - st.begin);
    e->length = static_cast<std::uint32_t>(st.token_end(at, first) - at);
    const Expr* const args[] = {inner.get()};
    e->args = st.the_arena().keep(args);
    check_depth(*e, at);
    out = std::move(e);
    negated = is_not;
    return true;
  }

  // A value, a name, a call, a bracketed expression or a list, chosen by its first character
  // (the alternatives of the grammar in the same order: a number, `all approve`, `any
  // approve`, text, true, false, null, '(', '[', weighted, a name). The node's range is that
  // of the whole primary, brackets included; `first` ends at the end of its last token.
  template <typename Ctx>
  bool primary(const char*& first, const char* last, Ctx const& ctx, Node& out) const {
    x3::skip_over(first, last, ctx);
    if (first == last) return false;
    const char* const start = first;
    ParseState& st = state_of(ctx);
    char const c = *first;
    Node e;
    if (is_digit(c)) {
      e = st.new_expr();
      const char* end = first;
      if (!literal_parser::scan(first, last, end, *e, st.the_arena())) return false;
      e->offset = static_cast<std::uint32_t>(first - st.begin);
      e->length = static_cast<std::uint32_t>(end - first);
      first = end;
      const char* p = first;
      x3::skip_over(p, last, ctx);
      first = p;  // past the blanks, as an X3 primitive
      if (word_at(p, last, "of")) {
        p += 2;
        Node n;
        if (!literal.parse(p, last, ctx, x3::unused, n)) expected(p, "a number");
        x3::skip_over(p, last, ctx);
        if (!word_at(p, last, "approve")) expected(p, "'approve'");
        e = make_approve_k_of_n(st, *e, *n);
        first = p + 7;
      }
    } else if (c == '"') {
      std::string text;
      if (!quoted.parse(first, last, ctx, x3::unused, text)) return false;
      e = make(st, ExprKind::String);
      e->text = st.the_arena().keep(text);
    } else if (c == '(') {
      ++first;
      if (!expression.parse(first, last, ctx, x3::unused, e)) expected(first, "an expression");
      expect_char(first, last, ctx, ')');
    } else if (c == '[') {
      ++first;
      e = make(st, ExprKind::List);
      arguments(first, last, ctx, *e);
      expect_char(first, last, ctx, ']');
    } else if (is_ident_start(c)) {
      const char* i = first;
      while (i != last && is_ident_char(*i)) ++i;
      std::string_view const word(first, static_cast<std::size_t>(i - first));
      if (word == "all" || word == "any") {
        const char* p = i;
        x3::skip_over(p, last, ctx);
        if (word_at(p, last, "approve")) {
          e = make(st, ExprKind::Approve);
          e->text = word == "all" ? "all" : "any";
          first = p + 7;
          return finish(std::move(e), start, first, st, out);
        }
      }
      if (word == "true" || word == "false") {
        e = make(st, ExprKind::Bool);
        e->flag = word == "true";
        first = i;
      } else if (word == "null") {
        e = make(st, ExprKind::Null);
        first = i;
      } else if (word == "weighted") {
        if (!weighted.parse(first, last, ctx, x3::unused, e)) return false;
      } else {
        if (!name(st, first, i, e)) return false;
        first = i;
        x3::skip_over(first, last, ctx);  // past the blanks, as an X3 primitive
        const char* p = first;
        if (p != last && *p == '(') {
          ++p;
          e->kind = ExprKind::Call;
          arguments(p, last, ctx, *e);
          expect_char(p, last, ctx, ')');
          first = p;
        } else if (p != last && *p == '.') {
          ++p;
          x3::skip_over(p, last, ctx);
          const char* j = p;
          while (j != last && is_ident_char(*j)) ++j;
          Node member;
          if (p == last || !is_ident_start(*p) || !name(st, p, j, member)) {
            expected(p, "a name after '.'");
          }
          e->member = member->text;
          e->member_pos.offset = static_cast<std::uint32_t>(p - st.begin);
          e->member_pos.length = static_cast<std::uint32_t>(j - p);
          first = j;
        }
      }
    } else {
      return false;
    }
    return finish(std::move(e), start, first, st, out);
  }

  static bool finish(Node e, const char* start, const char* end, ParseState const& st, Node& out) {
    e->offset = static_cast<std::uint32_t>(start - st.begin);
    e->length = static_cast<std::uint32_t>(st.token_end(start, end) - start);
    out = std::move(e);
    return true;
  }

  // The identifier [first, end) as a reference (false for a reserved word); as the identifier
  // primitive, refuses one that is too long.
  static bool name(ParseState& st, const char* first, const char* end, Node& out) {
    std::string_view const word(first, static_cast<std::size_t>(end - first));
    if (is_reserved(word)) return false;
    check_identifier_length(first, word);
    out = make(st, ExprKind::Ref);
    out->text = st.the_arena().keep(word);
    return true;
  }

  // `-(expression % ',')` into e.args, with e's depth.
  template <typename Ctx>
  static void arguments(const char*& first, const char* last, Ctx const& ctx, Expr& e) {
    std::vector<const Expr*> args;
    Node item;
    if (expression.parse(first, last, ctx, x3::unused, item)) {
      for (;;) {
        e.depth = std::max(e.depth, item->depth + 1);
        args.push_back(item.get());
        const char* const save = first;
        x3::skip_over(first, last, ctx);
        if (first == last || *first != ',') {
          first = save;
          break;
        }
        ++first;
        if (!expression.parse(first, last, ctx, x3::unused, item)) {
          first = save;
          break;
        }
      }
    }
    e.args = state_of(ctx).the_arena().keep(args);
  }

  template <typename Ctx>
  static void expect_char(const char*& first, const char* last, Ctx const& ctx, char c) {
    x3::skip_over(first, last, ctx);
    if (first == last || *first != c) {
      throw x3::expectation_failure<const char*>(first, std::string("'") + c + "'");
    }
    ++first;
  }
};

auto const name_text = [](auto& ctx) { x3::_val(ctx).text = std::move(x3::_attr(ctx)); };
auto const weight_name_def = located[identifier[name_text]];

auto const expression_def = nested[if_expr | operators];

auto const if_expr_def =
    located[(kw("if") > expression > kw("then") > expression > kw("else") > expression)[make_if]];
auto const operators_def = operators_parser{};

auto const weighted_def = kw("weighted")[start_weighted] > '{' >
                          ((weight_name > ':' > literal)[add_weight] % ',') > '}';

BOOST_SPIRIT_DEFINE(if_expr, operators, weight_name, weighted)

}  // namespace

struct expression_class : annotate {};
expression_type const expression = "an expression";
BOOST_SPIRIT_DEFINE(expression)
BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)

}  // namespace dojang::dsl::grammar
