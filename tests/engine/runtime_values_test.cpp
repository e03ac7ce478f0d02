// Values: what people type, the changes and notes of the history, notification text, derived
// values and decision tables.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2024, 4, 1, 2);
const Principal kClerk = person("kim", {"clerk"});
const Principal kBoss = person("park", {"boss"});

TEST(RuntimeValues, StartParsesEachTypeAndRecordsTheChanges) {
  Item item(purchase());
  const Step step = item.must(start_request(values({{"title", "  복사기 토너 "},
                                                    {"amount", "1,234,567.5"},
                                                    {"urgent", "예"},
                                                    {"due", "2024-06-30"},
                                                    {"kind", "goods"},
                                                    {"rating", " 4.5 "}})),
                              kClerk, kNow);
  EXPECT_EQ(item.slot("title"), Value{"  복사기 토너 "});  // text is kept as typed
  EXPECT_EQ(item.slot("amount"), won("1234567.5"));
  EXPECT_EQ(item.slot("urgent"), Value{true});
  EXPECT_EQ(item.slot("due"), Value{ymd(2024, 6, 30)});
  EXPECT_EQ(item.slot("kind"), Value{"goods"});
  EXPECT_EQ(item.slot("rating"), Value{4.5});
  EXPECT_EQ(item.slot("memo"), Value{});
  EXPECT_EQ(item.slot("doubled"), won(2469135));
  std::vector<std::string> changed;
  for (auto const& [name, value] : step.event.changes) changed.push_back(name);
  EXPECT_EQ(changed,
            (std::vector<std::string>{"title", "amount", "urgent", "due", "kind", "rating"}));
  EXPECT_EQ(step.instance.revision, 1);
  EXPECT_EQ(step.event.seq, 1);
  EXPECT_EQ(step.event.kind, "start");
  EXPECT_EQ(step.event.to, "draft");
  // A draft waits for its drafter by name, not for every clerk.
  EXPECT_EQ(step.waiting_roles, std::vector<std::string>{"user:kim"});
  EXPECT_EQ(step.instance.created_at, kNow);
  EXPECT_EQ(step.instance.updated_at, kNow);
}

