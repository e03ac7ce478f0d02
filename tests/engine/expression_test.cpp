#include "dojang/engine/expression.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "dojang/engine/definition.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using namespace test_ir;

TEST(Expression, ConstantsEvaluateToThemselves) {
  EXPECT_EQ(eval(num(1.5)), Value{1.5});
  EXPECT_EQ(eval(text("x")), Value{"x"});
  EXPECT_EQ(eval(boolean(true)), Value{true});
  EXPECT_EQ(eval(null_ir()), Value{});
  EXPECT_EQ(eval(dur(3 * kHour)), Value{Duration{3 * kHour}});
  EXPECT_EQ(eval(date(ymd(2024, 1, 2))), Value{ymd(2024, 1, 2)});
  EXPECT_EQ(eval(list_const({1, "a"})), Value(ValueList{1, "a"}));
}

TEST(Expression, AConstantOfTheWrongKindIsNull) {
  EXPECT_EQ(eval(constant(Value{"12"}, Type::Number)), Value{});
  EXPECT_EQ(eval(constant(Value{1}, Type::Text)), Value{});
}

TEST(Expression, DefaultConstructedExpressionIsNull) {
  const Expression e;
  Scene s;
  EXPECT_EQ(e.evaluate(s.env()), Value{});
  EXPECT_EQ(e.test(s.env()), Truth::Null);
  EXPECT_FALSE(e.holds(s.env()));
  EXPECT_EQ(e.type(), Type::Null);
}

TEST(Expression, TypeIsTheIrType) {
  EXPECT_EQ(Expression::compile(slot(0, Type::Number)).type(), Type::Number);
  EXPECT_EQ(Expression::compile(bin(Op::Ge, slot(0, Type::Number), num(3))).type(), Type::Bool);
  EXPECT_EQ(Expression::compile(bin(Op::Sub, slot(0, Type::Date), slot(1, Type::Date))).type(),
            Type::Duration);
  EXPECT_EQ(Expression::compile(list_ir({num(1)})).type(), Type::List);
}

TEST(Expression, SlotsReadTheirValue) {
  Scene s;
  s.slots = {Value{42},
             Value{"process"},
             Value{true},
             Value{ymd(2024, 1, 1)},
             Value{Duration{kDay}},
             Value{ValueList{1, 2}}};
  EXPECT_EQ(s.eval(slot(0, Type::Number)), Value{42});
  EXPECT_EQ(s.eval(slot(1, Type::Text)), Value{"process"});
  EXPECT_EQ(s.eval(slot(2, Type::Bool)), Value{true});
  EXPECT_EQ(s.eval(slot(3, Type::Date)), Value{ymd(2024, 1, 1)});
  EXPECT_EQ(s.eval(slot(4, Type::Duration)), Value{Duration{kDay}});
  EXPECT_EQ(s.eval(slot(5, Type::List)), Value(ValueList{1, 2}));
}

TEST(Expression, SlotOfTheWrongKindReadsAsNull) {
  Scene s;
  s.slots = {Value{"not a number"}, Value{7}, Value{Duration{5}}, Value{1}};
  EXPECT_EQ(s.eval(slot(0, Type::Number)), Value{});
  EXPECT_EQ(s.eval(slot(1, Type::Text)), Value{});
  EXPECT_EQ(s.eval(slot(2, Type::Date)), Value{});
  EXPECT_EQ(s.eval(slot(3, Type::Bool)), Value{});
  EXPECT_EQ(s.eval(slot(3, Type::List)), Value{});
  EXPECT_EQ(s.test(slot(3, Type::Bool)), Truth::Null);
}

TEST(Expression, WrongKindSlotInArithmeticIsNullWithoutCrash) {
  Scene s;
  s.slots = {Value{"12"}, Value{3}};
  const Ir sum = bin(Op::Add, slot(0, Type::Number), slot(1, Type::Number));
  EXPECT_EQ(s.eval(sum), Value{});
  EXPECT_EQ(s.test(bin(Op::Gt, sum, num(0))), Truth::Null);
  EXPECT_EQ(s.test(bin(Op::Eq, slot(1, Type::Text), text("3"))), Truth::False);
}

