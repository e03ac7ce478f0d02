#pragma once
// Small helpers shared by the parts of the checker that build engine::Ir.

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "check/checker.hpp"

namespace dojang::dsl::detail {

using engine::Ir;
using engine::Op;
using engine::Type;

inline Ir make_const(engine::Value v, Type t) {
  Ir ir;
  ir.op = Op::Const;
  ir.type = t;
  ir.constant = std::move(v);
  return ir;
}

// The source range of `e` on the lowered form.
inline void set_position(Typed& t, const ast::Expr& e) {
  t.ir.offset = e.offset;
  t.ir.length = e.length;
}

inline Ir make_slot(engine::Index slot, Type t) {
  Ir ir;
  ir.op = Op::Slot;
  ir.type = t;
  ir.index = slot;
  return ir;
}

// Moves the arguments in (a braced list would copy whole subtrees).
template <typename... Args>
std::vector<Ir> irs(Args&&... args) {
  std::vector<Ir> out;
  out.reserve(sizeof...(Args));
  (out.push_back(std::forward<Args>(args)), ...);
  return out;
}

inline Ir make_op(Op op, Type t, std::vector<Ir> args) {
  Ir ir;
  ir.op = op;
  ir.type = t;
  ir.args = std::move(args);
  return ir;
}

inline Type type_of(const engine::FieldType& f) {
  switch (f.kind) {
    case engine::FieldKind::Text:
    case engine::FieldKind::OneOf:
    case engine::FieldKind::Person:
    case engine::FieldKind::Unit:
      return Type::Text;
    case engine::FieldKind::Bool:
      return Type::Bool;
    case engine::FieldKind::Date:
      return Type::Date;
    case engine::FieldKind::Money:
      return Type::Money;
    default:
      return Type::Number;
  }
}

// The slots an expression reads, in first-use order, without repeats.
inline void add_slots_read(const Ir& ir, std::vector<engine::Index>& out) {
  if (ir.op == Op::Slot && std::find(out.begin(), out.end(), ir.index) == out.end())
    out.push_back(ir.index);
  for (auto const& a : ir.args) add_slots_read(a, out);
}
inline void slots_read(const Ir& ir, std::vector<engine::Index>& out) {
  if (out.capacity() == 0) out.reserve(8);  // one allocation for the usual guard
  add_slots_read(ir, out);
}

// "a number", "text", ... for messages.
inline std::string type_name(Type t) {
  switch (t) {
    case Type::Null:
      return "null";
    case Type::Bool:
      return "true/false";
    case Type::Number:
      return "a number";
    case Type::Text:
      return "text";
    case Type::Date:
      return "a date";
    case Type::Duration:
      return "a duration";
    case Type::List:
      return "a list";
    case Type::Money:
      return "money";
  }
  return "a value";
}

// Numbers and money: what takes part in arithmetic and orders with a number.
inline bool numeric(Type t) {
  return t == Type::Number || t == Type::Money;
}

// A number literal where money is wanted (a table's money output, `x == 500000`): the same
// amount as money. Null when it has more than 4 decimals or does not fit.
inline std::optional<engine::Value> money_literal(const engine::Value& v) {
  const double* n = v.as_number();
  if (n == nullptr) return std::nullopt;
  const auto m = engine::Decimal::from_double(*n);
  if (!m || m->to_double() != *n) return std::nullopt;
  return engine::Value(*m);
}

// 12, 0.25, -3 — numbers as a person writes them.
inline std::string number_text(double v) {
  if (std::isinf(v)) return v > 0 ? "infinity" : "-infinity";
  std::string s = std::to_string(v);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace dojang::dsl::detail
