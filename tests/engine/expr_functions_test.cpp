// Functions: days_between, len, contains, round, abs, min, max, list aggregates.

#include <gtest/gtest.h>

#include <string>

#include "dojang/engine/expression.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using namespace test_ir;

Ir days(Date a, Date b) {
  return call(Op::DaysBetween, {date(a), date(b)});
}

TEST(DaysBetween, WholeDaysForward) {
  EXPECT_EQ(eval(days(ymd(2024, 1, 1), ymd(2024, 1, 15))), Value{14});
  EXPECT_EQ(eval(days(ymd(2024, 1, 1), ymd(2024, 1, 1))), Value{0});
  EXPECT_EQ(eval(days(ymd(2023, 1, 1), ymd(2024, 1, 1))), Value{365});
  EXPECT_EQ(eval(days(ymd(2024, 1, 1), ymd(2025, 1, 1))), Value{366});
}

TEST(DaysBetween, AcrossLeapDays) {
  EXPECT_EQ(eval(days(ymd(2008, 2, 28), ymd(2008, 3, 1))), Value{2});
  EXPECT_EQ(eval(days(ymd(2007, 2, 28), ymd(2007, 3, 1))), Value{1});
  EXPECT_EQ(eval(days(ymd(2000, 2, 28), ymd(2000, 3, 1))), Value{2});  // 2000 is a leap year
  EXPECT_EQ(eval(days(ymd(1900, 2, 28), ymd(1900, 3, 1))), Value{1});  // 1900 is not
}

TEST(DaysBetween, NegativeWhenBackwards) {
  EXPECT_EQ(eval(days(ymd(2008, 3, 1), ymd(2008, 2, 28))), Value{-2});
  EXPECT_EQ(eval(days(ymd(2024, 1, 15), ymd(2024, 1, 1))), Value{-14});
}

TEST(DaysBetween, PartialDaysRoundDown) {
  EXPECT_EQ(eval(days(ymd(2024, 1, 1), ymd(2024, 1, 2, 23, 59))), Value{1});
  EXPECT_EQ(eval(days(ymd(2024, 1, 1, 12), ymd(2024, 1, 2))), Value{0});
  EXPECT_EQ(eval(days(ymd(2024, 1, 2), ymd(2024, 1, 1, 12))), Value{-1});  // floor of -0.5
}

TEST(DaysBetween, FromNowAndNull) {
  Scene s;
  s.now = ymd(2024, 3, 15, 9, 30);
  s.slots = {Value{ymd(2024, 3, 1)}, Value{}};
  EXPECT_EQ(s.eval(call(Op::DaysBetween, {slot(0, Type::Date), call(Op::Now, {})})), Value{14});
  EXPECT_EQ(s.eval(call(Op::DaysBetween, {slot(1, Type::Date), call(Op::Now, {})})), Value{});
  EXPECT_EQ(s.eval(call(Op::DaysBetween, {slot(0, Type::Date), slot(1, Type::Date)})), Value{});
}

TEST(Len, CountsCodePoints) {
  EXPECT_EQ(eval(un(Op::Len, text("혁신과제"))), Value{4});
  EXPECT_EQ(eval(un(Op::Len, text("abc"))), Value{3});
  EXPECT_EQ(eval(un(Op::Len, text(""))), Value{0});
  EXPECT_EQ(eval(un(Op::Len, text("시·도 심사"))), Value{6});
  EXPECT_EQ(eval(un(Op::Len, text("😀x"))), Value{2});
}

TEST(Len, OfListsAndNull) {
  Scene s;
  s.slots = {Value{ValueList{1, 2, Value{}}}, Value{}, Value{5}};
  EXPECT_EQ(s.eval(un(Op::Len, slot(0, Type::List))), Value{3});
  EXPECT_EQ(s.eval(un(Op::Len, list_ir({num(1)}))), Value{1});
  EXPECT_EQ(s.eval(un(Op::Len, slot(1, Type::Text))), Value{});
  EXPECT_EQ(s.eval(un(Op::Len, slot(2, Type::Text))), Value{});  // a number in a text slot
}

TEST(Contains, Substrings) {
  EXPECT_EQ(test(bin(Op::Contains, text("혁신과제 선정"), text("과제"))), Truth::True);
  EXPECT_EQ(test(bin(Op::Contains, text("abc"), text("abd"))), Truth::False);
  EXPECT_EQ(test(bin(Op::Contains, text("abc"), text(""))), Truth::True);
  EXPECT_EQ(test(bin(Op::Contains, text("abc"), null_ir(Type::Text))), Truth::Null);
  EXPECT_EQ(test(bin(Op::Contains, null_ir(Type::Text), text("a"))), Truth::Null);
}