TEST(Expression, NonFiniteNumberInASlotIsNull) {
  Scene s;
  s.slots = {Value{std::numeric_limits<double>::infinity()},
             Value{std::numeric_limits<double>::quiet_NaN()}};
  EXPECT_EQ(s.eval(slot(0, Type::Number)), Value{});
  EXPECT_EQ(s.eval(slot(1, Type::Number)), Value{});
  EXPECT_EQ(s.eval(bin(Op::Mul, slot(0, Type::Number), num(2))), Value{});
  EXPECT_EQ(s.test(bin(Op::Eq, slot(1, Type::Number), null_ir())), Truth::True);
}

TEST(Expression, OutOfRangeSlotIsNull) {
  Scene s;
  s.slots = {Value{1}};
  EXPECT_EQ(s.eval(slot(1, Type::Number)), Value{});
  EXPECT_EQ(s.eval(slot(1000000, Type::Text)), Value{});
  EXPECT_EQ(s.eval(slot(0xFFFFFFFFu, Type::Number)), Value{});
  EXPECT_EQ(s.eval(bin(Op::Add, slot(7, Type::Number), num(1))), Value{});
}

TEST(Expression, TableInputsAreReadByIndex) {
  Scene s;
  s.slots = {Value{1}};
  s.inputs = {Value{85}, Value{"gold"}};
  EXPECT_EQ(s.eval(input(0, Type::Number)), Value{85});
  EXPECT_EQ(s.eval(input(1, Type::Text)), Value{"gold"});
  EXPECT_EQ(s.eval(input(2, Type::Number)), Value{});
  EXPECT_EQ(s.eval(input(1, Type::Number)), Value{});
  EXPECT_EQ(s.test(bin(Op::Ge, input(0, Type::Number), num(80))), Truth::True);
}

TEST(Expression, TableInputsWithoutTableAreNull) {
  Scene s;
  s.slots = {Value{85}};
  EXPECT_EQ(s.eval(input(0, Type::Number)), Value{});
}

TEST(Expression, TestIsTrueOnlyForBoolTrue) {
  Scene s;
  s.slots = {Value{true}, Value{false}, Value{}, Value{1}};
  EXPECT_EQ(s.test(slot(0, Type::Bool)), Truth::True);
  EXPECT_EQ(s.test(slot(1, Type::Bool)), Truth::False);
  EXPECT_EQ(s.test(slot(2, Type::Bool)), Truth::Null);
  EXPECT_EQ(s.test(slot(3, Type::Number)), Truth::Null);
  EXPECT_EQ(test(num(1)), Truth::Null);
  EXPECT_TRUE(Expression::compile(slot(0, Type::Bool)).holds(s.env()));
  EXPECT_FALSE(Expression::compile(slot(1, Type::Bool)).holds(s.env()));
  EXPECT_FALSE(Expression::compile(slot(2, Type::Bool)).holds(s.env()));
}

TEST(Expression, TestAgreesWithEvaluateOnTheGuardOfTheBenchmark) {
  // c*0.25 + i*0.25 + u*0.2 + d*0.15 + r*0.15 >= 60 and area == "process"
  const double w[] = {0.25, 0.25, 0.2, 0.15, 0.15};
  Ir total = bin(Op::Mul, slot(0, Type::Number), num(w[0]));
  for (std::uint32_t i = 1; i < 5; ++i) {
    total = bin(Op::Add, total, bin(Op::Mul, slot(i, Type::Number), num(w[i])));
  }
  const Ir guard =
      bin(Op::And, bin(Op::Ge, total, num(60)), bin(Op::Eq, slot(5, Type::Text), text("process")));
  const Expression e = Expression::compile(guard);
  Scene s;
  s.slots = {Value{80}, Value{70}, Value{60}, Value{50}, Value{40}, Value{"process"}};
  // 20 + 17.5 + 12 + 7.5 + 6 = 63
  EXPECT_EQ(Expression::compile(total).evaluate(s.env()), Value{63});
  EXPECT_EQ(e.test(s.env()), Truth::True);
  EXPECT_EQ(e.evaluate(s.env()), Value{true});
  s.slots[5] = Value{"customer"};
  EXPECT_EQ(e.test(s.env()), Truth::False);
  s.slots[5] = Value{"process"};
  s.slots[0] = Value{60};  // 58
  EXPECT_EQ(e.test(s.env()), Truth::False);
  s.slots[0] = Value{};  // null and true: null
  EXPECT_EQ(e.test(s.env()), Truth::Null);
  s.slots[5] = Value{};  // null and false: false
  EXPECT_EQ(e.test(s.env()), Truth::False);
}

