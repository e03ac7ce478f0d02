// One test per refusal: the code, the words a member of staff needs, and no step.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kMonday = ymd(2024, 3, 4, 1);  // 10:00 in Korea
const Principal kClerk = person("kim", {"clerk"});
const Principal kBoss = person("park", {"boss"});
const Principal kHead = person("choi", {"head"});

// An item of the purchase procedure submitted by kim for `amount`.
Item submitted(const char* amount = "500") {
  Item item(purchase());
  item.must(start_request(values({{"title", "복사기"}, {"amount", amount}})), kClerk, kMonday);
  item.must(act("submit"), kClerk, kMonday);
  return item;
}

TEST(RuntimeRefusal, UnknownActionListsTheActionsOfTheState) {
  Item item = submitted();
  const Outcome out = item.apply(act("fly"), kBoss, kMonday);
  expect_refused(out, Refusal::Code::UnknownAction,
                 {"'fly'", "결재 (approval)", "approve", "expedite", "close"});
  EXPECT_EQ(item.instance().revision, 2);
}

TEST(RuntimeRefusal, WrongRoleNamesTheRoleNeededAndWhoAsked) {
  Item item = submitted();
  expect_refused(item.apply(act("approve"), kClerk, kMonday), Refusal::Code::WrongRole,
                 {"'approve'", "과장 (boss)", "kim", "담당자 (clerk)"});
}

TEST(RuntimeRefusal, GuardFalseShowsTheConditionAndTheValuesItSaw) {
  Item item = submitted("50");
  expect_refused(item.apply(act("expedite"), kBoss, kMonday), Refusal::Code::GuardFalse,
                 {"'urgent and amount > 100'", "urgent = -", "amount = 50", "does not hold"});
}

TEST(RuntimeRefusal, MissingFieldListsTheRequiredFieldsByLabel) {
  Item item(purchase());
  item.must(start_request(values({{"memo", "x"}})), kClerk, kMonday);
  // Leaving the start state needs every required field.
  expect_refused(item.apply(act("submit"), kClerk, kMonday), Refusal::Code::MissingField,
                 {"'제목' (title)", "'금액' (amount)", "'submit'"});
  EXPECT_EQ(item.state(), "draft");
}

TEST(RuntimeRefusal, MissingFieldForRequiresOfTheAction) {
  Item item = submitted("50");
  item.must(act("approve"), kBoss, kMonday);
  expect_refused(item.apply(act("pay"), kClerk, kMonday), Refusal::Code::MissingField,
                 {"'메모' (memo)"});
}

TEST(RuntimeRefusal, MissingCommentWhenTheActionNeedsOne) {
  Item item = submitted();
  expect_refused(item.apply(act("close", {}, "   "), kBoss, kMonday), Refusal::Code::MissingComment,
                 {"'close'", "comment"});
  // A return always needs a comment too.
  expect_refused(item.apply(act("reject"), kBoss, kMonday), Refusal::Code::MissingComment,
                 {"'reject'"});
}

TEST(RuntimeRefusal, BadValueSaysWhatTheFieldNeeds) {
  Item item(purchase());
  item.must(start_request(values({{"title", "t"}})), kClerk, kMonday);
  expect_refused(item.apply(act("edit", values({{"rating", "7"}})), kClerk, kMonday),
                 Refusal::Code::BadValue, {"'평점' needs a number from 0 to 5", "'7' is not"});
  expect_refused(item.apply(act("edit", values({{"amount", "12a"}})), kClerk, kMonday),
                 Refusal::Code::BadValue, {"'금액'", "money", "'12a'"});
  expect_refused(item.apply(act("edit", values({{"kind", "food"}})), kClerk, kMonday),
                 Refusal::Code::BadValue, {"one of goods, service", "'food'"});
  expect_refused(item.apply(act("edit", values({{"due", "2024-02-30"}})), kClerk, kMonday),
                 Refusal::Code::BadValue, {"YYYY-MM-DD"});
  expect_refused(item.apply(act("edit", values({{"urgent", "maybe"}})), kClerk, kMonday),
                 Refusal::Code::BadValue, {"true or false"});
  EXPECT_EQ(item.instance().revision, 1);
}

TEST(RuntimeRefusal, NotSettableNamesTheFieldsTheActionSets) {
  Item item = submitted();
  expect_refused(item.apply(act("rate", values({{"memo", "x"}})), kBoss, kMonday),
                 Refusal::Code::NotSettable, {"'rate' does not set", "'메모'", "rating"});
  expect_refused(item.apply(act("rate", values({{"colour", "red"}})), kBoss, kMonday),
                 Refusal::Code::NotSettable, {"'colour' is not a field"});
}

TEST(RuntimeRefusal, OutsideWindowShowsTheWindowAndToday) {
  Item item = submitted("5000");
  item.must(act("approve"), kBoss, kMonday);
  ASSERT_EQ(item.state(), "large");
  expect_refused(item.apply(act("approve"), kHead, ymd(2024, 6, 10)), Refusal::Code::OutsideWindow,
                 {"'approve'", "11-01 .. 02-28", "06-10", "Korean time"});
}