TEST(Contains, ListMembers) {
  Scene s;
  s.slots = {Value{ValueList{"a", "b"}}};
  EXPECT_EQ(s.test(bin(Op::Contains, slot(0, Type::List), text("b"))), Truth::True);
  EXPECT_EQ(s.test(bin(Op::Contains, slot(0, Type::List), text("c"))), Truth::False);
  EXPECT_EQ(s.test(bin(Op::Contains, list_ir({num(1), num(2)}), num(2))), Truth::True);
  EXPECT_EQ(s.test(bin(Op::Contains, slot(0, Type::List), null_ir())), Truth::Null);
  EXPECT_EQ(s.test(bin(Op::Contains, slot(1, Type::List), text("a"))), Truth::Null);
}

Ir round_ir(double x, double digits) {
  return call(Op::Round, {num(x), num(digits)});
}

TEST(Round, HalfAwayFromZero) {
  EXPECT_EQ(eval(round_ir(2.5, 0)), Value{3});
  EXPECT_EQ(eval(round_ir(-2.5, 0)), Value{-3});
  EXPECT_EQ(eval(round_ir(0.5, 0)), Value{1});
  EXPECT_EQ(eval(round_ir(-0.5, 0)), Value{-1});
  EXPECT_EQ(eval(round_ir(2.4999, 0)), Value{2});
  EXPECT_EQ(eval(round_ir(3.14159, 2)), Value{3.14});
  EXPECT_EQ(eval(round_ir(-3.14159, 3)), Value{-3.142});
  EXPECT_EQ(eval(round_ir(9.995, 2)), Value{10});
  EXPECT_EQ(eval(round_ir(0.004, 2)), Value{0});
  EXPECT_EQ(eval(round_ir(-0.004, 2)), Value{0});
}

TEST(Round, RoundsTheDecimalAsWritten) {
  // Documented behaviour: rounding works on the shortest decimal form of the number, so
  // 1.005 (stored as 1.00499999999999989...) rounds to 1.01 as a person expects, not to 1.
  EXPECT_EQ(eval(round_ir(1.005, 2)), Value{1.01});
  EXPECT_EQ(eval(round_ir(2.675, 2)), Value{2.68});
  EXPECT_EQ(eval(round_ir(1.0049999, 2)), Value{1});
  // A weighted score: 0.1 + 0.2 is 0.30000000000000004.
  EXPECT_EQ(eval(call(Op::Round, {bin(Op::Add, num(0.1), num(0.2)), num(2)})), Value{0.3});
}

TEST(Round, DigitsAreClampedAndTruncated) {
  EXPECT_EQ(eval(round_ir(2.567, -3)), Value{3});
  EXPECT_EQ(eval(round_ir(2.567, 1.9)), Value{2.6});
  EXPECT_EQ(eval(round_ir(0.1234567891234, 40)), Value{0.123456789});
  EXPECT_EQ(eval(round_ir(123456789012.5, 0)), Value{123456789013.0});
  EXPECT_EQ(eval(round_ir(1e300, 2)), Value{1e300});
}

TEST(Round, NullArguments) {
  EXPECT_EQ(eval(call(Op::Round, {null_ir(Type::Number), num(2)})), Value{});
  EXPECT_EQ(eval(call(Op::Round, {num(2.5), null_ir(Type::Number)})), Value{});
}

TEST(Abs, NumbersAndDurations) {
  EXPECT_EQ(eval(un(Op::Abs, num(-2.5))), Value{2.5});
  EXPECT_EQ(eval(un(Op::Abs, num(4))), Value{4});
  EXPECT_EQ(eval(un(Op::Abs, dur(-kDay))), Value{Duration{kDay}});
  EXPECT_EQ(eval(un(Op::Abs, null_ir(Type::Number))), Value{});
}

TEST(MinMax, OverNumbersIgnoringNulls) {
  Scene s;
  s.slots = {Value{}, Value{7}, Value{-2}, Value{"x"}};
  const Ir args_min =
      call(Op::Min, {slot(0, Type::Number), slot(1, Type::Number), slot(2, Type::Number)});
  const Ir args_max =
      call(Op::Max, {slot(0, Type::Number), slot(1, Type::Number), slot(2, Type::Number)});
  EXPECT_EQ(s.eval(args_min), Value{-2});
  EXPECT_EQ(s.eval(args_max), Value{7});
  EXPECT_EQ(s.eval(call(Op::Min, {slot(0, Type::Number), slot(3, Type::Number)})), Value{});
  EXPECT_EQ(s.eval(call(Op::Max, {slot(0, Type::Number), null_ir(), num(3)})), Value{3});
  EXPECT_EQ(s.eval(call(Op::Max, {}, Type::Number)), Value{});
}

