// Typing and lowering of expressions: literals, names, if-then-else and lists (the operators are
// in expr_operators.cpp).

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "check/lowering.hpp"
#include "dojang/base/civil.hpp"
#include "dojang/dsl/suggest.hpp"

namespace dojang::dsl::detail {

namespace {

std::int64_t date_seconds(const std::string& ymd) {
  int const y = std::stoi(ymd.substr(0, 4));
  unsigned const m = static_cast<unsigned>(std::stoi(ymd.substr(5, 2)));
  unsigned const d = static_cast<unsigned>(std::stoi(ymd.substr(8, 2)));
  return base::days_from_civil(y, m, d) * base::kSecondsPerDay;
}

std::int64_t unit_seconds(std::string_view unit) {
  if (unit == "w") return 7 * 86400;
  if (unit == "d") return 86400;
  if (unit == "h") return 3600;
  return 60;  // m
}

}  // namespace

Typed Checker::failed() {
  Typed t;
  t.ok = false;
  return t;
}

// Every check_* below returns one named Typed (so that it is built in place, never moved);
// on an error it is returned as it was made, with ok = false (as failed() makes it).

Typed Checker::check_bool(const ast::Expr& e, const ExprContext& cx, std::string_view what) {
  Typed t = check(e, cx);
  if (t.ok && t.ir.type != Type::Bool) {
    error(e, std::string(what) + " must be true or false, but '" + source_of(e) + "' is " +
                 type_name(t.ir.type));
    t = failed();
  }
  return t;
}

namespace {

// A literal: its value as the Ir constant and as what the checker knows.
void set_constant(Typed& t, engine::Value v, Type type) {
  t.ir.op = Op::Const;
  t.ir.type = type;
  t.ir.constant = v;
  t.constant = std::move(v);
}

}  // namespace

Typed Checker::check(const ast::Expr& e, const ExprContext& cx) {
  // The operators and names give their Typed with its position set; the rest is built here.
  switch (e.kind) {
    case ast::ExprKind::Ref:
      return check_ref(e, cx);
    case ast::ExprKind::Unary:
      return check_unary(e, cx);
    case ast::ExprKind::Binary:
      return check_binary(e, cx);
    default:
      break;
  }
  return [&] {
    Typed t;
    switch (e.kind) {
      case ast::ExprKind::Number:
        set_constant(t, engine::Value(e.number), Type::Number);
        t.range = {e.number, e.number};
        break;
      case ast::ExprKind::String:
        set_constant(t, engine::Value(std::string(e.text)), Type::Text);
        break;
      case ast::ExprKind::Bool:
        set_constant(t, engine::Value(e.flag), Type::Bool);
        t.outcomes = {e.flag, !e.flag};
        break;
      case ast::ExprKind::Null:
        set_constant(t, engine::Value(), Type::Null);
        t.outcomes = {false, true};
        break;
      case ast::ExprKind::Date:
        set_constant(t, engine::Value(engine::Date{date_seconds(std::string(e.text))}), Type::Date);
        break;
      case ast::ExprKind::Duration:
        set_constant(t, engine::Value(engine::Duration{e.count * unit_seconds(e.text)}),
                     Type::Duration);
        break;
      case ast::ExprKind::Ref:
      case ast::ExprKind::Unary:
      case ast::ExprKind::Binary:
        break;  // above
      case ast::ExprKind::Call:
        t = check_call(e, cx);
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
        if (!c.ok || !a.ok || !b.ok) {
          t.ok = false;
          return t;
        }
        Type type = a.ir.type == Type::Null ? b.ir.type : a.ir.type;
        if (a.ir.type != b.ir.type && a.ir.type != Type::Null && b.ir.type != Type::Null) {
          error(e, "'then' gives " + type_name(a.ir.type) + " but 'else' gives " +
                       type_name(b.ir.type) + "; both branches must give the same kind of value");
          t.ok = false;
          return t;
        }
        t.range = {std::min(a.range.lo, b.range.lo), std::max(a.range.hi, b.range.hi)};
        t.outcomes = {a.outcomes.can_be_true || b.outcomes.can_be_true,
                      a.outcomes.can_be_false || b.outcomes.can_be_false};
        t.ir = make_op(Op::If, type, irs(std::move(c.ir), std::move(a.ir), std::move(b.ir)));
        break;
      }
      case ast::ExprKind::List: {
        std::vector<Ir> items;
        items.reserve(e.args.size());
        Type element = Type::Null;
        for (auto const& item : e.args) {
          Typed x = check(*item, cx);
          if (!x.ok) {
            t.ok = false;
            return t;
          }
          if (element != Type::Null && x.ir.type != Type::Null && x.ir.type != element) {
            error(*item, "a list holds one kind of value: '" + source_of(*item) + "' is " +
                             type_name(x.ir.type) + ", the items before it are " +
                             type_name(element));
            t.ok = false;
            return t;
          }
          if (x.ir.type != Type::Null) element = x.ir.type;
          items.push_back(std::move(x.ir));
        }
        t.ir = make_op(Op::MakeList, Type::List, std::move(items));
        break;
      }
    }
    set_position(t, e);
    return t;
  }();
}

