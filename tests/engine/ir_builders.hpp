#pragma once
// Builders of engine::Ir for the evaluator tests: num(1.5), text("x"), slot(3, Type::Number),
// bin(Op::Add, a, b), call(Op::Round, {x, num(2)}), and an Env holder (Scene).

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "dojang/base/civil.hpp"
#include "dojang/engine/expression.hpp"
#include "dojang/engine/ir.hpp"
#include "dojang/engine/value.hpp"

namespace dojang::engine {

// GoogleTest printers, so that a failed expectation shows the values.
inline void PrintTo(const Value& v, std::ostream* os) {
  *os << to_string(v);
}
inline void PrintTo(Truth t, std::ostream* os) {
  *os << (t == Truth::True ? "True" : t == Truth::False ? "False" : "Null");
}

}  // namespace dojang::engine

namespace dojang::engine::test_ir {

inline constexpr std::int64_t kMinute = 60;
inline constexpr std::int64_t kHour = 3600;
inline constexpr std::int64_t kDay = 86400;

// Midnight UTC (plus a time of day) of a proleptic Gregorian date.
inline Date ymd(std::int64_t y, unsigned m, unsigned d, std::int64_t hh = 0, std::int64_t mm = 0,
                std::int64_t ss = 0) {
  const std::int64_t days = base::days_from_civil(y, m, d);
  return Date{days * kDay + hh * kHour + mm * kMinute + ss};
}

inline Ir constant(Value v, Type t) {
  Ir ir;
  ir.op = Op::Const;
  ir.type = t;
  ir.constant = std::move(v);
  return ir;
}
inline Ir num(double v) {
  return constant(Value{v}, Type::Number);
}
inline Ir text(std::string s) {
  return constant(Value{std::move(s)}, Type::Text);
}
inline Ir boolean(bool b) {
  return constant(Value{b}, Type::Bool);
}
inline Ir null_ir(Type t = Type::Null) {
  return constant(Value{}, t);
}
inline Ir date(Date d) {
  return constant(Value{d}, Type::Date);
}
inline Ir dur(std::int64_t seconds) {
  return constant(Value{Duration{seconds}}, Type::Duration);
}
inline Ir list_const(ValueList l) {
  return constant(Value{std::move(l)}, Type::List);
}

inline Ir slot(std::uint32_t index, Type t) {
  Ir ir;
  ir.op = Op::Slot;
  ir.type = t;
  ir.index = index;
  return ir;
}
inline Ir input(std::uint32_t index, Type t) {
  Ir ir = slot(index, t);
  ir.op = Op::TableInput;
  return ir;
}

// The result type the checker would give `op` over arguments of these types.
inline Type infer(Op op, const std::vector<Ir>& args) {
  auto t = [&](std::size_t i) { return i < args.size() ? args[i].type : Type::Null; };
  const Type a = t(0);
  const Type b = t(1);
  switch (op) {
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::And:
    case Op::Or:
    case Op::Not:
    case Op::In:
    case Op::Contains:
    case Op::ApproveKofN:
    case Op::ApproveAll:
    case Op::ApproveAny:
      return Type::Bool;
    case Op::Neg:
    case Op::Abs:
      return a;
    case Op::Add:
      if (a == Type::Number && b == Type::Number) return Type::Number;
      if (a == Type::Duration && b == Type::Duration) return Type::Duration;
      if ((a == Type::Date && b == Type::Duration) || (a == Type::Duration && b == Type::Date)) {
        return Type::Date;
      }
      return a == Type::Null ? b : a;
    case Op::Sub:
      if (a == Type::Date && b == Type::Date) return Type::Duration;
      if (a == Type::Date) return Type::Date;
      return a == Type::Null ? b : a;
    case Op::Mul:
      return (a == Type::Duration || b == Type::Duration) ? Type::Duration : Type::Number;
    case Op::Div:
      return a == Type::Duration ? Type::Duration : Type::Number;
    case Op::If:
      return t(1) == Type::Null ? t(2) : t(1);
    case Op::Coalesce:
    case Op::Min:
    case Op::Max:
      for (const Ir& x : args) {
        if (x.type != Type::Null) return x.type;
      }
      return Type::Null;
    case Op::MakeList:
      return Type::List;
    case Op::Now:
      return Type::Date;
    default:
      return Type::Number;
  }
}

inline Ir call(Op op, std::vector<Ir> args, Type t) {
  Ir ir;
  ir.op = op;
  ir.type = t;
  ir.args = std::move(args);
  return ir;
}
inline Ir call(Op op, std::vector<Ir> args) {
  const Type t = infer(op, args);
  return call(op, std::move(args), t);
}
inline Ir un(Op op, Ir a) {
  return call(op, {std::move(a)});
}
inline Ir bin(Op op, Ir a, Ir b) {
  return call(op, {std::move(a), std::move(b)});
}
inline Ir bin(Op op, Ir a, Ir b, Type t) {
  return call(op, {std::move(a), std::move(b)}, t);
}
inline Ir if_ir(Ir c, Ir a, Ir b) {
  return call(Op::If, {std::move(c), std::move(a), std::move(b)});
}
inline Ir list_ir(std::vector<Ir> items) {
  return call(Op::MakeList, std::move(items));
}

inline Ir review(Op op, std::uint32_t block, std::uint32_t criterion = 0) {
  Ir ir = call(op, {});
  ir.block = block;
  ir.index = criterion;
  return ir;
}
inline Ir approve_k_of_n(std::uint32_t block, std::int32_t k, std::int32_t n) {
  Ir ir = review(Op::ApproveKofN, block);
  ir.k = k;
  ir.n = n;
  return ir;
}
inline Ir approve_all(std::uint32_t block, std::int32_t quorum) {
  Ir ir = review(Op::ApproveAll, block);
  ir.n = quorum;
  return ir;
}

// Places `ir` at a source span.
inline Ir at(Ir ir, std::uint32_t offset, std::uint32_t length) {
  ir.offset = offset;
  ir.length = length;
  return ir;
}

// What an expression reads, owned; env() borrows it.
struct Scene {
  std::vector<Value> slots;
  std::vector<ReviewRecord> reviews;
  std::vector<Value> inputs;
  Date now = ymd(2024, 3, 15, 9, 30);
  std::vector<EvalNote> notes;
  bool record_notes = true;

