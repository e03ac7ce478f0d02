// P9 혁신주도그룹 (workflows/leading_group.flow), walked through the engine: the activity plan in
// January, the supporters' interim check, the performance evaluation and the incentive grade.

#include <gtest/gtest.h>

#include <tuple>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kJanuary = ymd(2007, 1, 15, 1);
const Date kFebruary = ymd(2007, 2, 1, 1);
const Date kMay = ymd(2007, 5, 31, 1);
const Date kJune = ymd(2007, 6, 20, 1);
const Date kNovember = ymd(2007, 11, 20, 1);
const Date kDecember = ymd(2007, 12, 10, 1);

TEST(LeadingGroupFlow, ValidatesWithoutWarnings) {
  const std::shared_ptr<const Definition> compiled =
      load_workflow("leading_group.flow", Warnings::Refused);
  ASSERT_TRUE(compiled);
  const Definition& def = *compiled;
  EXPECT_EQ(def.fields.at(def.field_index("group")).type.values.at(2), "혁신새싹");
  const StateDef& check = def.states.at(def.state_index("interim_check"));
  ASSERT_TRUE(check.review.has_value());
  EXPECT_TRUE(check.review->vote);
  EXPECT_EQ(check.review->quorum, 3);
  for (const char* state : {"planning", "activity", "second_half"}) {
    EXPECT_TRUE(def.states.at(def.state_index(state)).actions.at(0).window.has_value()) << state;
  }
  ASSERT_EQ(def.lets.size(), 2u);
  EXPECT_EQ(def.lets[1].name, "total");
  EXPECT_EQ(def.tables.at(0).outputs.size(), 3u);
}

struct LeadingGroup : ::testing::Test {
  Item item{load_workflow("leading_group.flow")};
  Principal leader = person("kang", {"leader"});
  Principal office = person("lee", {"office"});

  static Principal supporter(const char* name) { return person(name, {"supporter"}); }

  void start() {
    item.must(
        start_request(values(
            {{"group", "혁신새싹"}, {"members", "19"}, {"plan", "아이디어 발굴 토론 월 2회"}})),
        leader, kJanuary);
  }
  void submitted() {
    start();
    item.must(act("submit"), leader, kJanuary);
  }
  void approved() {
    submitted();
    item.must(act("approve"), office, kJanuary);
  }
  void in_interim_check() {
    approved();
    item.must(act("request_check", values({{"results", "아이디어 34건 발굴"}})), leader, kJune);
  }
  Step check(const char* who, const char* progress, const char* direction, const char* vote) {
    return item.must(
        review(values({{"progress", progress}, {"direction", direction}, {"vote", vote}})),
        supporter(who), kJune);
  }
  void in_evaluation() {
    in_interim_check();
    check("s1", "40", "40", "approve");
    check("s2", "35", "38", "approve");
    check("s3", "30", "30", "approve");
    item.must(act("report", values({{"results", "아이디어 71건, 채택 12건"}})), leader, kNovember);
  }
  Step evaluate(const char* participation, const char* ideas, const char* execution,
                const char* spread) {
    return item.must(act("evaluate", values({{"participation", participation},
                                             {"ideas", ideas},
                                             {"execution", execution},
                                             {"spread", spread}})),
                     supporter("s1"), kNovember);
  }
};

