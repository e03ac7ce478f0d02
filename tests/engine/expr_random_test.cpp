// Randomised (seeded, deterministic) tests: thousands of generated Ir trees, evaluated over
// random slots (null, wrong kinds, NaN, extremes included), must never crash or throw, must agree
// with the reference interpreter (value and notes), and test() must agree with evaluate().

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "dojang/engine/expression.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using namespace test_ir;

constexpr std::int64_t kI64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kI64Min = std::numeric_limits<std::int64_t>::min();

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : m_rng(seed) {}

  int pick(int n) { return static_cast<int>(m_rng() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return pick(100) < percent; }

  double number() {
    static const double kPool[] = {0,    -0.0, 1, -1, 2,  2.5, -2.5,  0.1,    0.2,   0.25,
                                   0.15, 3,    7, 10, 60, 100, 1e308, -1e308, 1.005, 123.456};
    if (chance(75)) return kPool[pick(std::size(kPool))];
    return static_cast<double>(pick(200001) - 100000) / static_cast<double>(1 + pick(1000));
  }
  std::string text() {
    static const char* kPool[] = {"",         "a",        "b",  "ab", "process",
                                  "customer", "혁신과제", "가", "Z",  "a\"b"};
    return kPool[pick(std::size(kPool))];
  }
  Date date() {
    if (chance(8)) return Date{chance(50) ? kI64Max : kI64Min + pick(2)};
    return ymd(2000 + pick(30), 1 + static_cast<unsigned>(pick(12)),
               1 + static_cast<unsigned>(pick(28)), chance(70) ? 0 : pick(24));
  }
  Duration duration() {
    static const std::int64_t kPool[] = {0, 45, 60, kHour, kDay, -kDay, 14 * kDay, 90 * kMinute};
    if (chance(8)) return Duration{chance(50) ? kI64Max : kI64Min};
    return Duration{kPool[pick(std::size(kPool))]};
  }

  Value value_of(Type t, int depth = 0) {
    switch (t) {
      case Type::Bool:
        return Value{chance(50)};
      case Type::Number:
        return Value{number()};
      case Type::Text:
        return Value{text()};
      case Type::Date:
        return Value{date()};
      case Type::Duration:
        return Value{duration()};
      case Type::List: {
        ValueList l;
        const Type element = depth > 1 ? Type::Number : any_type();
        const int n = pick(5);
        for (int i = 0; i < n; ++i)
          l.push_back(chance(15) ? Value{} : value_of(element, depth + 1));
        return Value{l};
      }
      case Type::Money:
        return Value{Decimal::from_units(static_cast<std::int64_t>(pick(2000001) - 1000000) * 5)};
      case Type::Null:
        break;
    }
    return {};
  }

  Type any_type() { return static_cast<Type>(1 + pick(6)); }

  // Any value at all, for slots: nulls, wrong kinds, NaN and infinities.
  Value any_value() {
    const int r = pick(100);
    if (r < 12) return {};
    if (r < 15) return Value{std::numeric_limits<double>::quiet_NaN()};
    if (r < 17) return Value{-std::numeric_limits<double>::infinity()};
    if (r < 50) return Value{number()};
    return value_of(any_type());
  }

  Scene scene() {
    Scene s;
    s.now = date();
    for (int i = 0; i < 8; ++i) s.slots.push_back(any_value());
    const int inputs = pick(4);
    for (int i = 0; i < inputs; ++i) s.inputs.push_back(any_value());
    const int reviews = pick(6);
    for (int i = 0; i < reviews; ++i) {
      std::vector<Value> scores;
      const int n = pick(4);
      for (int j = 0; j < n; ++j) scores.push_back(chance(80) ? Value{number()} : any_value());
      const Value vote = chance(40) ? Value{true} : chance(50) ? Value{false} : any_value();
      s.reviews.push_back(review_record(static_cast<std::uint32_t>(pick(3)), "r", scores, vote));
    }
    return s;
  }

  Ir leaf(Type t) {
    const int r = pick(100);
    if (r < 8) return null_ir(chance(50) ? Type::Null : t);
    if (r < 45) return constant(value_of(t), t);
    if (r < 90) return slot(static_cast<std::uint32_t>(pick(10)), t);
    if (t == Type::Date && r < 95) return call(Op::Now, {});
    return input(static_cast<std::uint32_t>(pick(4)), t);
  }

  // An operand of type t, sometimes the null literal (which the checker types as Null).
  Ir operand(Type t, int depth) { return chance(4) ? null_ir() : gen(t, depth); }

  std::vector<Ir> several(Type t, int depth) {
    std::vector<Ir> args;
    const int n = pick(4);
    for (int i = 0; i < n; ++i) args.push_back(operand(t, depth));
    return args;
  }

  Ir gen(Type t, int depth) {
    if (depth <= 0 || chance(20)) return leaf(t);
    const int d = depth - 1;
    const int r = pick(100);
    // Shapes every type has.
    if (r < 8) return if_ir(gen(Type::Bool, d), operand(t, d), operand(t, d));
    if (r < 13) return call(Op::Coalesce, several(t, d), t);
    switch (t) {
      case Type::Number:
        return number_node(d);
      case Type::Bool:
        return bool_node(d);
      case Type::Text:
        if (r < 40) return call(pick(2) ? Op::Min : Op::Max, several(Type::Text, d), Type::Text);
        if (r < 50)
          return call(pick(2) ? Op::ListMin : Op::ListMax, {gen(Type::List, d)}, Type::Text);
        return leaf(t);
      case Type::Date: {
        if (r < 30)
          return bin(Op::Add, operand(Type::Date, d), operand(Type::Duration, d), Type::Date);
        if (r < 40)
          return bin(Op::Add, operand(Type::Duration, d), operand(Type::Date, d), Type::Date);
        if (r < 60)
          return bin(Op::Sub, operand(Type::Date, d), operand(Type::Duration, d), Type::Date);
        if (r < 70) return call(pick(2) ? Op::Min : Op::Max, several(Type::Date, d), Type::Date);
        if (r < 75) return call(Op::ListMax, {gen(Type::List, d)}, Type::Date);
        return leaf(t);
      }
      case Type::Duration: {
        const Type dt = Type::Duration;
        if (r < 25) return bin(Op::Sub, operand(Type::Date, d), operand(Type::Date, d), dt);
        if (r < 40) return bin(pick(2) ? Op::Add : Op::Sub, operand(dt, d), operand(dt, d), dt);
        if (r < 50) return bin(Op::Mul, operand(dt, d), operand(Type::Number, d), dt);
        if (r < 55) return bin(Op::Mul, operand(Type::Number, d), operand(dt, d), dt);
        if (r < 65) return bin(Op::Div, operand(dt, d), operand(Type::Number, d), dt);
        if (r < 75) return call(pick(2) ? Op::Neg : Op::Abs, {operand(dt, d)}, dt);
        return leaf(t);
      }
      case Type::List: {
        if (r < 60) {
          const Type element = any_type() == Type::List ? Type::Number : any_type();
          return call(Op::MakeList, several(element, d), Type::List);
        }
        return leaf(t);
      }
      case Type::Money:  // not generated: any_type() stops at List
      case Type::Null:
        break;
    }
    return leaf(t);
  }

 private:
  // slot*w ± slot*w ± ... : the shape the evaluator flattens.
  Ir weighted_chain() {
    auto term = [&]() -> Ir {
      const int r = pick(10);
      const Ir s = slot(static_cast<std::uint32_t>(pick(9)), Type::Number);
      if (r < 5) return bin(Op::Mul, s, num(number()));
      if (r < 7) return bin(Op::Mul, num(number()), s);
      if (r < 9) return s;
      return num(number());
    };
    Ir chain = term();
    const int n = 1 + pick(5);
    for (int i = 0; i < n; ++i) chain = bin(pick(3) ? Op::Add : Op::Sub, chain, term());
    return chain;
  }

  Ir number_node(int d) {
    const Type n = Type::Number;
    const int r = pick(100);
    if (r < 10) return weighted_chain();
    if (r < 35) {
      static const Op kOps[] = {Op::Add, Op::Sub, Op::Mul, Op::Div};
      return bin(kOps[pick(4)], operand(n, d), operand(n, d), n);
    }
    if (r < 40) return call(pick(2) ? Op::Neg : Op::Abs, {operand(n, d)}, n);
    if (r < 45) return call(Op::DaysBetween, {operand(Type::Date, d), operand(Type::Date, d)}, n);
    if (r < 50) return call(Op::Len, {gen(pick(2) ? Type::Text : Type::List, d)}, n);
    if (r < 55) return call(Op::Round, {operand(n, d), operand(n, d)}, n);
    if (r < 62) return call(pick(2) ? Op::Min : Op::Max, several(n, d), n);
    if (r < 70) {
      static const Op kOps[] = {Op::ListSum, Op::ListAvg, Op::ListMin, Op::ListMax, Op::ListCount};
      return call(kOps[pick(5)], {gen(Type::List, d)}, n);
    }
    if (r < 80) {
      static const Op kOps[] = {Op::ReviewSum, Op::ReviewAvg,   Op::ReviewMin,
                                Op::ReviewMax, Op::ReviewCount, Op::Approvals};
      return review(kOps[pick(6)], static_cast<std::uint32_t>(pick(3)),
                    static_cast<std::uint32_t>(pick(4)));
    }
    return leaf(n);
  }

  Ir bool_node(int d) {
    const Type b = Type::Bool;
    const int r = pick(100);
    if (r < 20) return bin(pick(2) ? Op::And : Op::Or, operand(b, d), operand(b, d), b);
    if (r < 25) return call(Op::Not, {operand(b, d)}, b);
    if (r < 55) {
      static const Op kOps[] = {Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge};
      const Op op = kOps[pick(6)];
      Type t = any_type();
      if (op != Op::Eq && op != Op::Ne && (t == Type::Bool || t == Type::List)) t = Type::Number;
      return bin(op, operand(t, d), operand(t, d), b);
    }
    if (r < 63) {
      const Type t = any_type() == Type::List ? Type::Text : any_type();
      return bin(Op::In, operand(t, d), gen(Type::List, d), b);
    }
    if (r < 68) return bin(Op::Contains, operand(Type::Text, d), operand(Type::Text, d), b);
    if (r < 72) return bin(Op::Contains, gen(Type::List, d), operand(any_type(), d), b);
    if (r < 82) {
      const auto block = static_cast<std::uint32_t>(pick(3));
      const int which = pick(3);
      if (which == 0) return approve_k_of_n(block, pick(4), pick(5));
      if (which == 1) return approve_all(block, pick(4));
      return review(Op::ApproveAny, block);
    }
    return leaf(b);
  }

  std::mt19937_64 m_rng;
};

