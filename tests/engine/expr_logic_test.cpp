// Kleene logic, comparisons, equality with null, in, if, coalesce, lists.

#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "dojang/engine/expression.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using namespace test_ir;

// A bool slot per truth value: 0 true, 1 false, 2 null.
Value as_value(Truth t) {
  return t == Truth::Null ? Value{} : Value{t == Truth::True};
}

struct Kleene {
  Truth a, b, expected;
};

class KleeneAnd : public ::testing::TestWithParam<Kleene> {};
class KleeneOr : public ::testing::TestWithParam<Kleene> {};

TEST_P(KleeneAnd, TruthTable) {
  const Kleene k = GetParam();
  Scene s;
  s.slots = {as_value(k.a), as_value(k.b)};
  const Ir ir = bin(Op::And, slot(0, Type::Bool), slot(1, Type::Bool));
  EXPECT_EQ(s.test(ir), k.expected);
  EXPECT_EQ(s.eval(ir), as_value(k.expected));
  // The same with constants (folded at compile time).
  EXPECT_EQ(
      test(bin(Op::And, constant(as_value(k.a), Type::Bool), constant(as_value(k.b), Type::Bool))),
      k.expected);
}

TEST_P(KleeneOr, TruthTable) {
  const Kleene k = GetParam();
  Scene s;
  s.slots = {as_value(k.a), as_value(k.b)};
  const Ir ir = bin(Op::Or, slot(0, Type::Bool), slot(1, Type::Bool));
  EXPECT_EQ(s.test(ir), k.expected);
  EXPECT_EQ(s.eval(ir), as_value(k.expected));
  EXPECT_EQ(
      test(bin(Op::Or, constant(as_value(k.a), Type::Bool), constant(as_value(k.b), Type::Bool))),
      k.expected);
}

constexpr Truth T = Truth::True;
constexpr Truth F = Truth::False;
constexpr Truth N = Truth::Null;

INSTANTIATE_TEST_SUITE_P(All, KleeneAnd,
                         ::testing::Values(Kleene{T, T, T}, Kleene{T, F, F}, Kleene{T, N, N},
                                           Kleene{F, T, F}, Kleene{F, F, F}, Kleene{F, N, F},
                                           Kleene{N, T, N}, Kleene{N, F, F}, Kleene{N, N, N}));
INSTANTIATE_TEST_SUITE_P(All, KleeneOr,
                         ::testing::Values(Kleene{T, T, T}, Kleene{T, F, T}, Kleene{T, N, T},
                                           Kleene{F, T, T}, Kleene{F, F, F}, Kleene{F, N, N},
                                           Kleene{N, T, T}, Kleene{N, F, N}, Kleene{N, N, N}));

TEST(KleeneNot, TruthTable) {
  Scene s;
  s.slots = {Value{true}, Value{false}, Value{}};
  EXPECT_EQ(s.test(un(Op::Not, slot(0, Type::Bool))), Truth::False);
  EXPECT_EQ(s.test(un(Op::Not, slot(1, Type::Bool))), Truth::True);
  EXPECT_EQ(s.test(un(Op::Not, slot(2, Type::Bool))), Truth::Null);
  EXPECT_EQ(s.eval(un(Op::Not, slot(2, Type::Bool))), Value{});
}

TEST(KleeneAnd, NonBoolOperandCountsAsNull) {
  Scene s;
  s.slots = {Value{1}, Value{true}, Value{false}};
  EXPECT_EQ(s.test(bin(Op::And, slot(0, Type::Bool), slot(1, Type::Bool))), Truth::Null);
  EXPECT_EQ(s.test(bin(Op::And, slot(0, Type::Bool), slot(2, Type::Bool))), Truth::False);
  EXPECT_EQ(s.test(bin(Op::Or, slot(0, Type::Bool), slot(1, Type::Bool))), Truth::True);
}

struct CompareCase {
  const char* name;
  Op op;
  Value a, b;
  Truth expected;
};

class Comparison : public ::testing::TestWithParam<CompareCase> {};

Type type_of(const Value& v) {
  if (v.as_number()) return Type::Number;
  if (v.as_text()) return Type::Text;
  if (v.as_bool()) return Type::Bool;
  if (v.as_date()) return Type::Date;
  if (v.as_duration()) return Type::Duration;
  if (v.as_list()) return Type::List;
  return Type::Null;
}