TEST_F(LeadingGroup, HappyPathFromPlanToIncentive) {
  submitted();
  EXPECT_EQ(item.state(), "plan_review");
  item.must(act("approve"), office, kJanuary);
  const Step request =
      item.must(act("request_check", values({{"results", "아이디어 34건 발굴"}})), leader, kJune);
  EXPECT_EQ(request.event.to, "interim_check");
  EXPECT_EQ(request.waiting_roles, std::vector<std::string>{"supporter"});
  check("s1", "40", "40", "approve");
  check("s2", "35", "38", "찬성");
  const Step third = check("s3", "30", "30", "reject");
  EXPECT_EQ(third.event.route, std::vector<std::string>{"interim_result"});
  EXPECT_EQ(third.event.to, "second_half");
  EXPECT_EQ(item.slot("interim"), Value{71});  // 35 + 36

  item.must(act("report", values({{"results", "아이디어 71건, 채택 12건"}})), leader, kNovember);
  EXPECT_EQ(item.state(), "evaluation");
  const Step evaluated = evaluate("90", "95", "85", "80");
  EXPECT_EQ(evaluated.event.to, "granting");
  EXPECT_EQ(evaluated.event.changes.size(), 4u);
  EXPECT_EQ(item.slot("total"), Value{88});  // 18 + 28.5 + 25.5 + 16
  EXPECT_EQ(item.slot("incentive.grade"), Value{"A"});
  EXPECT_EQ(item.slot("incentive.bonus"), Value{1});
  EXPECT_EQ(item.slot("incentive.amount"), won(500000));

  const Step granted = item.must(act("grant"), office, kDecember);
  EXPECT_TRUE(granted.final);
  EXPECT_EQ(item.state(), "disclosed");
  EXPECT_EQ(granted.notifications,
            (std::vector<Notification>{
                {"user:kang", "'혁신새싹' 그룹 성과평가 88점, A등급: 가점 1, 포상금 500,000원"}}));
  std::vector<std::string> kinds;
  for (const HistoryEvent& e : item.history()) kinds.push_back(e.kind + ":" + e.to);
  EXPECT_EQ(kinds, (std::vector<std::string>{"start:planning", "act:plan_review", "act:activity",
                                             "act:interim_check", "review:interim_check",
                                             "review:interim_check", "review:second_half",
                                             "act:evaluation", "act:granting", "act:disclosed"}));
}

TEST_F(LeadingGroup, TheWeightedTotalGivesTheIncentiveGrade) {
  in_evaluation();
  const std::vector<std::tuple<const char*, const char*, const char*, const char*, double,
                               const char*, double, int>>
      cases{{"95", "95", "95", "90", 94, "S", 1.5, 1000000},
            {"80", "80", "80", "80", 80, "A", 1, 500000},
            {"70", "80", "75", "76", 75.7, "B", 0.5, 200000},
            {"60", "70", "65", "60", 64.5, "C", 0, 0}};
  for (const auto& [p, i, e, s, total, grade, bonus, amount] : cases) {
    evaluate(p, i, e, s);
    EXPECT_EQ(item.slot("total"), Value{total}) << p << i << e << s;
    EXPECT_EQ(item.slot("incentive.grade"), Value{grade}) << total;
    EXPECT_EQ(item.slot("incentive.bonus"), Value{bonus}) << total;
    EXPECT_EQ(item.slot("incentive.amount"), won(amount)) << total;
    // The office asks for a re-evaluation: back to the supporters, with the reason.
    const Step back = item.must(act("reevaluate", {}, "재평가 요청"), office, kDecember);
    EXPECT_EQ(back.event.kind, "return");
    EXPECT_EQ(back.event.to, "evaluation");
  }
}

TEST_F(LeadingGroup, AFailedInterimCheckAsksForImprovementAndAFreshCheck) {
  in_interim_check();
  check("s1", "40", "40", "approve");
  check("s2", "20", "20", "reject");
  const Step third = check("s3", "20", "20", "반대");
  EXPECT_EQ(item.state(), "improvement");
  EXPECT_EQ(third.event.route, std::vector<std::string>{"interim_result"});
  expect_no_step(item, act("resubmit", values({{"plan", "격주 토론 + 현장 방문"}})), leader, kJune,
                 Refusal::Code::MissingComment);
  item.must(act("resubmit", values({{"plan", "격주 토론 + 현장 방문"}}), "방법 보완"), leader,
            kJune);
  EXPECT_EQ(item.state(), "interim_check");
  EXPECT_TRUE(item.instance().reviews.empty());
  for (const char* s : {"s1", "s2", "s3"}) check(s, "30", "30", "approve");
  EXPECT_EQ(item.state(), "second_half");
}

TEST_F(LeadingGroup, ApprovalsWithALowInterimScoreAreNotEnough) {
  in_interim_check();
  for (const char* s : {"s1", "s2", "s3"}) check(s, "20", "20", "approve");
  EXPECT_EQ(item.slot("interim"), Value{40});
  EXPECT_EQ(item.state(), "improvement");
}

TEST_F(LeadingGroup, WithoutTheQuorumTheCheckWaits) {
  in_interim_check();
  check("s1", "40", "40", "approve");
  const Step second = check("s2", "35", "38", "approve");
  EXPECT_EQ(item.state(), "interim_check");
  EXPECT_TRUE(second.event.route.empty());
  EXPECT_EQ(item.slot("interim"), Value{76.5});
  EXPECT_EQ(item.allowed(supporter("s3"), kJune), std::vector<std::string>{"review"});
  EXPECT_TRUE(item.allowed(supporter("s2"), kJune).empty());
  expect_no_step(item, review(values({{"progress", "1"}, {"direction", "1"}, {"vote", "approve"}})),
                 supporter("s2"), kJune, Refusal::Code::AlreadyReviewed);
}