struct Outcome {
  int trees = 0, non_null = 0, mismatches = 0, notes = 0;
};

// Compares the compiled evaluator with the reference on one tree and several scenes.
void check_tree(const Ir& ir, Generator& g, Outcome& out, bool compare_notes) {
  const Expression e = Expression::compile(ir);
  ++out.trees;
  for (int k = 0; k < 3; ++k) {
    Scene s = g.scene();
    std::vector<std::string> expected_notes;
    const Value expected = reference_eval(ir, s.env(), expected_notes);
    const Value got = e.evaluate(s.env());
    const Truth truth = e.test(s.env());
    out.non_null += got.is_null() ? 0 : 1;
    out.notes += static_cast<int>(s.notes.size());
    bool same = to_string(got) == to_string(expected) &&
                got.storage().index() == expected.storage().index();
    const Truth want = got.as_bool() ? (*got.as_bool() ? Truth::True : Truth::False) : Truth::Null;
    same = same && truth == want;
    if (compare_notes) {
      // evaluate() and test() each record the notes once.
      same = same && s.notes.size() == 2 * expected_notes.size();
      for (std::size_t i = 0; same && i < expected_notes.size(); ++i) {
        same = s.notes[i].message == expected_notes[i];
      }
    }
    Scene quiet = s;
    quiet.record_notes = false;
    same = same && to_string(e.evaluate(quiet.env())) == to_string(got);
    if (!same && ++out.mismatches <= 5) {
      ADD_FAILURE() << "tree #" << out.trees << " scene " << k << ": got " << to_string(got)
                    << " (test " << static_cast<int>(truth) << ", " << s.notes.size()
                    << " notes), reference " << to_string(expected) << " (" << expected_notes.size()
                    << " notes)";
    }
  }
}

