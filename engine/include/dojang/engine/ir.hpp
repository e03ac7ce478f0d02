#pragma once
// The resolved, typed form of an expression, produced by the DSL compiler (dsl::compile) and
// turned by Expression::compile into the form the engine evaluates. Names are already resolved
// to slots; types are already checked. The engine trusts neither blindly: evaluation of a
// well-formed Ir never throws and never crashes, whatever values the slots hold.

#include <cstdint>
#include <vector>

#include "dojang/engine/value.hpp"

namespace dojang::engine {

// The static type of an expression. Money is an exact amount (money fields, and what is
// worked out from them): money ± money, money × or ÷ a number are money.
enum class Type : std::uint8_t { Null, Bool, Number, Text, Date, Duration, List, Money };

enum class Op : std::uint8_t {
  Const,  // `constant`
  Slot,   // the instance slot `index` (a field, a derived `let`, or a table output)
  TableInput,  // inside a decision table cell: the table's input number `index`
  Neg,    // -a          (number, or duration)
  Not,    // not a
  Add, Sub, Mul, Div,    // a op b  (numbers; date + duration, date - date, date - duration, ...)
  Eq, Ne, Lt, Le, Gt, Ge,
  And, Or,               // Kleene three-valued logic
  In,     // a in b      (b is a list)
  If,     // if a then b else c
  MakeList,              // [a, b, ...]
  Now,                   // now()
  DaysBetween,           // days_between(a, b): whole days from a to b
  Len,                   // len(text) in code points, len(list)
  Contains,              // contains(text, text) or contains(list, value)
  Coalesce,              // coalesce(a, b, ...): first non-null
  Round,                 // round(x, digits): half away from zero
  Abs,                   // abs(x)
  Min, Max,              // min(a, b, ...) / max(a, b, ...) over plain arguments
  ListSum, ListAvg, ListMin, ListMax, ListCount,  // over a list argument (collect tables)
  ReviewSum, ReviewAvg, ReviewMin, ReviewMax,     // over criterion `index` of review block `block`
  ReviewCount,           // count(reviews) of review block `block`
  Approvals,             // number of approving reviews of review block `block`
  ApproveKofN,           // `k of n approve`: at least n reviews and at least k approvals
  ApproveAll,            // `all approve`: at least `n` (the quorum) reviews, all approving
  ApproveAny,            // `any approve`: at least one approving review
};

struct Ir {
  Op op = Op::Const;
  Type type = Type::Null;
  Value constant;            // Op::Const
  std::uint32_t index = 0;   // Op::Slot, Op::TableInput, Op::Review* (criterion)
  std::uint32_t block = 0;   // Op::Review*, Op::Approvals, Op::Approve*
  std::int32_t k = 0, n = 0; // Op::ApproveKofN (k, n), Op::ApproveAll (n = quorum)
  std::vector<Ir> args;
  // Where the expression stands in the source (byte offset and length), for evaluation notes.
  std::uint32_t offset = 0, length = 0;
};

}  // namespace dojang::engine