TEST_F(LeadingGroup, EachStepHasItsSeason) {
  start();
  expect_no_step(item, act("submit"), leader, kFebruary, Refusal::Code::OutsideWindow,
                 {"01-01 .. 01-31", "02-01"});
  item.must(act("submit"), leader, kJanuary);
  item.must(act("approve"), office, kJanuary);
  expect_no_step(item, act("request_check", values({{"results", "r"}})), leader, kMay,
                 Refusal::Code::OutsideWindow, {"06-01 .. 07-31", "05-31"});
  item.must(act("request_check", values({{"results", "r"}})), leader, kJune);
  for (const char* s : {"s1", "s2", "s3"}) check(s, "30", "30", "approve");
  expect_no_step(item, act("report", values({{"results", "r"}})), leader, ymd(2007, 12, 16, 1),
                 Refusal::Code::OutsideWindow, {"11-01 .. 12-15", "12-16"});
  EXPECT_TRUE(item.allowed(leader, ymd(2007, 12, 16, 1)).empty());
  item.must(act("report", values({{"results", "r"}})), leader, kDecember);
}

TEST_F(LeadingGroup, TheOfficeSendsThePlanBackOrRejectsIt) {
  submitted();
  expect_no_step(item, act("send_back"), office, kJanuary, Refusal::Code::MissingComment);
  const Step back = item.must(act("send_back", {}, "활동 목표 구체화"), office, kJanuary);
  EXPECT_EQ(back.event.kind, "return");
  EXPECT_EQ(back.event.to, "planning");
  item.must(act("submit"), leader, kJanuary);
  const Step no = item.must(act("reject", {}, "구성 요건 미달"), office, kJanuary);
  EXPECT_TRUE(no.final);
  EXPECT_EQ(item.state(), "rejected");
  expect_no_step(item, act("submit"), leader, kJanuary, Refusal::Code::AlreadyFinal,
                 {"반려 (rejected)"});
  expect_no_step(item, recall_request(), leader, kJanuary, Refusal::Code::AlreadyFinal);
}

TEST_F(LeadingGroup, TheLeaderRecallsThePlanUntilTheOfficeActs) {
  submitted();
  const Step back = item.must(recall_request(), leader, kJanuary);
  EXPECT_EQ(back.event.kind, "recall");
  EXPECT_EQ(item.state(), "planning");
  item.must(act("submit"), leader, kJanuary);
  item.must(act("approve"), office, kJanuary);
  expect_no_step(item, recall_request(), leader, kJanuary, Refusal::Code::NotRecallable);
}

TEST_F(LeadingGroup, LateReviewsAreEscalatedToTheOffice) {
  submitted();
  const PendingTimer plan = item.instance().timers.at(0);
  EXPECT_EQ(plan.due.seconds, kJanuary.seconds + 7 * kDay);
  const Step late = item.must(fire(plan), person("system"), plan.due);
  EXPECT_EQ(
      late.notifications,
      (std::vector<Notification>{{"office", "'혁신새싹' 그룹 활동계획 검토 기한이 지났습니다"}}));
  item.must(act("approve"), office, plan.due);
  item.must(act("request_check", values({{"results", "r"}})), leader, kJune);
  const PendingTimer interim = item.instance().timers.at(0);
  EXPECT_EQ(interim.due.seconds, kJune.seconds + 21 * kDay);
  const Step slow = item.must(fire(interim), person("system"), interim.due);
  EXPECT_EQ(item.state(), "interim_check");
  EXPECT_EQ(
      slow.notifications,
      (std::vector<Notification>{{"office", "'혁신새싹' 그룹 중간점검이 늦어지고 있습니다"}}));
}

TEST_F(LeadingGroup, DeputiesActForAbsentSupportersAndOfficers) {
  in_interim_check();
  const Principal deputy = person("sub", {}, {{"s9", {"supporter"}}});
  const Step step =
      item.must(review(values({{"progress", "30"}, {"direction", "30"}, {"vote", "approve"}})),
                deputy, kJune);
  EXPECT_EQ(step.event.on_behalf_of, "s9");
  EXPECT_EQ(item.instance().reviews.at(0).member(), "s9");
  check("s1", "30", "30", "approve");
  check("s2", "30", "30", "approve");
  item.must(act("report", values({{"results", "r"}})), leader, kNovember);
  evaluate("90", "90", "90", "90");
  const Step granted =
      item.must(act("grant"), person("acting", {}, {{"lee", {"office"}}}), kDecember);
  EXPECT_EQ(granted.event.actor, "acting");
  EXPECT_EQ(granted.event.on_behalf_of, "lee");
  EXPECT_EQ(item.slot("incentive.grade"), Value{"S"});
}

