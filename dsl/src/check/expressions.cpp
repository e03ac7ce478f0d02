// Typing and lowering of expressions: literals, names, operators, comparisons, if-then-else.

#include <algorithm>
#include <chrono>
#include <cmath>

#include "check/lowering.hpp"
#include "dojang/dsl/suggest.hpp"

namespace dojang::dsl::detail {

namespace {

std::int64_t date_seconds(const std::string& ymd) {
  int const y = std::stoi(ymd.substr(0, 4));
  unsigned const m = static_cast<unsigned>(std::stoi(ymd.substr(5, 2)));
  unsigned const d = static_cast<unsigned>(std::stoi(ymd.substr(8, 2)));
  auto const days =
      std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
  return static_cast<std::int64_t>(days.time_since_epoch().count()) * 86400;
}

std::int64_t unit_seconds(const std::string& unit) {
  if (unit == "w") return 7 * 86400;
  if (unit == "d") return 86400;
  if (unit == "h") return 3600;
  return 60;  // m
}

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

Outcomes compare_outcomes(const std::string& op, Range a, Range b) {
  Outcomes o;
  if (op == ">=") o = {a.hi >= b.lo, a.lo < b.hi};
  if (op == ">") o = {a.hi > b.lo, a.lo <= b.hi};
  if (op == "<=") o = {a.lo <= b.hi, a.hi > b.lo};
  if (op == "<") o = {a.lo < b.hi, a.hi >= b.lo};
  if (op == "==")
    o = {a.lo <= b.hi && b.lo <= a.hi, !(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo)};
  if (op == "!=")
    o = {!(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo), a.lo <= b.hi && b.lo <= a.hi};
  return o;
}

Op compare_op(const std::string& op) {
  if (op == "==") return Op::Eq;
  if (op == "!=") return Op::Ne;
  if (op == "<") return Op::Lt;
  if (op == "<=") return Op::Le;
  if (op == ">") return Op::Gt;
  return Op::Ge;
}

}  // namespace

Typed Checker::failed() {
  Typed t;
  t.ok = false;
  return t;
}

Typed Checker::check_bool(const ast::Expr& e, const ExprContext& cx, std::string_view what) {
  Typed t = check(e, cx);
  if (t.ok && t.ir.type != Type::Bool) {
    error(e, std::string(what) + " must be true or false, but '" + source_of(e) + "' is " +
                 type_name(t.ir.type));
    return failed();
  }
  return t;
}

Typed Checker::check(const ast::Expr& e, const ExprContext& cx) {
  Typed t;
  switch (e.kind) {
    case ast::ExprKind::Number:
      t.ir = make_const(engine::Value(e.number), Type::Number);
      t.range = {e.number, e.number};
      t.constant = engine::Value(e.number);
      break;
    case ast::ExprKind::String:
      t.ir = make_const(engine::Value(e.text), Type::Text);
      t.constant = engine::Value(e.text);
      break;
    case ast::ExprKind::Bool:
      t.ir = make_const(engine::Value(e.flag), Type::Bool);
      t.outcomes = {e.flag, !e.flag};
      t.constant = engine::Value(e.flag);
      break;
    case ast::ExprKind::Null:
      t.ir = make_const(engine::Value(), Type::Null);
      t.outcomes = {false, true};
      t.constant = engine::Value();
      break;
    case ast::ExprKind::Date: {
      engine::Date d{date_seconds(e.text)};
      t.ir = make_const(engine::Value(d), Type::Date);
      t.constant = engine::Value(d);
      break;
    }
    case ast::ExprKind::Duration: {
      engine::Duration d{e.count * unit_seconds(e.text)};
      t.ir = make_const(engine::Value(d), Type::Duration);
      t.constant = engine::Value(d);
      break;
    }
    case ast::ExprKind::Ref:
      t = check_ref(e, cx);
      break;
    case ast::ExprKind::Call:
      t = check_call(e, cx);
      break;
    case ast::ExprKind::Unary:
      t = check_unary(e, cx);
      break;
    case ast::ExprKind::Binary:
      t = check_binary(e, cx);
      break;
    case ast::ExprKind::Weighted:
      t = check_weighted(e);
      break;
    case ast::ExprKind::Approve:
      t = check_approve(e, cx);
      break;
    case ast::ExprKind::If: {
      Typed c = check_bool(*e.args[0], cx, "the condition of 'if'");
      Typed a = check(*e.args[1], cx);
      Typed b = check(*e.args[2], cx);
      if (!c.ok || !a.ok || !b.ok) return failed();
      Type type = a.ir.type == Type::Null ? b.ir.type : a.ir.type;
      if (a.ir.type != b.ir.type && a.ir.type != Type::Null && b.ir.type != Type::Null) {
        error(e, "'then' gives " + type_name(a.ir.type) + " but 'else' gives " +
                     type_name(b.ir.type) + "; both branches must give the same kind of value");
        return failed();
      }
      t.range = {std::min(a.range.lo, b.range.lo), std::max(a.range.hi, b.range.hi)};
      t.outcomes = {a.outcomes.can_be_true || b.outcomes.can_be_true,
                    a.outcomes.can_be_false || b.outcomes.can_be_false};
      t.ir = make_op(Op::If, type, irs(std::move(c.ir), std::move(a.ir), std::move(b.ir)));
      break;
    }
    case ast::ExprKind::List: {
      std::vector<Ir> items;
      Type element = Type::Null;
      for (auto const& item : e.args) {
        Typed x = check(*item, cx);
        if (!x.ok) return failed();
        if (element != Type::Null && x.ir.type != Type::Null && x.ir.type != element) {
          error(*item, "a list holds one kind of value: '" + source_of(*item) + "' is " +
                           type_name(x.ir.type) + ", the items before it are " +
                           type_name(element));
          return failed();
        }
        if (x.ir.type != Type::Null) element = x.ir.type;
        items.push_back(std::move(x.ir));
      }
      t.ir = make_op(Op::MakeList, Type::List, std::move(items));
      break;
    }
  }
  t.ir.offset = e.offset;
  t.ir.length = e.length;
  return t;
}

Typed Checker::check_ref(const ast::Expr& e, const ExprContext& cx) {
  Typed t;
  if (e.text == "reviews") {
    error(e, "'" + source_of(e) +
                 "' stands for all reviews: use it inside avg(), min(), max(), sum() or count()");
    return failed();
  }
  if (!e.member.empty()) {
    auto it = m_tables.find(e.text);
    if (it == m_tables.end()) {
      std::vector<std::string> names;
      for (auto const& [name, i] : m_tables) names.push_back(name);
      std::string message = "unknown table '" + e.text + "'";
      if (auto best = did_you_mean(e.text, names)) message += " (did you mean '" + *best + "'?)";
      error(e, std::move(message));
      return failed();
    }
    engine::Index const ti = it->second;
    if (m_table_state[ti] == 1) {
      error(e, "table '" + e.text + "' depends on its own result");
      return failed();
    }
    if (m_table_state[ti] == 0) check_table(ti);
    auto const& outputs = m_def.tables[ti].outputs;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (outputs[i].name != e.member) continue;
      if (i < m_table_outputs[ti].size() && !m_table_outputs[ti][i].ok) return failed();
      bool const collect = m_def.tables[ti].hit == engine::HitPolicy::Collect;
      t.ir = make_slot(outputs[i].slot, collect ? Type::List : type_of(outputs[i].type));
      if (!collect) {
        t.declared = &outputs[i].type;
        t.declared_name = e.text + "." + e.member;
      }
      return t;
    }
    std::vector<std::string> names;
    for (auto const& o : outputs) names.push_back(o.name);
    std::string message = "table '" + e.text + "' has no output '" + e.member + "'";
    if (auto best = did_you_mean(e.member, names)) message += " (did you mean '" + *best + "'?)";
    error(e.member_pos, std::move(message));
    return failed();
  }
  if (auto it = m_fields.find(e.text); it != m_fields.end()) {
    auto const& f = m_def.fields[it->second];
    t.ir = make_slot(f.slot, type_of(f.type));
    t.declared = &f.type;
    t.declared_name = f.name;
    if (f.type.kind == engine::FieldKind::Score) t.range = {f.type.lo, f.type.hi};
    return t;
  }
  if (auto it = m_lets.find(e.text); it != m_lets.end()) {
    engine::Index const li = it->second;
    if (m_let_state[li] == 1) {
      error(e, "'" + e.text + "' depends on itself");
      return failed();
    }
    if (m_let_state[li] == 0) check_let(li);
    Typed const& let = m_let_typed[li];
    if (!let.ok) return failed();
    t.ir = make_slot(m_def.lets[li].slot, let.ir.type);
    t.range = let.range;
    t.outcomes = let.outcomes;
    return t;
  }
  if (e.text == "approvals") {
    engine::Index const block = review_block_for(e, cx);
    if (block == engine::kNone) return failed();
    t.ir = make_op(Op::Approvals, Type::Number, {});
    t.ir.block = block;
    t.range = {0, std::numeric_limits<double>::infinity()};
    return t;
  }
  std::vector<std::string> names;
  for (auto const& [name, i] : m_fields) names.push_back(name);
  for (auto const& [name, i] : m_lets) names.push_back(name);
  std::string message = "unknown field or value '" + e.text + "'";
  if (auto best = did_you_mean(e.text, names)) message += " (did you mean '" + *best + "'?)";
  error(e, std::move(message));
  return failed();
}