TEST(RuntimeValues, BooleansAndEmptyValues) {
  Item item(purchase());
  item.must(start_request(values({{"title", "t"}, {"urgent", "true"}})), kClerk, kNow);
  item.must(act("edit", values({{"urgent", "아니오"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("urgent"), Value{false});
  // An empty value clears the field, and the history records the null.
  const Step step = item.must(act("edit", values({{"title", " "}})), kClerk, kNow);
  EXPECT_EQ(item.slot("title"), Value{});
  ASSERT_EQ(step.event.changes.size(), 1u);
  EXPECT_EQ(step.event.changes[0], (std::pair<std::string, Value>{"title", Value{}}));
  expect_refused(item.apply(act("edit", values({{"amount", "1e999"}})), kClerk, kNow),
                 Refusal::Code::BadValue);
  expect_refused(item.apply(act("edit", values({{"amount", "nan"}})), kClerk, kNow),
                 Refusal::Code::BadValue);
  expect_refused(item.apply(act("edit", values({{"due", "2023-02-29"}})), kClerk, kNow),
                 Refusal::Code::BadValue);
  EXPECT_TRUE(item.apply(act("edit", values({{"due", "2024-02-29"}})), kClerk, kNow));
}

TEST(RuntimeValues, NotificationsFillInValuesPlainly) {
  Item item(purchase());
  item.must(start_request(values({{"title", "복사기"}, {"amount", "1,500.50"}})), kClerk, kNow);
  const Step step = item.must(act("submit"), kClerk, kNow);
  ASSERT_EQ(step.notifications.size(), 1u);
  EXPECT_EQ(step.notifications[0].role, "boss");
  EXPECT_EQ(step.notifications[0].message, "'복사기' 결재 요청: 1,500.5원, 납기 -");
  const PendingTimer t = item.instance().timers.at(0);
  const Step late = item.must(fire(t), person("system"), t.due);
  EXPECT_EQ(late.notifications.at(0).message, "'복사기' 결재가 밀려 있습니다 (3,001원)");
}

TEST(RuntimeValues, DivisionByZeroIsANoteInTheHistory) {
  Item item(purchase());
  const Step step =
      item.must(start_request(values({{"amount", "10"}, {"rating", "0"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("per_point"), Value{});
  ASSERT_EQ(step.event.notes.size(), 1u);
  EXPECT_NE(step.event.notes[0].find("division by zero"), std::string::npos);
  const Step fine = item.must(act("edit", values({{"rating", "4"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("per_point"), won("2.5"));
  EXPECT_TRUE(fine.event.notes.empty());
}

constexpr const char* kTables = R"flow(
workflow tables "표" {
  roles { clerk "담당" }
  fields {
    score "점수" number
    tags  "분류" text
  }
  table labels "표시" hit collect {
    given score
    yields label text
    row >= 50 -> "half"
    row >= 90 -> "top"
    row - -> "any"
  }
  table grade "등급" hit first {
    given score
    yields mark text
    row >= 80 -> "A"
    row >= 60 -> "B"
    row < 60 -> "C"
  }
  start a
  state a "가" {
    on set by clerk sets score
    on done by clerk -> fin
  }
  final fin "끝"
}
)flow";

TEST(RuntimeValues, CollectTablesHoldAListOfEveryMatch) {
  const auto def = compile_flow("tables.flow", kTables);
  ASSERT_TRUE(def);
  Item item(def);
  item.must(start_request(values({{"score", "95"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("labels.label"), Value(ValueList{"half", "top", "any"}));
  EXPECT_EQ(item.slot("grade.mark"), Value{"A"});  // hit first
  const Step step = item.must(act("set", values({{"score", "10"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("labels.label"), Value(ValueList{"any"}));
  EXPECT_EQ(item.slot("grade.mark"), Value{"C"});
  EXPECT_TRUE(step.event.notes.empty());
  item.must(act("set", values({{"score", ""}})), kClerk, kNow);
  EXPECT_EQ(item.slot("labels.label"), Value(ValueList{"any"}));
  EXPECT_EQ(item.slot("grade.mark"), Value{});  // no row holds for a null score
}

TEST(RuntimeValues, AUniqueTableWithSeveralMatchesUsesTheFirstAndSaysSo) {
  // The checker proves constant rows apart; rows it cannot see through may still overlap.
  auto def = std::make_shared<Definition>(*compile_flow("tables.flow", kTables));
  def->tables.at(1).hit = HitPolicy::Unique;
  Item item(def);
  const Step step = item.must(start_request(values({{"score", "85"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("grade.mark"), Value{"A"});
  ASSERT_EQ(step.event.notes.size(), 1u);
  EXPECT_NE(step.event.notes[0].find("rows 1, 2 all match"), std::string::npos)
      << step.event.notes[0];
}

TEST(RuntimeValues, RecomputeFitsTheSlotsToTheDefinition) {
  const auto def = purchase();
  Instance in;
  in.slots = {Value{"t"}, Value{21}};
  std::vector<EvalNote> notes;
  recompute(*def, in, kNow, &notes);
  ASSERT_EQ(in.slots.size(), def->slot_count);
  // A number in the money field (as an old store holds it) counts as money.
  EXPECT_EQ(in.slots[def->lets[0].slot], won(42));
  in.slots.resize(1);
  recompute(*def, in, kNow, nullptr);
  EXPECT_EQ(in.slots.size(), def->slot_count);
  EXPECT_EQ(in.slots[def->lets[0].slot], Value{});
}

TEST(RuntimeValues, WaitingRolesAreSortedAndUnique) {
  Item item(load_workflow("innovation_task.flow"));
  const Principal p = person("kim", {"proposer"});
  const Step step =
      item.must(start_request(values({{"title", "t"}, {"area", "customer"}, {"kpi", "k"}})), p,
                ymd(2024, 1, 2));
  EXPECT_EQ(step.waiting_roles, std::vector<std::string>{"user:kim"});  // the drafter's draft
  Instance in = item.instance();
  in.state = item.def().state_index("ministry_consulting");
  const Outcome o =
      apply(item.def(), in, act("revise", {}, "보완"), person("m", {"ministry"}), ymd(2024, 1, 2));
  ASSERT_TRUE(o);
  EXPECT_EQ(o->waiting_roles, std::vector<std::string>{"user:kim"});  // returned to its drafter
  in.state = item.def().state_index("office_check");  // a step of the office's, by role
  const Outcome forwarded =
      apply(item.def(), in, act("forward", {}, "ok"), person("o", {"office"}), ymd(2024, 1, 2));
  ASSERT_TRUE(forwarded) << forwarded.error().message;
  EXPECT_EQ(forwarded->waiting_roles, std::vector<std::string>{"city"});
}

}  // namespace
}  // namespace dojang::engine::test_rt