TEST_F(LeadingGroup, TheOfficeDoesNotApproveOrRewardItsOwnGroup) {
  leader = person("kang", {"leader", "office"});
  submitted();
  expect_no_step(item, act("approve"), leader, kJanuary, Refusal::Code::FourEyes,
                 {"you submitted it"});
  EXPECT_EQ(item.allowed(leader, kJanuary),
            (std::vector<std::string>{"send_back", "reject", "recall"}));
  item.must(act("approve"), office, kJanuary);
  item.must(act("request_check", values({{"results", "r"}})), leader, kJune);
  for (const char* s : {"s1", "s2", "s3"}) check(s, "30", "30", "approve");
  item.must(act("report", values({{"results", "r"}})), leader, kNovember);
  evaluate("90", "90", "90", "90");
  expect_no_step(item, act("grant"), leader, kDecember, Refusal::Code::FourEyes);
}

TEST_F(LeadingGroup, OnlyTheRightRolesAct) {
  submitted();
  expect_no_step(item, act("approve"), leader, kJanuary, Refusal::Code::WrongRole,
                 {"혁신기획단 (office)"});
  item.must(act("approve"), office, kJanuary);
  item.must(act("request_check", values({{"results", "r"}})), leader, kJune);
  expect_no_step(item, review(values({{"progress", "1"}, {"direction", "1"}, {"vote", "approve"}})),
                 office, kJune, Refusal::Code::NotReviewer, {"창의혁신 서포터즈 (supporter)"});
  for (const char* s : {"s1", "s2", "s3"}) check(s, "30", "30", "approve");
  item.must(act("report", values({{"results", "r"}})), leader, kNovember);
  expect_no_step(item, act("evaluate"), leader, kNovember, Refusal::Code::WrongRole,
                 {"창의혁신 서포터즈 (supporter)"});
}

TEST_F(LeadingGroup, RequiredFieldsAreChecked) {
  item.must(start_request(values({{"group", "혁신새싹"}, {"members", "19"}})), leader, kJanuary);
  expect_no_step(item, act("submit"), leader, kJanuary, Refusal::Code::MissingField,
                 {"'활동계획' (plan)"});
  expect_no_step(item, start_request(values({{"group", "sprouts"}})), leader, kJanuary,
                 Refusal::Code::BadValue, {"one of 혁신리더, 변화관리자, 혁신새싹"});
}

TEST_F(LeadingGroup, InterimScoresAndVotesAreChecked) {
  in_interim_check();
  expect_no_step(
      item, review(values({{"progress", "51"}, {"direction", "30"}, {"vote", "approve"}})),
      supporter("s1"), kJune, Refusal::Code::BadValue, {"'추진 실적' needs a number from 0 to 50"});
  expect_no_step(item, review(values({{"progress", "30"}, {"direction", "30"}, {"vote", "maybe"}})),
                 supporter("s1"), kJune, Refusal::Code::BadValue, {"approve or reject"});
  expect_no_step(item, review(values({{"progress", "30"}, {"direction", "30"}})), supporter("s1"),
                 kJune, Refusal::Code::MissingField, {"'vote' (approve or reject)"});
}

TEST_F(LeadingGroup, TheEvaluationNeedsEveryScoreInRange) {
  in_evaluation();
  expect_no_step(
      item,
      act("evaluate", values({{"participation", "90"}, {"ideas", "90"}, {"execution", "90"}})),
      supporter("s1"), kNovember, Refusal::Code::MissingField, {"'전파·공유' (spread)"});
  expect_no_step(
      item,
      act("evaluate",
          values(
              {{"participation", "90"}, {"ideas", "101"}, {"execution", "90"}, {"spread", "90"}})),
      supporter("s1"), kNovember, Refusal::Code::BadValue,
      {"'아이디어 발굴' needs a number from 0 to 100"});
  const Step back = item.must(act("send_back", {}, "실적 증빙 보완"), supporter("s2"), kNovember);
  EXPECT_EQ(back.event.to, "second_half");
}

}  // namespace
}  // namespace dojang::engine::test_rt