TEST(RandomExpressions, AgreeWithTheReferenceAndNeverCrash) {
  Generator g(20240315);
  Outcome out;
  const Type roots[] = {Type::Bool, Type::Number,   Type::Text,
                        Type::Date, Type::Duration, Type::List};
  for (int i = 0; i < 4000; ++i) {
    const Ir ir = g.gen(roots[i % 6], 1 + g.pick(5));
    check_tree(ir, g, out, true);
  }
  EXPECT_EQ(out.mismatches, 0);
  // Not vacuous: a fair share of the results are values, and division by zero happens.
  EXPECT_GT(out.non_null, out.trees * 3 / 4);
  EXPECT_GT(out.notes, 0);
}

TEST(RandomExpressions, GuardsOnRealisticSlotsAgree) {
  // Mostly well-kinded slots, so that deep boolean guards are often true or false.
  Generator g(7);
  Outcome out;
  int decided = 0;
  for (int i = 0; i < 1500; ++i) {
    const Ir ir = g.gen(Type::Bool, 2 + g.pick(4));
    const Expression e = Expression::compile(ir);
    Scene s = g.scene();
    for (std::uint32_t k = 0; k < s.slots.size(); ++k) {
      const Type want = static_cast<Type>(1 + (k % 6));
      if (g.chance(85)) s.slots[k] = g.value_of(want);
    }
    std::vector<std::string> notes;
    const Value expected = reference_eval(ir, s.env(), notes);
    const Value got = e.evaluate(s.env());
    decided += got.is_null() ? 0 : 1;
    EXPECT_EQ(to_string(got), to_string(expected)) << "tree " << i;
  }
  EXPECT_GT(decided, 500);
}

// Ir whose declared types are scrambled (which the checker would reject): still no crash, no
// exception, and the same answer as the reference.
void scramble(Ir& ir, Generator& g) {
  if (g.chance(15)) ir.type = static_cast<Type>(g.pick(7));
  for (Ir& a : ir.args) scramble(a, g);
}

TEST(RandomExpressions, IllTypedIrNeverCrashes) {
  Generator g(99);
  Outcome out;
  const Type roots[] = {Type::Bool, Type::Number,   Type::Text,
                        Type::Date, Type::Duration, Type::List};
  for (int i = 0; i < 2000; ++i) {
    Ir ir = g.gen(roots[i % 6], 1 + g.pick(5));
    scramble(ir, g);
    check_tree(ir, g, out, false);
  }
  EXPECT_EQ(out.mismatches, 0);
}

}  // namespace
}  // namespace dojang::engine