TEST(MinMax, OverDatesTextsAndDurations) {
  EXPECT_EQ(eval(call(Op::Min, {date(ymd(2024, 5, 1)), date(ymd(2024, 4, 1))})),
            Value{ymd(2024, 4, 1)});
  EXPECT_EQ(eval(call(Op::Max, {text("apple"), text("pear"), null_ir()})), Value{"pear"});
  EXPECT_EQ(eval(call(Op::Min, {dur(kHour), dur(kMinute)})), Value{Duration{kMinute}});
}

Ir list_of(Op op, Ir list) {
  return call(op, {std::move(list)});
}

TEST(ListAggregates, OverNumbersIgnoringNulls) {
  Scene s;
  s.slots = {Value{ValueList{10, Value{}, 20, 60}}};
  const Ir l = slot(0, Type::List);
  EXPECT_EQ(s.eval(list_of(Op::ListSum, l)), Value{90});
  EXPECT_EQ(s.eval(list_of(Op::ListAvg, l)), Value{30});
  EXPECT_EQ(s.eval(list_of(Op::ListMin, l)), Value{10});
  EXPECT_EQ(s.eval(list_of(Op::ListMax, l)), Value{60});
  EXPECT_EQ(s.eval(list_of(Op::ListCount, l)), Value{3});
}

TEST(ListAggregates, EmptyList) {
  const Ir l = list_ir({});
  EXPECT_EQ(eval(list_of(Op::ListSum, l)), Value{0});
  EXPECT_EQ(eval(list_of(Op::ListCount, l)), Value{0});
  EXPECT_EQ(eval(list_of(Op::ListAvg, l)), Value{});
  EXPECT_EQ(eval(list_of(Op::ListMin, l)), Value{});
  EXPECT_EQ(eval(list_of(Op::ListMax, l)), Value{});
}

TEST(ListAggregates, AllNullElementsAreLikeEmpty) {
  const Ir l = list_ir({null_ir(), null_ir()});
  EXPECT_EQ(eval(list_of(Op::ListSum, l)), Value{0});
  EXPECT_EQ(eval(list_of(Op::ListCount, l)), Value{0});
  EXPECT_EQ(eval(list_of(Op::ListAvg, l)), Value{});
  EXPECT_EQ(eval(list_of(Op::ListMax, l)), Value{});
}

TEST(ListAggregates, NullOrWrongKindListIsNull) {
  Scene s;
  s.slots = {Value{}, Value{12}};
  for (const Op op : {Op::ListSum, Op::ListAvg, Op::ListMin, Op::ListMax, Op::ListCount}) {
    EXPECT_EQ(s.eval(list_of(op, slot(0, Type::List))), Value{}) << static_cast<int>(op);
    EXPECT_EQ(s.eval(list_of(op, slot(1, Type::List))), Value{}) << static_cast<int>(op);
  }
}

TEST(ListAggregates, MixedKindsCountOnlyTheRightKind) {
  Scene s;
  s.slots = {Value{ValueList{"a", 5, true, 1}}};
  EXPECT_EQ(s.eval(list_of(Op::ListSum, slot(0, Type::List))), Value{6});
  EXPECT_EQ(s.eval(list_of(Op::ListMin, slot(0, Type::List))), Value{1});
  EXPECT_EQ(s.eval(list_of(Op::ListCount, slot(0, Type::List))), Value{4});
  EXPECT_EQ(s.eval(call(Op::ListMax, {slot(0, Type::List)}, Type::Text)), Value{"a"});
}

TEST(ListAggregates, MinMaxOfDates) {
  const Ir l = list_ir({date(ymd(2024, 3, 1)), date(ymd(2023, 3, 1)), null_ir()});
  EXPECT_EQ(eval(call(Op::ListMin, {l}, Type::Date)), Value{ymd(2023, 3, 1)});
  EXPECT_EQ(eval(call(Op::ListMax, {l}, Type::Date)), Value{ymd(2024, 3, 1)});
}

}  // namespace
}  // namespace dojang::engine