Typed Checker::check_ref(const ast::Expr& e, const ExprContext& cx) {
  Typed t;
  t.ok = false;                          // until the name resolves
  std::string_view const word = e.text;  // compares by length first
  if (word == "reviews") {
    error(e, "'" + source_of(e) +
                 "' stands for all reviews: use it inside avg(), min(), max(), sum() or count()");
    return t;
  }
  if (!e.member.empty()) {
    auto it = m_tables.find(e.text);
    if (it == m_tables.end()) {
      std::vector<std::string> names;
      for (auto const& [name, i] : m_tables) names.push_back(name);
      std::string message = "unknown table '" + std::string(e.text) + "'";
      if (auto best = did_you_mean(e.text, names)) message += " (did you mean '" + *best + "'?)";
      error(e, std::move(message));
      return t;
    }
    engine::Index const ti = it->second;
    if (m_table_state[ti] == 1) {
      error(e, "table '" + std::string(e.text) + "' depends on its own result");
      return t;
    }
    if (m_table_state[ti] == 0) check_table(ti);
    auto const& outputs = m_def.tables[ti].outputs;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (outputs[i].name != e.member) continue;
      if (i < m_table_outputs[ti].size() && !m_table_outputs[ti][i].ok) return t;
      bool const collect = m_def.tables[ti].hit == engine::HitPolicy::Collect;
      t.ok = true;
      t.ir = make_slot(outputs[i].slot, collect ? Type::List : type_of(outputs[i].type));
      if (!collect) {
        t.declared = &outputs[i].type;
        t.declared_name = std::string(e.text) + "." + std::string(e.member);
      }
      set_position(t, e);
      return t;
    }
    std::vector<std::string> names;
    for (auto const& o : outputs) names.push_back(o.name);
    std::string message =
        "table '" + std::string(e.text) + "' has no output '" + std::string(e.member) + "'";
    if (auto best = did_you_mean(e.member, names)) message += " (did you mean '" + *best + "'?)";
    error(e.member_pos, std::move(message));
    return t;
  }
  if (auto it = m_fields.find(e.text); it != m_fields.end()) {
    auto const& f = m_def.fields[it->second];
    t.ok = true;
    t.ir.op = Op::Slot;
    t.ir.type = type_of(f.type);
    t.ir.index = f.slot;
    t.declared = &f.type;
    t.declared_name = f.name;
    if (f.type.kind == engine::FieldKind::Score) t.range = {f.type.lo, f.type.hi};
    set_position(t, e);
    return t;
  }
  if (auto it = m_lets.find(e.text); it != m_lets.end()) {
    engine::Index const li = it->second;
    if (m_let_state[li] == 1) {
      error(e, "'" + std::string(e.text) + "' depends on itself");
      return t;
    }
    if (m_let_state[li] == 0) check_let(li);
    Typed const& let = m_let_typed[li];
    if (!let.ok) return t;
    t.ok = true;
    t.ir = make_slot(m_def.lets[li].slot, let.ir.type);
    t.range = let.range;
    t.outcomes = let.outcomes;
    set_position(t, e);
    return t;
  }
  if (word == "approvals") {
    engine::Index const block = review_block_for(e, cx);
    if (block == engine::kNone) return t;
    t.ok = true;
    t.ir = make_op(Op::Approvals, Type::Number, {});
    t.ir.block = block;
    t.range = {0, std::numeric_limits<double>::infinity()};
    set_position(t, e);
    return t;
  }
  std::vector<std::string> names;
  for (auto const& [name, i] : m_fields) names.push_back(name);
  for (auto const& [name, i] : m_lets) names.push_back(name);
  std::string message = "unknown field or value '" + std::string(e.text) + "'";
  if (auto best = did_you_mean(e.text, names)) message += " (did you mean '" + *best + "'?)";
  error(e, std::move(message));
  return t;
}

}  // namespace dojang::dsl::detail
