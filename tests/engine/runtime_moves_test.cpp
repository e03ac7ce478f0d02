// Moves: the trail and `return_to`, recall, decision chains, same-named actions.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2024, 5, 2, 3);
const Principal kClerk = person("kim", {"clerk"});
const Principal kBoss = person("park", {"boss"});

constexpr const char* kSteps = R"flow(
workflow steps "단계" {
  roles { clerk "담당" boss "과장" }
  fields { x "값" number }
  start a
  state a "가" { on next by clerk -> b }
  state b "나" {
    on next by clerk -> c
    on back by boss return_to previous
  }
  state c "다" {
    on next by clerk -> d
    on back by boss return_to previous
    on to_a by boss return_to a
    on to_b by boss return_to b
  }
  state d "라" {
    on done by clerk -> fin
    on back by boss return_to previous
    on to_c by boss return_to c
  }
  final fin "끝"
}
)flow";

struct RuntimeTrail : ::testing::Test {
  Item item{compile_flow("steps.flow", kSteps)};
  void SetUp() override { item.must(start_request(), kClerk, kNow); }
  Step next() { return item.must(act("next"), kClerk, kNow); }
  Step back(const char* action = "back") { return item.must(act(action, {}, "다시"), kBoss, kNow); }
};

TEST_F(RuntimeTrail, ForwardMovesPushTheStateLeft) {
  next();
  next();
  next();
  EXPECT_EQ(item.state(), "d");
  EXPECT_EQ(trail_names(item), (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(RuntimeTrail, ReturnToPreviousPopsOneStateAtATime) {
  next();
  next();
  next();
  const Step step = back();
  EXPECT_EQ(step.event.kind, "return");
  EXPECT_EQ(step.event.from, "d");
  EXPECT_EQ(step.event.to, "c");
  EXPECT_EQ(trail_names(item), (std::vector<std::string>{"a", "b"}));
  back();
  EXPECT_EQ(item.state(), "b");
  EXPECT_EQ(trail_names(item), std::vector<std::string>{"a"});
  next();
  EXPECT_EQ(item.state(), "c");
  EXPECT_EQ(trail_names(item), (std::vector<std::string>{"a", "b"}));
}

TEST_F(RuntimeTrail, ReturnToAStatePopsTheTrailDownToIt) {
  next();
  next();
  back("to_a");
  EXPECT_EQ(item.state(), "a");
  EXPECT_TRUE(item.instance().trail.empty());
  next();
  next();
  next();
  back("to_c");
  EXPECT_EQ(item.state(), "c");
  EXPECT_EQ(trail_names(item), (std::vector<std::string>{"a", "b"}));
  back("to_b");
  EXPECT_EQ(trail_names(item), std::vector<std::string>{"a"});
}

TEST_F(RuntimeTrail, AReturnToTheFirstStateTellsTheSubmitter) {
  next();
  next();
  const Step mid = back("to_b");  // c → b: not the drafter's state, nobody is told
  EXPECT_TRUE(mid.notifications.empty());
  const Step first = back();  // b → a (return_to previous): 반려
  EXPECT_EQ(
      first.notifications,
      (std::vector<Notification>{{"user:kim", "단계 item-1이(가) 나에서 반려되었습니다: 다시"}}));
  // The submitter who returns it themselves is not told.
  next();
  const Step self =
      item.must(act("back", {}, "내가 되돌림"), person("kim", {"clerk", "boss"}), kNow);
  EXPECT_EQ(item.state(), "a");
  EXPECT_TRUE(self.notifications.empty());
}

TEST_F(RuntimeTrail, ReturnToAStateNotOnTheTrailClearsIt) {
  next();
  next();
  item.mutable_instance().trail = {item.def().state_index("a")};  // as if b was never passed
  back("to_b");
  EXPECT_EQ(item.state(), "b");
  EXPECT_TRUE(item.instance().trail.empty());
}

// ---- recall ----------------------------------------------------------------------------------

struct RuntimeRecall : ::testing::Test {
  Item item{purchase()};
  void SetUp() override {
    item.must(start_request(values({{"title", "복사기"}, {"amount", "500"}})), kClerk, kNow);
    item.must(act("submit"), kClerk, kNow);
  }
};

TEST_F(RuntimeRecall, TheSubmitterTakesTheItemBackBeforeTheNextStepActs) {
  ASSERT_TRUE(item.instance().recall.has_value());
  EXPECT_EQ(item.instance().recall->user, "kim");
  EXPECT_EQ(item.instance().recall->revision, 2);
  const auto allowed = item.allowed(kClerk, kNow);
  EXPECT_NE(std::find(allowed.begin(), allowed.end(), "recall"), allowed.end());
  const Step step = item.must(recall_request(), kClerk, kNow);
  EXPECT_EQ(step.event.kind, "recall");
  EXPECT_EQ(step.event.from, "approval");
  EXPECT_EQ(step.event.to, "draft");
  EXPECT_EQ(item.state(), "draft");
  EXPECT_TRUE(item.instance().trail.empty());
  EXPECT_TRUE(item.instance().timers.empty());
  EXPECT_FALSE(item.instance().recall.has_value());
  expect_refused(item.apply(recall_request(), kClerk, kNow), Refusal::Code::NotRecallable,
                 {"nothing to recall"});
}

TEST_F(RuntimeRecall, RefusedOnceTheNextStepHasActed) {
  item.must(act("rate", values({{"rating", "4"}})), kBoss, kNow);
  EXPECT_FALSE(item.instance().recall.has_value());
  expect_refused(item.apply(recall_request(), kClerk, kNow), Refusal::Code::NotRecallable);
  const auto allowed = item.allowed(kClerk, kNow);
  EXPECT_EQ(std::find(allowed.begin(), allowed.end(), "recall"), allowed.end());
}

TEST_F(RuntimeRecall, RecallAndReviewAreAlsoTakenAsActions) {
  // allowed_actions lists them by name, so `act ID recall` does what it says.
  const Step step = item.must(act("recall"), kClerk, kNow);
  EXPECT_EQ(step.event.kind, "recall");
  EXPECT_EQ(item.state(), "draft");
  expect_refused(item.apply(act("review"), kClerk, kNow), Refusal::Code::UnknownAction,
                 {"'review' is not an action of 작성 (draft)"});
}

TEST_F(RuntimeRecall, RefusedWhenTheRevisionMovedOn) {
  item.mutable_instance().revision += 1;  // an event the window did not see
  expect_refused(item.apply(recall_request(), kClerk, kNow), Refusal::Code::NotRecallable,
                 {"already acted"});
}

// ---- decisions -------------------------------------------------------------------------------

constexpr const char* kRoute = R"flow(
workflow route "분류" {
  roles { clerk "담당" }
  fields {
    amount "금액" money required
    kind   "구분" one_of(goods, service)
  }
  start draft
  state draft "작성" { on submit by clerk -> size }
  decision size "금액 판단" {
    -> by_kind when amount >= 1000
    else -> small
  }
  decision by_kind "구분 판단" {
    -> big_goods when kind == "goods"
    -> big_service when kind == "service"
  }
  state small "소액" { on done by clerk -> fin }
  state big_goods "고액 물품" { on done by clerk -> fin }
  state big_service "고액 용역" { on done by clerk -> fin }
  final fin "끝"
}
)flow";

Step route_with(Item& item, const char* amount, const char* kind) {
  item.must(start_request(values({{"amount", amount}, {"kind", kind}})), kClerk, kNow);
  return item.must(act("submit"), kClerk, kNow);
}

TEST(RuntimeDecision, ChainedDecisionsRouteInOneStep) {
  Item item(compile_flow("route.flow", kRoute));
  const Step step = route_with(item, "5,000", "service");
  EXPECT_EQ(item.state(), "big_service");
  EXPECT_EQ(step.event.route, (std::vector<std::string>{"size", "by_kind"}));
  EXPECT_EQ(step.event.to, "big_service");
  EXPECT_EQ(trail_names(item), std::vector<std::string>{"draft"});  // decisions are not stops
  EXPECT_EQ(item.instance().revision, 2);
}

TEST(RuntimeDecision, ElseRouteWhenNoConditionHolds) {
  Item item(compile_flow("route.flow", kRoute));
  const Step step = route_with(item, "10", "goods");
  EXPECT_EQ(item.state(), "small");
  EXPECT_EQ(step.event.route, std::vector<std::string>{"size"});
}

TEST(RuntimeDecision, WaitsAtADecisionWhenNoRouteApplies) {
  Item item(compile_flow("route.flow", kRoute));
  const Step step = route_with(item, "2000", "");
  EXPECT_EQ(item.state(), "by_kind");
  ASSERT_FALSE(step.event.notes.empty());
  EXPECT_NE(step.event.notes[0].find("no route of decision 구분 판단 (by_kind) applies"),
            std::string::npos)
      << step.event.notes[0];
  EXPECT_NE(step.event.notes[0].find("kind = -"), std::string::npos) << step.event.notes[0];
  EXPECT_TRUE(step.waiting_roles.empty());
  EXPECT_FALSE(step.final);
  EXPECT_TRUE(item.allowed(kClerk, kNow).empty());
  expect_refused(item.apply(act("done"), kClerk, kNow), Refusal::Code::UnknownAction,
                 {"waits at a decision"});
}

TEST(RuntimeDecision, StartingAtADecisionRoutesAtOnce) {
  Item item(compile_flow("at_once.flow", R"flow(
workflow at_once "즉시" {
  roles { clerk "담당" }
  fields { n "수" number }
  start check
  decision check "확인" {
    -> high when n > 10
    else -> low
  }
  state high "높음" { on done by clerk -> fin }
  state low "낮음" { on done by clerk -> fin }
  final fin "끝"
}
)flow"));
  const Step step = item.must(start_request(values({{"n", "11"}})), kClerk, kNow);
  EXPECT_EQ(step.event.kind, "start");
  EXPECT_EQ(step.event.from, "");
  EXPECT_EQ(step.event.route, std::vector<std::string>{"check"});
  EXPECT_EQ(item.state(), "high");
  EXPECT_TRUE(item.instance().trail.empty());
}

// ---- same-named actions ----------------------------------------------------------------------

TEST(RuntimeSameName, TheFirstWhoseGuardHoldsWins) {
  for (const auto& [amount, state] : {std::pair{"999", "small"}, std::pair{"1000", "large"}}) {
    Item item(purchase());
    item.must(start_request(values({{"title", "t"}, {"amount", amount}})), kClerk, kNow);
    item.must(act("submit"), kClerk, kNow);
    const Step step = item.must(act("approve"), kBoss, kNow);
    EXPECT_EQ(item.state(), state) << amount;
    EXPECT_EQ(step.event.action, "approve");
  }
}

TEST(RuntimeSameName, TheSetValuesCountBeforeTheGuards) {
  const auto def = compile_flow("pick.flow", R"flow(
workflow pick "선택" {
  roles { clerk "담당" }
  fields { n "수" number }
  start a
  state a "가" {
    on go by clerk -> low sets n when n < 5
    on go by clerk -> high sets n when n >= 5
  }
  state low "낮음" { on done by clerk -> fin }
  state high "높음" { on done by clerk -> fin }
  final fin "끝"
}
)flow");
  Item item(def);
  item.must(start_request(values({{"n", "1"}})), kClerk, kNow);
  const Step step = item.must(act("go", values({{"n", "7"}})), kClerk, kNow);
  EXPECT_EQ(item.state(), "high");
  ASSERT_EQ(step.event.changes.size(), 1u);
  EXPECT_EQ(step.event.changes[0].second, Value{7});
  Item other(def);
  other.must(start_request(), kClerk, kNow);
  expect_refused(other.apply(act("go"), kClerk, kNow), Refusal::Code::GuardFalse,
                 {"none of the conditions of 'go'", "'n < 5' (n = -)", "'n >= 5' (n = -)"});
}

TEST(RuntimeSameName, ActorsDecideBetweenSameNamedActions) {
  // yoon drafts the item and has a clerk deputise for the submit (a draft is its drafter's);
  // later only the submitter's `pay` is open to yoon, who holds no role.
  Item item(purchase());
  const Principal yoon = person("yoon");
  item.must(start_request(values({{"title", "t"}, {"amount", "5"}, {"memo", "m"}})), yoon, kNow);
  expect_refused(item.apply(act("submit"), kClerk, kNow), Refusal::Code::NotOwner,
                 {"for its drafter, yoon"});
  item.must(act("submit"), person("yoon.deputy", {}, {{"yoon", {"clerk"}}}), kNow);
  item.must(act("approve"), kBoss, kNow);
  ASSERT_EQ(item.state(), "small");
  expect_refused(item.apply(act("pay"), person("nam"), kNow), Refusal::Code::WrongRole,
                 {"the role 담당자 (clerk) or the submitter", "nam, holding no role"});
  EXPECT_EQ(item.allowed(yoon, kNow), std::vector<std::string>{"pay"});
  const Step step = item.must(act("pay"), yoon, kNow);
  EXPECT_EQ(step.event.actor, "yoon");
  EXPECT_TRUE(step.final);
}

}  // namespace
}  // namespace dojang::engine::test_rt
