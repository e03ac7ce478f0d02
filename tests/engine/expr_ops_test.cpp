// Every operator once, on one scene, as a table: the value, test() agreeing with it, and the
// reference interpreter agreeing with both.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dojang/engine/expression.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using namespace test_ir;

// Slots: 0 score 12, 1 area "process", 2 urgent true, 3 submitted 2024-03-01, 4 period 14d,
// 5 grades [3, null, 9], 6 nothing (null), 7 title "혁신과제".
Scene scene() {
  Scene s;
  s.now = ymd(2024, 3, 15, 9, 30);
  s.slots = {Value{12},
             Value{"process"},
             Value{true},
             Value{ymd(2024, 3, 1)},
             Value{Duration{14 * kDay}},
             Value(ValueList{3, Value{}, 9}),
             Value{},
             Value{"혁신과제"}};
  s.inputs = {Value{85}};
  s.reviews = {review_record(0, "kim", {Value{30}}, Value{true}),
               review_record(1, "lee", {Value{99}}, Value{true}),
               review_record(0, "park", {Value{20}}, Value{false})};
  return s;
}

const Ir kScore = slot(0, Type::Number);
const Ir kArea = slot(1, Type::Text);
const Ir kUrgent = slot(2, Type::Bool);
const Ir kSubmitted = slot(3, Type::Date);
const Ir kPeriod = slot(4, Type::Duration);
const Ir kGrades = slot(5, Type::List);
const Ir kNothing = slot(6, Type::Number);
const Ir kTitle = slot(7, Type::Text);
const Ir kNow = call(Op::Now, {});

struct OpCase {
  const char* name;
  Ir ir;
  Value expected;
};

class EveryOp : public ::testing::TestWithParam<OpCase> {};