TEST_P(Comparison, OnSlotsAndOnConstants) {
  const CompareCase& c = GetParam();
  Scene s;
  s.slots = {c.a, c.b};
  const Type ta = type_of(c.a) == Type::Null ? type_of(c.b) : type_of(c.a);
  const Type tb = type_of(c.b) == Type::Null ? ta : type_of(c.b);
  EXPECT_EQ(s.test(bin(c.op, slot(0, ta), slot(1, tb))), c.expected);
  EXPECT_EQ(s.test(bin(c.op, slot(0, ta), constant(c.b, tb))), c.expected);
  EXPECT_EQ(s.test(bin(c.op, constant(c.a, ta), slot(1, tb))), c.expected);
  EXPECT_EQ(test(bin(c.op, constant(c.a, ta), constant(c.b, tb))), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    All, Comparison,
    ::testing::Values(
        CompareCase{"NumLt", Op::Lt, 1, 2, T}, CompareCase{"NumLtEqual", Op::Lt, 2, 2, F},
        CompareCase{"NumLe", Op::Le, 2, 2, T}, CompareCase{"NumGt", Op::Gt, 3, 2, T},
        CompareCase{"NumGe", Op::Ge, 1.5, 2, F}, CompareCase{"NumEq", Op::Eq, 0.5, 0.5, T},
        CompareCase{"NumNe", Op::Ne, 0.5, 0.25, T}, CompareCase{"NumLtNull", Op::Lt, Value{}, 2, N},
        CompareCase{"NumGeNull", Op::Ge, 2, Value{}, N},
        CompareCase{"NumEqNull", Op::Eq, 2, Value{}, F},
        CompareCase{"NumNeNull", Op::Ne, Value{}, 2, T},
        CompareCase{"NullEqNull", Op::Eq, Value{}, Value{}, T},
        CompareCase{"NullNeNull", Op::Ne, Value{}, Value{}, F},
        CompareCase{"NullLeNull", Op::Le, Value{}, Value{}, N},
        CompareCase{"TextEq", Op::Eq, "process", "process", T},
        CompareCase{"TextEqCase", Op::Eq, "Process", "process", F},
        CompareCase{"TextNe", Op::Ne, "a", "b", T}, CompareCase{"TextLtBytes", Op::Lt, "Z", "a", T},
        CompareCase{"TextLtPrefix", Op::Lt, "ab", "abc", T},
        CompareCase{"TextGtKorean", Op::Gt, "혁신", "abc", T},
        CompareCase{"TextGeEqual", Op::Ge, "가", "가", T},
        CompareCase{"TextEqNull", Op::Eq, "x", Value{}, F},
        CompareCase{"TextLtNull", Op::Lt, Value{}, "x", N},
        CompareCase{"BoolEq", Op::Eq, true, true, T}, CompareCase{"BoolNe", Op::Ne, true, false, T},
        CompareCase{"BoolEqFalse", Op::Eq, false, true, F},
        CompareCase{"BoolHasNoOrder", Op::Lt, false, true, N},
        CompareCase{"DateLe", Op::Le, Value{Date{1}}, Value{Date{2}}, T},
        CompareCase{"DurationGt", Op::Gt, Value{Duration{60}}, Value{Duration{59}}, T},
        CompareCase{"DurationEqNull", Op::Eq, Value{Duration{60}}, Value{}, F}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Equality, NullTestsOnEveryKind) {
  Scene s;
  s.slots = {Value{},        Value{1},           Value{"x"},        Value{true},
             Value{Date{0}}, Value{Duration{0}}, Value{ValueList{}}};
  const Type types[] = {Type::Number, Type::Number,   Type::Text, Type::Bool,
                        Type::Date,   Type::Duration, Type::List};
  for (std::uint32_t i = 0; i < 7; ++i) {
    const Truth is_null = i == 0 ? Truth::True : Truth::False;
    EXPECT_EQ(s.test(bin(Op::Eq, slot(i, types[i]), null_ir())), is_null) << i;
    EXPECT_EQ(s.test(bin(Op::Eq, null_ir(), slot(i, types[i]))), is_null) << i;
    EXPECT_EQ(s.test(bin(Op::Ne, slot(i, types[i]), null_ir())),
              (i == 0 ? Truth::False : Truth::True))
        << i;
  }
}

TEST(Equality, WrongKindSlotEqualsNull) {
  Scene s;
  s.slots = {Value{"seven"}};
  EXPECT_EQ(s.test(bin(Op::Eq, slot(0, Type::Number), null_ir())), Truth::True);
  EXPECT_EQ(s.test(bin(Op::Eq, slot(0, Type::Number), num(7))), Truth::False);
}

TEST(Equality, ListsAndComputedTexts) {
  EXPECT_EQ(test(bin(Op::Eq, list_ir({num(1), text("a")}), list_const({1, "a"}))), Truth::True);
  EXPECT_EQ(test(bin(Op::Ne, list_ir({num(1)}), list_const({1, 2}))), Truth::True);
  Scene s;
  s.slots = {Value{true}};
  const Ir chosen = if_ir(slot(0, Type::Bool), text("yes"), text("no"));
  EXPECT_EQ(s.test(bin(Op::Eq, chosen, text("yes"))), Truth::True);
  EXPECT_EQ(s.test(bin(Op::Ne, text("no"), chosen)), Truth::True);
}

TEST(In, FindsEqualElements) {
  Scene s;
  s.slots = {Value{"process"}, Value{3}, Value{}, Value{ValueList{"a", "process"}}};
  const Ir areas = list_ir({text("customer"), text("process")});
  EXPECT_EQ(s.test(bin(Op::In, slot(0, Type::Text), areas)), Truth::True);
  EXPECT_EQ(s.test(bin(Op::In, text("ripple"), areas)), Truth::False);
  EXPECT_EQ(s.test(bin(Op::In, slot(1, Type::Number), list_ir({num(1), num(3)}))), Truth::True);
  EXPECT_EQ(s.test(bin(Op::In, slot(1, Type::Number), list_ir({num(1), num(2)}))), Truth::False);
  EXPECT_EQ(s.test(bin(Op::In, slot(0, Type::Text), slot(3, Type::List))), Truth::True);
  EXPECT_EQ(s.test(bin(Op::In, slot(0, Type::Text), list_ir({}))), Truth::False);
}

TEST(In, NullOperandsGiveNull) {
  Scene s;
  s.slots = {Value{}, Value{"a"}};
  EXPECT_EQ(s.test(bin(Op::In, slot(0, Type::Text), list_ir({text("a"), null_ir()}))), Truth::Null);
  EXPECT_EQ(s.test(bin(Op::In, slot(1, Type::Text), slot(0, Type::List))), Truth::Null);
  EXPECT_EQ(s.test(bin(Op::In, slot(1, Type::Text), slot(1, Type::List))), Truth::Null);
  EXPECT_EQ(s.eval(bin(Op::In, slot(1, Type::Text), list_ir({null_ir()}))), Value{false});
}

TEST(If, PicksTheBranch) {
  Scene s;
  s.slots = {Value{true}, Value{false}, Value{}, Value{10}, Value{20}};
  const Ir a = slot(3, Type::Number);
  const Ir b = slot(4, Type::Number);
  EXPECT_EQ(s.eval(if_ir(slot(0, Type::Bool), a, b)), Value{10});
  EXPECT_EQ(s.eval(if_ir(slot(1, Type::Bool), a, b)), Value{20});
  EXPECT_EQ(s.eval(if_ir(slot(2, Type::Bool), a, b)), Value{20});  // null condition: else
  EXPECT_EQ(s.eval(if_ir(slot(3, Type::Bool), a, b)), Value{20});  // not a bool: else
  EXPECT_EQ(s.eval(if_ir(slot(0, Type::Bool), text("x"), text("y"))), Value{"x"});
  EXPECT_EQ(s.test(if_ir(slot(1, Type::Bool), boolean(false), boolean(true))), Truth::True);
  EXPECT_EQ(s.eval(if_ir(slot(0, Type::Bool), dur(kDay), dur(kHour))), Value{Duration{kDay}});
}

TEST(If, NullBranchAndOnlyTheChosenBranchIsEvaluated) {
  Scene s;
  s.slots = {Value{true}, Value{8}};
  const Ir maybe =
      call(Op::If, {slot(0, Type::Bool), slot(1, Type::Number), null_ir()}, Type::Number);
  EXPECT_EQ(s.eval(maybe), Value{8});
  EXPECT_EQ(s.eval(bin(Op::Add, maybe, num(1))), Value{9});
  s.slots[0] = Value{false};
  EXPECT_EQ(s.eval(maybe), Value{});
  const Ir guarded = if_ir(bin(Op::Ne, slot(1, Type::Number), num(0)),
                           bin(Op::Div, num(1), slot(1, Type::Number)), num(0));
  s.slots[1] = Value{0};
  EXPECT_EQ(s.eval(guarded), Value{0});
  EXPECT_TRUE(s.notes.empty());
}

TEST(Coalesce, FirstNonNull) {
  Scene s;
  s.slots = {Value{}, Value{5}, Value{7}, Value{"x"}};
  EXPECT_EQ(s.eval(call(Op::Coalesce,
                        {slot(0, Type::Number), slot(1, Type::Number), slot(2, Type::Number)})),
            Value{5});
  EXPECT_EQ(s.eval(call(Op::Coalesce, {slot(0, Type::Number), num(0)})), Value{0});
  EXPECT_EQ(s.eval(call(Op::Coalesce, {slot(0, Type::Number), null_ir()})), Value{});
  EXPECT_EQ(s.eval(call(Op::Coalesce, {slot(0, Type::Text), slot(3, Type::Text)})), Value{"x"});
  EXPECT_EQ(s.eval(call(Op::Coalesce, {slot(3, Type::Number), num(1)})), Value{1});  // wrong kind
  EXPECT_EQ(s.eval(call(Op::Coalesce, {}, Type::Number)), Value{});
  EXPECT_EQ(s.test(bin(Op::Ge, call(Op::Coalesce, {slot(0, Type::Number), num(3)}), num(3))),
            Truth::True);
}

TEST(MakeList, BuildsAListOfTheElementValues) {
  Scene s;
  s.slots = {Value{2}};
  EXPECT_EQ(s.eval(list_ir({num(1), slot(0, Type::Number), null_ir(), text("a")})),
            Value(ValueList{1, 2, Value{}, "a"}));
  EXPECT_EQ(s.eval(list_ir({})), Value(ValueList{}));
}

}  // namespace
}  // namespace dojang::engine
