#include "dojang/engine/value.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using test_ir::kDay;
using test_ir::kHour;
using test_ir::kMinute;
using test_ir::ymd;

TEST(ValueToString, NullAndBools) {
  EXPECT_EQ(to_string(Value{}), "null");
  EXPECT_EQ(to_string(Value{true}), "true");
  EXPECT_EQ(to_string(Value{false}), "false");
}

TEST(ValueToString, NumbersHaveNoTrailingZeros) {
  EXPECT_EQ(to_string(Value{12}), "12");
  EXPECT_EQ(to_string(Value{12.0}), "12");
  EXPECT_EQ(to_string(Value{12.5}), "12.5");
  EXPECT_EQ(to_string(Value{0.25}), "0.25");
  EXPECT_EQ(to_string(Value{-3.75}), "-3.75");
  EXPECT_EQ(to_string(Value{0}), "0");
  EXPECT_EQ(to_string(Value{-0.0}), "0");
  EXPECT_EQ(to_string(Value{1000000}), "1000000");
  EXPECT_EQ(to_string(Value{25000000.5}), "25000000.5");
  EXPECT_EQ(to_string(Value{0.000125}), "0.000125");
}

TEST(ValueToString, ExtremeNumbersUseExponents) {
  EXPECT_EQ(to_string(Value{1e21}), "1e+21");
  EXPECT_EQ(to_string(Value{1.5e-7}), "1.5e-07");
  EXPECT_EQ(to_string(Value{1e20}), "100000000000000000000");
}

TEST(ValueToString, NumbersUseTheShortestRoundTrip) {
  EXPECT_EQ(to_string(Value{0.1}), "0.1");
  EXPECT_EQ(to_string(Value{0.1 + 0.2}), "0.30000000000000004");
  EXPECT_EQ(to_string(Value{1.0 / 3.0}), "0.3333333333333333");
}

TEST(ValueToString, TextIsQuotedAndEscaped) {
  EXPECT_EQ(to_string(Value{"process"}), "\"process\"");
  EXPECT_EQ(to_string(Value{"say \"hi\""}), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(to_string(Value{"a\\b"}), "\"a\\\\b\"");
  EXPECT_EQ(to_string(Value{""}), "\"\"");
  EXPECT_EQ(to_string(Value{"혁신과제"}), "\"혁신과제\"");
}

TEST(ValueToString, DatesAtMidnightShowOnlyTheDay) {
  EXPECT_EQ(to_string(Value{ymd(2007, 2, 28)}), "2007-02-28");
  EXPECT_EQ(to_string(Value{Date{0}}), "1970-01-01");
  EXPECT_EQ(to_string(Value{ymd(2008, 2, 29)}), "2008-02-29");
  EXPECT_EQ(to_string(Value{ymd(1969, 12, 31)}), "1969-12-31");
}

TEST(ValueToString, DatesWithATimeShowIt) {
  EXPECT_EQ(to_string(Value{ymd(2024, 3, 15, 9, 30)}), "2024-03-15T09:30:00Z");
  EXPECT_EQ(to_string(Value{ymd(2024, 12, 31, 23, 59, 59)}), "2024-12-31T23:59:59Z");
  EXPECT_EQ(to_string(Value{Date{-1}}), "1969-12-31T23:59:59Z");
}

TEST(ValueToString, DurationsUseTheLargestExactUnit) {
  EXPECT_EQ(to_string(Value{Duration{14 * kDay}}), "14d");
  EXPECT_EQ(to_string(Value{Duration{3 * kHour}}), "3h");
  EXPECT_EQ(to_string(Value{Duration{90 * kMinute}}), "90m");
  EXPECT_EQ(to_string(Value{Duration{45}}), "45s");
  EXPECT_EQ(to_string(Value{Duration{0}}), "0s");
  EXPECT_EQ(to_string(Value{Duration{25 * kHour}}), "25h");
  EXPECT_EQ(to_string(Value{Duration{-2 * kDay}}), "-2d");
  EXPECT_EQ(to_string(Value{Duration{kDay + 1}}), "86401s");
}

TEST(ValueToString, Lists) {
  EXPECT_EQ(to_string(Value(ValueList{1, 2})), "[1, 2]");
  EXPECT_EQ(to_string(Value(ValueList{})), "[]");
  EXPECT_EQ(to_string(Value{ValueList{Value{"a"}, Value{}, Value(ValueList{true})}}),
            "[\"a\", null, [true]]");
}

TEST(ValueEquality, SameKindSameContent) {
  EXPECT_EQ(Value{}, Value{});
  EXPECT_EQ(Value{1.5}, Value{1.5});
  EXPECT_EQ(Value{3}, Value{3.0});
  EXPECT_EQ(Value{"x"}, Value{std::string("x")});
  EXPECT_EQ(Value{Date{5}}, Value{Date{5}});
  EXPECT_EQ(Value{Duration{5}}, Value{Duration{5}});
  EXPECT_EQ(Value{true}, Value{true});
}

TEST(ValueEquality, DifferentKindsOrContentDiffer) {
  EXPECT_NE(Value{}, Value{0});
  EXPECT_NE(Value{1}, Value{true});
  EXPECT_NE(Value{Date{5}}, Value{Duration{5}});
  EXPECT_NE(Value{"1"}, Value{1});
  EXPECT_NE(Value{1.5}, Value{2.5});
  EXPECT_NE(Value{"a"}, Value{"b"});
  EXPECT_NE(Value{true}, Value{false});
}

TEST(ValueEquality, ListsCompareElementwise) {
  EXPECT_EQ(Value(ValueList{1, "a"}), Value(ValueList{1, "a"}));
  EXPECT_NE(Value(ValueList{1, "a"}), Value(ValueList{1, "b"}));
  EXPECT_NE(Value(ValueList{1}), Value(ValueList{1, 1}));
  EXPECT_EQ(Value(ValueList{}), Value(ValueList{}));
  EXPECT_EQ(Value{ValueList{Value(ValueList{2})}}, Value{ValueList{Value(ValueList{2})}});
  const Value shared{ValueList{1, 2}};
  const Value copy = shared;
  EXPECT_EQ(shared, copy);
}

TEST(ValueEquality, NanIsNotEqualToItself) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(Value{nan}, Value{nan});
}

}  // namespace
}  // namespace dojang::engine