TEST_P(EveryOp, EvaluatesAsDocumented) {
  const OpCase& c = GetParam();
  Scene s = scene();
  const Expression e = Expression::compile(c.ir);
  const Value got = e.evaluate(s.env());
  EXPECT_EQ(got, c.expected);
  const Truth want = got.as_bool() ? (*got.as_bool() ? Truth::True : Truth::False) : Truth::Null;
  EXPECT_EQ(e.test(s.env()), want);
  std::vector<std::string> notes;
  EXPECT_EQ(to_string(reference_eval(c.ir, s.env(), notes)), to_string(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Table, EveryOp,
    ::testing::Values(
        OpCase{"Const", num(4.5), Value{4.5}}, OpCase{"Slot", kArea, Value{"process"}},
        OpCase{"TableInput", input(0, Type::Number), Value{85}},
        OpCase{"NegNumber", un(Op::Neg, kScore), Value{-12}},
        OpCase{"NegDuration", un(Op::Neg, kPeriod), Value{Duration{-14 * kDay}}},
        OpCase{"Not", un(Op::Not, kUrgent), Value{false}},
        OpCase{"AddNumbers", bin(Op::Add, kScore, num(0.5)), Value{12.5}},
        OpCase{"AddDateDuration", bin(Op::Add, kSubmitted, kPeriod), Value{ymd(2024, 3, 15)}},
        OpCase{"SubDates", bin(Op::Sub, kNow, kSubmitted),
               Value{Duration{14 * kDay + 9 * kHour + 30 * kMinute}}},
        OpCase{"MulNumbers", bin(Op::Mul, kScore, num(0.25)), Value{3}},
        OpCase{"MulDuration", bin(Op::Mul, kPeriod, num(0.5)), Value{Duration{7 * kDay}}},
        OpCase{"DivNumbers", bin(Op::Div, kScore, num(8)), Value{1.5}},
        OpCase{"DivDuration", bin(Op::Div, kPeriod, num(7)), Value{Duration{2 * kDay}}},
        OpCase{"Eq", bin(Op::Eq, kArea, text("process")), Value{true}},
        OpCase{"Ne", bin(Op::Ne, kScore, num(12)), Value{false}},
        OpCase{"Lt", bin(Op::Lt, kSubmitted, kNow), Value{true}},
        OpCase{"Le", bin(Op::Le, kScore, num(12)), Value{true}},
        OpCase{"Gt", bin(Op::Gt, kPeriod, dur(15 * kDay)), Value{false}},
        OpCase{"Ge", bin(Op::Ge, kTitle, text("혁신")), Value{true}},
        OpCase{"EqNull", bin(Op::Eq, kNothing, null_ir()), Value{true}},
        OpCase{"And", bin(Op::And, kUrgent, bin(Op::Gt, kScore, num(10))), Value{true}},
        OpCase{"Or", bin(Op::Or, un(Op::Not, kUrgent), bin(Op::Gt, kNothing, num(10))), Value{}},
        OpCase{"In", bin(Op::In, num(9), kGrades), Value{true}},
        OpCase{"If", if_ir(kUrgent, text("fast"), text("slow")), Value{"fast"}},
        OpCase{"MakeList", list_ir({kScore, kArea}), Value(ValueList{12, "process"})},
        OpCase{"Now", kNow, Value{ymd(2024, 3, 15, 9, 30)}},
        OpCase{"DaysBetween", call(Op::DaysBetween, {kSubmitted, kNow}), Value{14}},
        OpCase{"LenText", un(Op::Len, kTitle), Value{4}},
        OpCase{"LenList", un(Op::Len, kGrades), Value{3}},
        OpCase{"ContainsText", bin(Op::Contains, kArea, text("cess")), Value{true}},
        OpCase{"ContainsList", bin(Op::Contains, kGrades, num(4)), Value{false}},
        OpCase{"Coalesce", call(Op::Coalesce, {kNothing, kScore}), Value{12}},
        OpCase{"Round", call(Op::Round, {bin(Op::Div, kScore, num(7)), num(2)}), Value{1.71}},
        OpCase{"Abs", un(Op::Abs, bin(Op::Sub, num(3), kScore)), Value{9}},
        OpCase{"Min", call(Op::Min, {kScore, kNothing, num(5)}), Value{5}},
        OpCase{"Max", call(Op::Max, {kScore, kNothing, num(5)}), Value{12}},
        OpCase{"ListSum", un(Op::ListSum, kGrades), Value{12}},
        OpCase{"ListAvg", un(Op::ListAvg, kGrades), Value{6}},
        OpCase{"ListMin", un(Op::ListMin, kGrades), Value{3}},
        OpCase{"ListMax", un(Op::ListMax, kGrades), Value{9}},
        OpCase{"ListCount", un(Op::ListCount, kGrades), Value{2}},
        OpCase{"ReviewSum", review(Op::ReviewSum, 0, 0), Value{50}},
        OpCase{"ReviewAvg", review(Op::ReviewAvg, 0, 0), Value{25}},
        OpCase{"ReviewMin", review(Op::ReviewMin, 0, 0), Value{20}},
        OpCase{"ReviewMax", review(Op::ReviewMax, 0, 0), Value{30}},
        OpCase{"ReviewCount", review(Op::ReviewCount, 0), Value{2}},
        OpCase{"Approvals", review(Op::Approvals, 0), Value{1}},
        OpCase{"ApproveKofN", approve_k_of_n(0, 1, 2), Value{true}},
        OpCase{"ApproveAll", approve_all(0, 2), Value{false}},
        OpCase{"ApproveAny", review(Op::ApproveAny, 1), Value{true}},
        OpCase{"WeightedTotal",
               bin(Op::Add, bin(Op::Mul, kScore, num(0.5)),
                   bin(Op::Mul, input(0, Type::Number), num(0.1))),
               Value{14.5}},
        OpCase{"GuardOnTotal",
               bin(Op::And, bin(Op::Ge, bin(Op::Add, kScore, num(50)), num(60)),
                   bin(Op::Eq, kArea, text("process"))),
               Value{true}}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

void expect_agreement(const Ir& ir, Scene& s) {
  std::vector<std::string> expected_notes;
  const Value expected = reference_eval(ir, s.env(), expected_notes);
  s.notes.clear();
  const Value got = s.eval(ir);
  EXPECT_EQ(to_string(got), to_string(expected));
  EXPECT_EQ(got.storage().index(), expected.storage().index());
  ASSERT_EQ(s.notes.size(), expected_notes.size());
  for (std::size_t i = 0; i < expected_notes.size(); ++i) {
    EXPECT_EQ(s.notes[i].message, expected_notes[i]);
  }
}

TEST(ReferenceInterpreter, AgreesOnTheScoringGuard) {
  const double w[] = {0.25, 0.25, 0.2, 0.15, 0.15};
  Ir total = bin(Op::Mul, slot(0, Type::Number), num(w[0]));
  for (std::uint32_t i = 1; i < 5; ++i) {
    total = bin(Op::Add, total, bin(Op::Mul, slot(i, Type::Number), num(w[i])));
  }
  const Ir guard =
      bin(Op::And, bin(Op::Ge, total, num(60)), bin(Op::Eq, slot(5, Type::Text), text("process")));
  Scene s;
  s.slots = {Value{80.1}, Value{70.3}, Value{59.9}, Value{50.7}, Value{40.05}, Value{"process"}};
  expect_agreement(total, s);
  expect_agreement(guard, s);
  s.slots[3] = Value{};
  expect_agreement(guard, s);
}

TEST(ReferenceInterpreter, AgreesOnRoundingAwkwardDecimals) {
  for (const double x : {1.005, 2.675, 0.285, 1.255, -8.345, 1234.5678, 0.0049999, 99.995}) {
    for (int d = 0; d <= 3; ++d) {
      Scene s;
      expect_agreement(call(Op::Round, {num(x), num(d)}), s);
    }
  }
}

TEST(ReferenceInterpreter, AgreesOnDivisionNotes) {
  Scene s;
  s.slots = {Value{7}, Value{0}};
  expect_agreement(bin(Op::Add, bin(Op::Div, slot(0, Type::Number), slot(1, Type::Number)),
                       bin(Op::Div, dur(kDay), slot(1, Type::Number), Type::Number)),
                   s);
}

}  // namespace
}  // namespace dojang::engine