  [[nodiscard]] Env env() {
    Env e;
    e.slots = slots;
    e.reviews = reviews;
    e.table_inputs = inputs;
    e.now = now;
    e.notes = record_notes ? &notes : nullptr;
    return e;
  }
  [[nodiscard]] Value eval(const Ir& ir) { return Expression::compile(ir).evaluate(env()); }
  [[nodiscard]] Truth test(const Ir& ir) { return Expression::compile(ir).test(env()); }
};

// Evaluates with no slots, reviews or inputs.
inline Value eval(const Ir& ir) {
  Scene s;
  return s.eval(ir);
}
inline Truth test(const Ir& ir) {
  Scene s;
  return s.test(ir);
}

inline ReviewRecord review_record(std::uint32_t block, std::string reviewer,
                                  std::vector<Value> scores, Value vote = {}) {
  ReviewRecord r;
  r.block = block;
  r.reviewer = std::move(reviewer);
  r.scores = std::move(scores);
  r.vote = std::move(vote);
  return r;
}

// A second, deliberately plain interpreter of the documented semantics, straight over the Ir
// and on Values only (defined in expr_reference_test.cpp). The randomised tests check the
// compiled evaluator against it. Appends the message of each division-by-zero note to `notes`.
Value reference_eval(const Ir& ir, const Env& env, std::vector<std::string>& notes);

}  // namespace dojang::engine::test_ir