TEST(RuntimeRefusal, AlreadyFinalForAnyRequestOnAFinishedItem) {
  Item item = submitted();
  item.must(act("close", {}, "취소"), kBoss, kMonday);
  ASSERT_EQ(item.state(), "closed");
  expect_refused(item.apply(act("approve"), kBoss, kMonday), Refusal::Code::AlreadyFinal,
                 {"already finished", "종결"});
  expect_refused(item.apply(review(values({})), kBoss, kMonday), Refusal::Code::AlreadyFinal);
}

TEST(RuntimeRefusal, StaleRevisionGivesBothRevisions) {
  Item item = submitted();
  Request r = act("rate", values({{"rating", "3"}}));
  r.expected_revision = 1;
  expect_refused(item.apply(r, kBoss, kMonday), Refusal::Code::StaleRevision,
                 {"changed since you loaded it", "revision 1, now 2"});
  r.expected_revision = 2;
  EXPECT_TRUE(item.apply(r, kBoss, kMonday).has_value());
}

TEST(RuntimeRefusal, FourEyesRefusesTheSubmitterEvenWithTheRole) {
  Item item(purchase());
  const Principal both = person("kim", {"clerk", "boss"});
  item.must(start_request(values({{"title", "t"}, {"amount", "5"}})), both, kMonday);
  item.must(act("submit"), both, kMonday);
  expect_refused(item.apply(act("approve"), both, kMonday), Refusal::Code::FourEyes,
                 {"separation of duties", "you submitted it"});
  // Acting for the submitter is refused as well.
  const Principal deputy = person("lee", {}, {{"kim", {"boss"}}});
  expect_refused(item.apply(act("approve"), deputy, kMonday), Refusal::Code::FourEyes,
                 {"you act for kim"});
}

TEST(RuntimeRefusal, NotReviewerAndAlreadyReviewed) {
  Item item(load_workflow("suggestion.flow"));
  const Principal p = person("kim", {"proposer"});
  item.must(start_request(values({{"title", "t"}, {"summary", "s"}, {"kind", "creative"}})), p,
            kMonday);
  item.must(act("submit"), p, kMonday);
  item.must(act("accept"), person("han", {"screener"}), kMonday);
  const auto scores =
      values({{"originality", "30"}, {"feasibility", "20"}, {"effect", "20"}, {"vote", "approve"}});
  expect_refused(item.apply(review(scores), p, kMonday), Refusal::Code::NotReviewer,
                 {"제안심사위원 (judge)", "kim"});
  const Principal judge = person("j1", {"judge"});
  item.must(review(scores), judge, kMonday);
  expect_refused(item.apply(review(scores), judge, kMonday), Refusal::Code::AlreadyReviewed,
                 {"already reviewed"});
}

TEST(RuntimeRefusal, NotRecallableByAnotherPerson) {
  Item item = submitted();
  expect_refused(item.apply(recall_request(), person("lee", {"clerk"}), kMonday),
                 Refusal::Code::NotRecallable, {"only kim"});
  expect_refused(item.apply(recall_request(), kBoss, kMonday), Refusal::Code::NotRecallable);
}

TEST(RuntimeRefusal, TimerGoneWhenTheTimerIsNotPending) {
  Item item = submitted();
  ASSERT_EQ(item.instance().timers.size(), 1u);
  PendingTimer stale = item.instance().timers.front();
  stale.due.seconds += 1;
  expect_refused(item.apply(fire(stale), person("system"), kMonday), Refusal::Code::TimerGone,
                 {"timer is gone"});
}

TEST(RuntimeRefusal, NoPreviousWhenTheTrailIsEmpty) {
  Item item(purchase());
  item.must(start_request(values({{"title", "t"}})), kClerk, kMonday);
  expect_refused(item.apply(act("undo", {}, "되돌림"), kClerk, kMonday), Refusal::Code::NoPrevious,
                 {"'undo'", "previous step"});
}

TEST(RuntimeRefusal, RouteLoopWhenDecisionsRouteForever) {
  Item item(compile_flow("loop.flow", R"flow(
workflow loop "순환" {
  roles { clerk "담당" }
  fields { x "값" number }
  start a
  state a "시작" { on go by clerk -> d1 }
  decision d1 "판단1" {
    -> d2 when x > 0
    else -> done
  }
  decision d2 "판단2" {
    -> d1 when x > 0
    else -> done
  }
  final done "끝"
}
)flow"));
  item.must(start_request(values({{"x", "1"}})), kClerk, kMonday);
  expect_refused(item.apply(act("go"), kClerk, kMonday), Refusal::Code::RouteLoop,
                 {"loop of decisions"});
  EXPECT_EQ(item.state(), "a");
}

TEST(RuntimeRefusal, EveryCodeHasAName) {
  for (int c = 0; c <= static_cast<int>(Refusal::Code::RouteLoop); ++c) {
    const std::string_view name = code_name(static_cast<Refusal::Code>(c));
    EXPECT_FALSE(name.empty());
    EXPECT_NE(name, "refused") << c;
  }
}

}  // namespace
}  // namespace dojang::engine::test_rt
