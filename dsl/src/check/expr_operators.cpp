// Typing and lowering of the operators: unary - and not, arithmetic, and/or, in, comparisons.

#include <algorithm>
#include <map>
#include <tuple>

#include "check/lowering.hpp"
#include "dojang/dsl/suggest.hpp"

namespace dojang::dsl::detail {

namespace {

Range add(Range a, Range b) {
  return {a.lo + b.lo, a.hi + b.hi};
}
Range sub(Range a, Range b) {
  return {a.lo - b.hi, a.hi - b.lo};
}
Range mul(Range a, Range b) {
  if (!a.bounded() || !b.bounded()) return {};
  double const c[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}
Range div(Range a, Range b) {
  if (!a.bounded() || !b.bounded() || (b.lo <= 0 && b.hi >= 0)) return {};
  return mul(a, Range{1 / b.hi, 1 / b.lo});
}

Outcomes compare_outcomes(Op op, Range a, Range b) {
  switch (op) {
    case Op::Ge:
      return {a.hi >= b.lo, a.lo < b.hi};
    case Op::Gt:
      return {a.hi > b.lo, a.lo <= b.hi};
    case Op::Le:
      return {a.lo <= b.hi, a.hi > b.lo};
    case Op::Lt:
      return {a.lo < b.hi, a.hi >= b.lo};
    case Op::Eq:
      return {a.lo <= b.hi && b.lo <= a.hi, !(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo)};
    case Op::Ne:
      return {!(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo), a.lo <= b.hi && b.lo <= a.hi};
    default:
      return {};
  }
}

// The Op of a binary operator as the parser spells it (+ - * / == != < <= > >= and or in).
Op binary_op(std::string_view op) {
  char const c = op.empty() ? '\0' : op[0];
  bool const two = op.size() == 2;
  switch (c) {
    case '+':
      return Op::Add;
    case '-':
      return Op::Sub;
    case '*':
      return Op::Mul;
    case '/':
      return Op::Div;
    case '=':
      return Op::Eq;
    case '!':
      return Op::Ne;
    case '<':
      return two ? Op::Le : Op::Lt;
    case '>':
      return two ? Op::Ge : Op::Gt;
    case 'a':
      return Op::And;
    case 'o':
      return Op::Or;
    default:
      return Op::In;
  }
}

bool is_comparison(Op op) {
  return op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt ||
         op == Op::Ge;
}

// ir = op(a, b), moving the operands in.
void set_binary(Ir& ir, Op op, Type type, Ir&& a, Ir&& b) {
  ir.op = op;
  ir.type = type;
  ir.args.reserve(2);
  ir.args.push_back(std::move(a));
  ir.args.push_back(std::move(b));
}

}  // namespace

Typed Checker::check_unary(const ast::Expr& e, const ExprContext& cx) {
  Typed t;
  Typed a = check(*e.args[0], cx);
  if (!a.ok) {
    t.ok = false;
    return t;
  }
  if (std::string_view(e.text) == "not") {
    if (a.ir.type != Type::Bool && a.ir.type != Type::Null) {
      error(e, "'not' needs true or false, but '" + source_of(*e.args[0]) + "' is " +
                   type_name(a.ir.type));
      t.ok = false;
      return t;
    }
    t.outcomes = {a.outcomes.can_be_false, a.outcomes.can_be_true};
    t.ir.op = Op::Not;
    t.ir.type = Type::Bool;
    t.ir.args.push_back(std::move(a.ir));
    set_position(t, e);
    return t;
  }
  if (!numeric(a.ir.type) && a.ir.type != Type::Duration && a.ir.type != Type::Null) {
    error(e, "'-' needs a number, money or a duration, but '" + source_of(*e.args[0]) + "' is " +
                 type_name(a.ir.type));
    t.ok = false;
    return t;
  }
  t.range = {-a.range.hi, -a.range.lo};
  if (a.constant && a.constant->as_number()) t.constant = engine::Value(-*a.constant->as_number());
  t.ir.op = Op::Neg;
  t.ir.type = a.ir.type;
  t.ir.args.push_back(std::move(a.ir));
  set_position(t, e);
  return t;
}

namespace {

// The comparison `a OP b` (OP: == != < <= > >=) into t; false after an error. `enum_literal`
// is Checker::check_enum_literal.
template <typename EnumLiteral>
bool compare_into(Checker& c, const ast::Expr& e, Op code, Typed& a, Typed& b, Typed& t,
                  EnumLiteral&& enum_literal) {
  std::string_view const op = e.text;
  Type const ta = a.ir.type, tb = b.ir.type;
  bool const ordering = code != Op::Eq && code != Op::Ne;
  if (ta == Type::Null || tb == Type::Null) {
    if (ordering) {
      c.error(e, "'" + std::string(op) +
                     "' with null is never true: test for a missing value with '== null'");
      return false;
    }
  } else if (ta != tb && !(numeric(ta) && numeric(tb))) {  // money with a number: allowed
    c.error(e, "cannot compare " + type_name(ta) + " with " + type_name(tb) + ": '" +
                   c.source_of(*e.args[0]) + "' is " + type_name(ta) + ", '" +
                   c.source_of(*e.args[1]) + "' is " + type_name(tb));
    return false;
  } else if (ordering && (ta == Type::Bool || ta == Type::List)) {
    c.error(e, "'" + std::string(op) + "' cannot order " + type_name(ta) + "; use == or !=");
    return false;
  }
  enum_literal(a, b, *e.args[1]);
  enum_literal(b, a, *e.args[0]);
  // A score compared with a number outside its declared range.
  for (auto const& [ref, lit, node] :
       {std::tuple{&a, &b, e.args[1]}, std::tuple{&b, &a, e.args[0]}}) {
    if (!ref->declared || ref->declared->kind != engine::FieldKind::Score || !lit->constant)
      continue;
    auto const* v = lit->constant->as_number();
    if (v && (*v < ref->declared->lo || *v > ref->declared->hi)) {
      c.error(*node, ref->declared_name + " is a score " + number_text(ref->declared->lo) + ".." +
                         number_text(ref->declared->hi) + "; " + number_text(*v) +
                         " is outside its range");
      return false;
    }
  }
  if (numeric(ta) && numeric(tb)) t.outcomes = compare_outcomes(code, a.range, b.range);
  if (a.constant && b.constant && !(numeric(ta) && numeric(tb))) {
    bool const equal = *a.constant == *b.constant;
    if (code == Op::Eq) t.outcomes = {equal, !equal};
    if (code == Op::Ne) t.outcomes = {!equal, equal};
  }
  set_binary(t.ir, code, Type::Bool, std::move(a.ir), std::move(b.ir));
  return true;
}

}  // namespace

Typed Checker::check_binary(const ast::Expr& e, const ExprContext& cx) {
  // The syntax tree is cold by now: let the right operand arrive while the left is checked.
  __builtin_prefetch(e.args[1]);
  Typed t;
  Typed a = check(*e.args[0], cx);
  Typed b = check(*e.args[1], cx);
  if (!a.ok || !b.ok) {
    t.ok = false;
    return t;
  }
  std::string_view const op = e.text;
  Op const code = binary_op(op);
  if (code == Op::And || code == Op::Or) {
    for (auto const* side : {&a, &b}) {
      if (side->ir.type != Type::Bool && side->ir.type != Type::Null) {
        auto const& arg = side == &a ? *e.args[0] : *e.args[1];
        error(arg, "'" + std::string(op) + "' needs true or false on both sides, but '" +
                       source_of(arg) + "' is " + type_name(side->ir.type));
        t.ok = false;
        return t;
      }
    }
    if (code == Op::And) {
      t.outcomes = {a.outcomes.can_be_true && b.outcomes.can_be_true,
                    a.outcomes.can_be_false || b.outcomes.can_be_false};
    } else {
      t.outcomes = {a.outcomes.can_be_true || b.outcomes.can_be_true,
                    a.outcomes.can_be_false && b.outcomes.can_be_false};
    }
    set_binary(t.ir, code, Type::Bool, std::move(a.ir), std::move(b.ir));
    set_position(t, e);
    return t;
  }
  if (code == Op::In) {
    if (b.ir.type != Type::List && b.ir.type != Type::Null) {
      error(*e.args[1], "'in' needs a list such as [\"a\", \"b\"] on its right, but '" +
                            source_of(*e.args[1]) + "' is " + type_name(b.ir.type));
      t.ok = false;
      return t;
    }
    for (auto const& item : b.ir.args) {
      if (item.type != Type::Null && a.ir.type != Type::Null && item.type != a.ir.type) {
        error(*e.args[1], "'" + source_of(*e.args[0]) + "' is " + type_name(a.ir.type) +
                              " but the list holds " + type_name(item.type));
        t.ok = false;
        return t;
      }
      if (a.declared && item.op == Op::Const) {
        Typed literal;
        literal.constant = item.constant;
        check_enum_literal(a, literal, *e.args[1]);
      }
    }
    set_binary(t.ir, Op::In, Type::Bool, std::move(a.ir), std::move(b.ir));
    set_position(t, e);
    return t;
  }
  if (is_comparison(code)) {
    auto const enum_literal = [this](const Typed& ref, const Typed& literal,
                                     const ast::Node& where) {
      check_enum_literal(ref, literal, where);
    };
    t.ok = compare_into(*this, e, code, a, b, t, enum_literal);
    if (t.ok) set_position(t, e);
    return t;
  }
  // + - * /
  Type const ta = a.ir.type, tb = b.ir.type;
  Type result = Type::Null;
  auto const is = [&](Type x, Type y) { return ta == x && tb == y; };
  if (ta == Type::Null || tb == Type::Null) {
    result = ta == Type::Null ? tb : ta;
  } else if (is(Type::Number, Type::Number)) {
    result = Type::Number;
  } else if ((code == Op::Add || code == Op::Sub) && numeric(ta) && numeric(tb)) {
    result = Type::Money;  // money ± money (or a number): exact
  } else if (code == Op::Mul && (is(Type::Money, Type::Number) || is(Type::Number, Type::Money))) {
    result = Type::Money;  // rounded half away from zero to 4 decimals
  } else if (code == Op::Div && is(Type::Money, Type::Number)) {
    result = Type::Money;  // likewise
  } else if (code == Op::Div && is(Type::Money, Type::Money)) {
    result = Type::Number;  // a ratio of two amounts
  } else if (code == Op::Add &&
             (is(Type::Date, Type::Duration) || is(Type::Duration, Type::Date))) {
    result = Type::Date;
  } else if (code == Op::Sub && is(Type::Date, Type::Duration)) {
    result = Type::Date;
  } else if (code == Op::Sub && is(Type::Date, Type::Date)) {
    result = Type::Duration;
  } else if ((code == Op::Add || code == Op::Sub) && is(Type::Duration, Type::Duration)) {
    result = Type::Duration;
  } else if (code == Op::Mul &&
             (is(Type::Duration, Type::Number) || is(Type::Number, Type::Duration))) {
    result = Type::Duration;
  } else if (code == Op::Div && is(Type::Duration, Type::Number)) {
    result = Type::Duration;
  } else {
    static const std::map<std::string, std::string> kVerb = {
        {"+", "add"}, {"-", "subtract"}, {"*", "multiply"}, {"/", "divide"}};
    error(e, "cannot " + kVerb.at(std::string(op)) + " " + type_name(ta) + " and " + type_name(tb) +
                 ": '" + source_of(*e.args[0]) + "' is " + type_name(ta) + ", '" +
                 source_of(*e.args[1]) + "' is " + type_name(tb));
    t.ok = false;
    return t;
  }
  if (numeric(result)) {
    t.range = code == Op::Add   ? add(a.range, b.range)
              : code == Op::Sub ? sub(a.range, b.range)
              : code == Op::Mul ? mul(a.range, b.range)
                                : div(a.range, b.range);
  }
  if (code == Op::Div && b.constant && b.constant->as_number() && *b.constant->as_number() == 0) {
    warning(e, "division by zero: '" + source_of(e) + "' is always null");
  }
  set_binary(t.ir, code, result, std::move(a.ir), std::move(b.ir));
  set_position(t, e);
  return t;
}

void Checker::check_enum_literal(const Typed& ref, const Typed& literal, const ast::Node& where) {
  if (!ref.declared || ref.declared->kind != engine::FieldKind::OneOf || !literal.constant) return;
  auto const* text = literal.constant->as_text();
  if (!text) return;
  auto const& values = ref.declared->values;
  if (std::find(values.begin(), values.end(), *text) != values.end()) return;
  std::string all;
  for (auto const& v : values) all += (all.empty() ? "" : ", ") + v;
  std::string message =
      "\"" + *text + "\" is not one of the values of " + ref.declared_name + " (" + all + ")";
  if (auto best = did_you_mean(*text, values)) message += "; did you mean \"" + *best + "\"?";
  error(where, std::move(message));
}

Typed Checker::check_compare(const ast::Expr& e, Typed a, Typed b) {
  Typed t;
  auto const enum_literal = [this](const Typed& ref, const Typed& literal, const ast::Node& where) {
    check_enum_literal(ref, literal, where);
  };
  t.ok = compare_into(*this, e, binary_op(e.text), a, b, t, enum_literal);
  if (t.ok) set_position(t, e);
  return t;
}

}  // namespace dojang::dsl::detail
