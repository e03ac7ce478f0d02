#pragma once
// The meaning of the rules language on runtime values, shared by the compiled nodes and by
// constant folding. Every function here is total: a value of an unexpected kind behaves as null.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dojang/engine/expression.hpp"
#include "dojang/engine/ir.hpp"
#include "dojang/engine/value.hpp"

namespace dojang::engine::detail {

// A number or null, without building a Value. A number is always finite: a result that
// overflows (or is NaN) is null.
struct Num {
  double v = 0;
  bool null = true;
};

[[nodiscard]] inline Num make_num(double v) {
  return std::isfinite(v) ? Num{v, false} : Num{};
}

// A Date or a Duration (which one is known from the node's type), or null.
struct Secs {
  std::int64_t v = 0;
  bool null = true;
};

// A null Value with static storage, for `ref` results.
[[nodiscard]] const Value& null_value();

// The runtime kind of a value; a non-finite number counts as null.
[[nodiscard]] Type kind_of(const Value& v);

// Whether `v` may be the result of an expression of type `t`: null, or a value of that kind
// (Type::Null accepts any non-degenerate value).
[[nodiscard]] bool conforms(const Value& v, Type t);

[[nodiscard]] inline Num num_of(const Value& v) {
  const double* d = v.as_number();
  return d ? make_num(*d) : Num{};
}

[[nodiscard]] inline Truth truth_of(const Value& v) {
  const bool* b = v.as_bool();
  return b ? (*b ? Truth::True : Truth::False) : Truth::Null;
}

[[nodiscard]] inline Truth to_truth(bool b) {
  return b ? Truth::True : Truth::False;
}

// The seconds of a Date (t == Date) or a Duration (t == Duration); null otherwise.
[[nodiscard]] Secs secs_of(const Value& v, Type t);

[[nodiscard]] inline Truth kleene_not(Truth a) {
  return a == Truth::Null ? Truth::Null : (a == Truth::True ? Truth::False : Truth::True);
}

// `a == b` of the language: null equals only null; numbers compare as doubles; lists
// elementwise; values of different kinds are different.
[[nodiscard]] bool values_equal(const Value& a, const Value& b);

// Eq, Ne, Lt, Le, Gt, Ge. Orderings are defined on numbers, texts (bytewise), dates and
// durations of the same kind; anything else (and any null) gives Truth::Null.
[[nodiscard]] Truth compare(Op op, const Value& a, const Value& b);

// Orders `a` against `b` when both are of the same orderable kind: -1, 0, 1, or 2 when
// they cannot be ordered.
[[nodiscard]] int order(const Value& a, const Value& b);

// Neg and Abs of a number or a duration.
[[nodiscard]] Value unary(Op op, const Value& a);

// Add, Sub, Mul on numbers, dates and durations; null for any other combination.
[[nodiscard]] Value arith(Op op, const Value& a, const Value& b);

// a / b for numbers and duration / number. Sets `by_zero` when both are present and b is 0.
[[nodiscard]] Value divide(const Value& a, const Value& b, bool& by_zero);

// Appends the division-by-zero note to env.notes (when there is one).
void note_division_by_zero(const Env& env, std::uint32_t offset, std::uint32_t length,
                           const Value& dividend);

// Duration arithmetic with overflow checks.
[[nodiscard]] Value scale_duration(std::int64_t seconds, double factor, bool divide);

// Whole days from `a` to `b`, rounded down; null on overflow.
[[nodiscard]] Num days_between(Date a, Date b);

// Number of UTF-8 code points (bytes that are not continuation bytes).
[[nodiscard]] std::size_t code_points(std::string_view s);

// Decimal rounding, half away from zero, of the shortest decimal form of `x`:
// round(1.005, 2) is 1.01, round(2.5, 0) is 3. `digits` is in 0..9.
[[nodiscard]] double round_half_away(double x, int digits);

// Folds `v` into the running minimum (want = -1) or maximum (want = 1) `best`, considering
// only values of kind `kind` (the static type; Type::Null: the kind of the first value seen).
// Ties keep the earlier value; kinds without an order keep the first value.
void fold_extreme(const Value& v, int want, Type& kind, Value& best);

}  // namespace dojang::engine::detail