TEST(Expression, CopiesShareTheCompiledTree) {
  const Expression a = Expression::compile(bin(Op::Add, slot(0, Type::Number), num(1)));
  const Expression b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  Scene s;
  s.slots = {Value{41}};
  EXPECT_EQ(a.evaluate(s.env()), Value{42});
  EXPECT_EQ(b.evaluate(s.env()), Value{42});
}

TEST(Expression, EvaluatesConcurrentlyFromFourThreads) {
  const Ir ir = bin(
      Op::And,
      bin(Op::Ge, bin(Op::Add, slot(0, Type::Number), bin(Op::Div, slot(1, Type::Number), num(2))),
          num(10)),
      bin(Op::In, slot(2, Type::Text), list_ir({text("a"), text("b")})));
  const Expression e = Expression::compile(ir);
  std::vector<std::vector<int>> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&e, &results, t] {
      for (int i = 0; i < 2000; ++i) {
        std::vector<Value> slots = {Value{i % 20}, Value{i % 7}, Value{i % 3 == 0 ? "a" : "c"}};
        Env env;
        env.slots = slots;
        const Truth truth = e.test(env);
        const Value v = e.evaluate(env);
        const bool agree = (truth == Truth::True) == (v == Value{true});
        results[t].push_back(agree ? static_cast<int>(truth) : -1);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 1; t < 4; ++t) EXPECT_EQ(results[t], results[0]);
  int holds = 0;
  for (const int r : results[0]) {
    ASSERT_NE(r, -1);
    holds += r == static_cast<int>(Truth::True) ? 1 : 0;
  }
  EXPECT_GT(holds, 0);
  EXPECT_LT(holds, 2000);
}

TEST(Expression, ConstantSubtreesFoldToTheSameValue) {
  const Ir folded = bin(Op::Mul, bin(Op::Add, num(1), num(2)), num(4));
  EXPECT_EQ(eval(folded), Value{12});
  EXPECT_EQ(eval(bin(Op::Gt, folded, num(11))), Value{true});
}

TEST(Expression, MalformedIrWithMissingArgumentsDoesNotCrash) {
  EXPECT_EQ(eval(call(Op::Add, {num(1)}, Type::Number)), Value{});
  EXPECT_EQ(eval(call(Op::If, {}, Type::Number)), Value{});
  EXPECT_EQ(eval(call(Op::Round, {num(2.5)}, Type::Number)), Value{3});
  EXPECT_EQ(eval(call(Op::DaysBetween, {}, Type::Number)), Value{});
}

TEST(Expression, IllTypedIrGivesNull) {
  // An Add of two texts declared as Number, a comparison declared as Number.
  EXPECT_EQ(eval(bin(Op::Add, text("a"), text("b"), Type::Number)), Value{});
  EXPECT_EQ(eval(bin(Op::Lt, num(1), num(2), Type::Number)), Value{});
  EXPECT_EQ(eval(bin(Op::Add, num(1), num(2), Type::Text)), Value{});
}

TEST(DefinitionLookup, FindsByNameOrReturnsNone) {
  Definition d;
  d.states.resize(2);
  d.states[0].name = "draft";
  d.states[1].name = "review";
  d.fields.resize(1);
  d.fields[0].name = "title";
  d.roles = {RoleDef{"office", "혁신기획단"}, RoleDef{"city", "시·도"}};
  EXPECT_EQ(d.state_index("review"), 1u);
  EXPECT_EQ(d.state_index("draft"), 0u);
  EXPECT_EQ(d.state_index("rejected"), kNone);
  EXPECT_EQ(d.field_index("title"), 0u);
  EXPECT_EQ(d.field_index("area"), kNone);
  EXPECT_EQ(d.role_index("city"), 1u);
  EXPECT_EQ(d.role_index(""), kNone);
  EXPECT_EQ(Definition{}.state_index("draft"), kNone);
}

}  // namespace
}  // namespace dojang::engine
