// `start WORKFLOW with field = expr, ...`: the lowering into ActionDef::starts and the orders
// apply() puts into Step::starts, for an action taken by a person and by a deadline.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

Date days_after(Date d, int days) {
  return Date{d.seconds + days * kDay};
}

const Date kNow = ymd(2007, 3, 5, 1);

constexpr const char* kParent = R"flow(
workflow parent "상위" {
  roles {
    boss "과장"
  }
  fields {
    title  "제목" text required
    amount "금액" money
    due    "기한" date
    memo   "메모" text
  }
  let doubled = amount * 2
  start draft
  state draft "작성" {
    on spin_off by boss -> waiting sets amount, memo start child with name = title, budget = doubled, note = memo, due_on = due start other with flag = amount > 100
    on plain by boss -> waiting
  }
  state waiting "대기" {
    on escalate by boss -> done start child with name = "기한 초과: 자동 시작", budget = amount / (amount - amount)
    deadline 3d -> escalate
  }
  final done "끝"
}
)flow";

struct Starts : ::testing::Test {
  Item item{compile_flow("parent.flow", kParent, Warnings::Refused)};
  Principal boss = person("kim", {"boss"});

  void started() {
    item.must(start_request(values({{"title", "서식 개선"}, {"due", "2007-04-01"}})), boss, kNow);
  }
};

TEST_F(Starts, LoweredIntoTheAction) {
  const Definition& def = item.def();
  const StateDef& draft = def.states.at(def.state_index("draft"));
  const ActionDef& spin_off = draft.actions.at(0);
  ASSERT_EQ(spin_off.starts.size(), 2u);
  EXPECT_EQ(spin_off.starts[0].workflow, "child");
  ASSERT_EQ(spin_off.starts[0].assignments.size(), 4u);
  EXPECT_EQ(spin_off.starts[0].assignments[0].field, "name");
  EXPECT_EQ(spin_off.starts[0].assignments[0].source, "title");
  EXPECT_EQ(spin_off.starts[0].assignments[1].expr.type(), Type::Money);  // doubled: money
  EXPECT_EQ(spin_off.starts[0].assignments[3].expr.type(), Type::Date);
  EXPECT_EQ(spin_off.starts[1].workflow, "other");
  EXPECT_EQ(spin_off.starts[1].assignments.at(0).expr.type(), Type::Bool);
  EXPECT_TRUE(draft.actions.at(1).starts.empty());
}

TEST_F(Starts, AnActionOrdersOneStartPerClauseWithTheValuesAfterTheStep) {
  started();
  const Step step =
      item.must(act("spin_off", values({{"amount", "150"}, {"memo", "먼저 검토"}})), boss, kNow);
  ASSERT_EQ(step.starts.size(), 2u);
  const StartOrder child{"child",
                         {{"name", Value{"서식 개선"}},
                          {"budget", won(300)},  // the let, recomputed with the new amount
                          {"note", Value{"먼저 검토"}},
                          {"due_on", Value{ymd(2007, 4, 1)}}}};
  EXPECT_EQ(step.starts[0], child);
  EXPECT_EQ(step.starts[1], (StartOrder{"other", {{"flag", Value{true}}}}));
}

TEST_F(Starts, NullStaysNull) {
  started();
  const Step step = item.must(act("spin_off"), boss, kNow);
  ASSERT_EQ(step.starts.size(), 2u);
  const StartOrder child{"child",
                         {{"name", Value{"서식 개선"}},
                          {"budget", Value{}},
                          {"note", Value{}},
                          {"due_on", Value{ymd(2007, 4, 1)}}}};
  EXPECT_EQ(step.starts[0], child);
  EXPECT_EQ(step.starts[1], (StartOrder{"other", {{"flag", Value{}}}}));
}

TEST_F(Starts, StepsWithoutTheClauseOrderNothing) {
  started();
  EXPECT_TRUE(item.steps().back().starts.empty());  // the start itself
  EXPECT_TRUE(item.must(act("plain"), boss, kNow).starts.empty());
}

TEST_F(Starts, ARefusedActionOrdersNothing) {
  started();
  expect_no_step(item, act("spin_off", values({{"nope", "x"}})), boss, kNow,
                 Refusal::Code::NotSettable, {"'nope' is not a field"});
  expect_refused(engine::apply(item.def(), item.instance(), act("spin_off"), person("lee"), kNow),
                 Refusal::Code::WrongRole);
}

TEST_F(Starts, ADeadlineThatTakesTheActionOrdersTheStart) {
  started();
  item.must(act("spin_off", values({{"amount", "150"}})), boss, kNow);
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const Step fired =
      item.must(fire(item.instance().timers[0]), person("system"), days_after(kNow, 3));
  EXPECT_EQ(fired.event.kind, "timer");
  EXPECT_EQ(item.state(), "done");
  ASSERT_EQ(fired.starts.size(), 1u);
  // Division by zero gives null and a note in the history, never a crash.
  const StartOrder child{"child", {{"name", Value{"기한 초과: 자동 시작"}}, {"budget", Value{}}}};
  EXPECT_EQ(fired.starts[0], child);
  ASSERT_EQ(fired.event.notes.size(), 1u);
  EXPECT_NE(fired.event.notes[0].find("division by zero"), std::string::npos)
      << fired.event.notes[0];
}

TEST(StartLowering, AFieldGivenTwiceIsAnError) {
  const dsl::SourceFile file("twice.flow", R"flow(
workflow twice "두 번" {
  roles {
    boss "과장"
  }
  fields {
    title "제목" text
  }
  start draft
  state draft "작성" {
    on go by boss -> done start child with name = title, name = "x"
  }
  final done "끝"
}
)flow");
  const dsl::CompileResult result = dsl::compile(file);
  EXPECT_FALSE(result.ok());
  EXPECT_NE(dsl::render_all(file, result.diagnostics)
                .find("twice.flow:11:58: error: 'name' is given twice in 'start child'"),
            std::string::npos)
      << dsl::render_all(file, result.diagnostics);
}

TEST(StartLowering, ADurationCannotBeAFieldValue) {
  const dsl::SourceFile file("duration.flow", R"flow(
workflow duration "기간" {
  roles {
    boss "과장"
  }
  start draft
  state draft "작성" {
    on go by boss -> done start child with wait = 14d
  }
  final done "끝"
}
)flow");
  const dsl::CompileResult result = dsl::compile(file);
  EXPECT_FALSE(result.ok());
  EXPECT_NE(dsl::render_all(file, result.diagnostics)
                .find("error: 'wait' of 'child' cannot take a duration"),
            std::string::npos)
      << dsl::render_all(file, result.diagnostics);
}

}  // namespace
}  // namespace dojang::engine::test_rt