Typed Checker::check_unary(const ast::Expr& e, const ExprContext& cx) {
  Typed a = check(*e.args[0], cx);
  if (!a.ok) return failed();
  Typed t;
  if (e.text == "not") {
    if (a.ir.type != Type::Bool && a.ir.type != Type::Null) {
      error(e, "'not' needs true or false, but '" + source_of(*e.args[0]) + "' is " +
                   type_name(a.ir.type));
      return failed();
    }
    t.outcomes = {a.outcomes.can_be_false, a.outcomes.can_be_true};
    t.ir = make_op(Op::Not, Type::Bool, irs(std::move(a.ir)));
    return t;
  }
  if (a.ir.type != Type::Number && a.ir.type != Type::Duration && a.ir.type != Type::Null) {
    error(e, "'-' needs a number or a duration, but '" + source_of(*e.args[0]) + "' is " +
                 type_name(a.ir.type));
    return failed();
  }
  t.range = {-a.range.hi, -a.range.lo};
  if (a.constant && a.constant->as_number()) t.constant = engine::Value(-*a.constant->as_number());
  Type const type = a.ir.type;
  t.ir = make_op(Op::Neg, type, irs(std::move(a.ir)));
  return t;
}

Typed Checker::check_binary(const ast::Expr& e, const ExprContext& cx) {
  Typed a = check(*e.args[0], cx);
  Typed b = check(*e.args[1], cx);
  if (!a.ok || !b.ok) return failed();
  std::string const& op = e.text;
  Typed t;
  if (op == "and" || op == "or") {
    for (auto const* side : {&a, &b}) {
      if (side->ir.type != Type::Bool && side->ir.type != Type::Null) {
        auto const& arg = side == &a ? *e.args[0] : *e.args[1];
        error(arg, "'" + op + "' needs true or false on both sides, but '" + source_of(arg) +
                       "' is " + type_name(side->ir.type));
        return failed();
      }
    }
    if (op == "and") {
      t.outcomes = {a.outcomes.can_be_true && b.outcomes.can_be_true,
                    a.outcomes.can_be_false || b.outcomes.can_be_false};
    } else {
      t.outcomes = {a.outcomes.can_be_true || b.outcomes.can_be_true,
                    a.outcomes.can_be_false && b.outcomes.can_be_false};
    }
    t.ir =
        make_op(op == "and" ? Op::And : Op::Or, Type::Bool, irs(std::move(a.ir), std::move(b.ir)));
    return t;
  }
  if (op == "in") {
    if (b.ir.type != Type::List && b.ir.type != Type::Null) {
      error(*e.args[1], "'in' needs a list such as [\"a\", \"b\"] on its right, but '" +
                            source_of(*e.args[1]) + "' is " + type_name(b.ir.type));
      return failed();
    }
    for (auto const& item : b.ir.args) {
      if (item.type != Type::Null && a.ir.type != Type::Null && item.type != a.ir.type) {
        error(*e.args[1], "'" + source_of(*e.args[0]) + "' is " + type_name(a.ir.type) +
                              " but the list holds " + type_name(item.type));
        return failed();
      }
      if (a.declared && item.op == Op::Const) {
        Typed literal;
        literal.constant = item.constant;
        check_enum_literal(a, literal, *e.args[1]);
      }
    }
    t.ir = make_op(Op::In, Type::Bool, irs(std::move(a.ir), std::move(b.ir)));
    return t;
  }
  if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") {
    t = check_compare(e, std::move(a), std::move(b));
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
  } else if (op == "+" && (is(Type::Date, Type::Duration) || is(Type::Duration, Type::Date))) {
    result = Type::Date;
  } else if (op == "-" && is(Type::Date, Type::Duration)) {
    result = Type::Date;
  } else if (op == "-" && is(Type::Date, Type::Date)) {
    result = Type::Duration;
  } else if ((op == "+" || op == "-") && is(Type::Duration, Type::Duration)) {
    result = Type::Duration;
  } else if (op == "*" && (is(Type::Duration, Type::Number) || is(Type::Number, Type::Duration))) {
    result = Type::Duration;
  } else if (op == "/" && is(Type::Duration, Type::Number)) {
    result = Type::Duration;
  } else {
    static const std::map<std::string, std::string> kVerb = {
        {"+", "add"}, {"-", "subtract"}, {"*", "multiply"}, {"/", "divide"}};
    error(e, "cannot " + kVerb.at(op) + " " + type_name(ta) + " and " + type_name(tb) + ": '" +
                 source_of(*e.args[0]) + "' is " + type_name(ta) + ", '" + source_of(*e.args[1]) +
                 "' is " + type_name(tb));
    return failed();
  }
  if (result == Type::Number) {
    t.range = op == "+"   ? add(a.range, b.range)
              : op == "-" ? sub(a.range, b.range)
              : op == "*" ? mul(a.range, b.range)
                          : div(a.range, b.range);
  }
  if (op == "/" && b.constant && b.constant->as_number() && *b.constant->as_number() == 0) {
    warning(e, "division by zero: '" + source_of(e) + "' is always null");
  }
  Op const code = op == "+" ? Op::Add : op == "-" ? Op::Sub : op == "*" ? Op::Mul : Op::Div;
  t.ir = make_op(code, result, irs(std::move(a.ir), std::move(b.ir)));
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
  std::string const& op = e.text;
  Type const ta = a.ir.type, tb = b.ir.type;
  bool const ordering = op != "==" && op != "!=";
  if (ta == Type::Null || tb == Type::Null) {
    if (ordering) {
      error(e, "'" + op + "' with null is never true: test for a missing value with '== null'");
      return failed();
    }
  } else if (ta != tb) {
    error(e, "cannot compare " + type_name(ta) + " with " + type_name(tb) + ": '" +
                 source_of(*e.args[0]) + "' is " + type_name(ta) + ", '" + source_of(*e.args[1]) +
                 "' is " + type_name(tb));
    return failed();
  } else if (ordering && (ta == Type::Bool || ta == Type::List)) {
    error(e, "'" + op + "' cannot order " + type_name(ta) + "; use == or !=");
    return failed();
  }
  check_enum_literal(a, b, *e.args[1]);
  check_enum_literal(b, a, *e.args[0]);
  // A score compared with a number outside its declared range.
  for (auto const& [ref, lit, node] :
       {std::tuple{&a, &b, e.args[1].get()}, std::tuple{&b, &a, e.args[0].get()}}) {
    if (!ref->declared || ref->declared->kind != engine::FieldKind::Score || !lit->constant)
      continue;
    auto const* v = lit->constant->as_number();
    if (v && (*v < ref->declared->lo || *v > ref->declared->hi)) {
      error(*node, ref->declared_name + " is a score " + number_text(ref->declared->lo) + ".." +
                       number_text(ref->declared->hi) + "; " + number_text(*v) +
                       " is outside its range");
      return failed();
    }
  }
  Typed t;
  if (ta == Type::Number && tb == Type::Number) t.outcomes = compare_outcomes(op, a.range, b.range);
  if (a.constant && b.constant && !(ta == Type::Number && tb == Type::Number)) {
    bool const equal = *a.constant == *b.constant;
    if (op == "==") t.outcomes = {equal, !equal};
    if (op == "!=") t.outcomes = {!equal, equal};
  }
  t.ir = make_op(compare_op(op), Type::Bool, irs(std::move(a.ir), std::move(b.ir)));
  return t;
}

}  // namespace dojang::dsl::detail
