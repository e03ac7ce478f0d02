// P6 학습동아리 (workflows/learning_circle.flow), walked through the engine: monthly activity
// reports, the half-yearly case presentation in its window, the judges' scores, and the reward.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kMarch = ymd(2007, 3, 2, 1);
const Date kJune = ymd(2007, 6, 15, 1);
const Date kJudged = ymd(2007, 6, 22, 1);
const Date kAugust = ymd(2007, 8, 10, 1);
const Date kDecember = ymd(2007, 12, 10, 1);

TEST(LearningCircleFlow, ValidatesWithoutWarnings) {
  const std::shared_ptr<const Definition> compiled =
      load_workflow("learning_circle.flow", Warnings::Refused);
  ASSERT_TRUE(compiled);
  const Definition& def = *compiled;
  const StateDef& activity = def.states.at(def.state_index("activity"));
  ASSERT_EQ(activity.actions.size(), 3u);
  ASSERT_TRUE(activity.actions[1].window && activity.actions[2].window);
  EXPECT_EQ(activity.actions[1].window->from_month, 6);
  EXPECT_EQ(activity.actions[2].window->to_day, 20);
  EXPECT_TRUE(activity.actions[1].recallable);
  const StateDef& judging = def.states.at(def.state_index("judging"));
  ASSERT_TRUE(judging.review.has_value());
  EXPECT_EQ(judging.review->then_target, kNone);  // the office announces
  ASSERT_EQ(judging.timers.size(), 1u);
  EXPECT_EQ(judging.actions.at(judging.timers[0].action).name, "announce");
  EXPECT_EQ(def.tables.at(0).hit, HitPolicy::First);
}

struct LearningCircle : ::testing::Test {
  Item item{load_workflow("learning_circle.flow")};
  Principal leader = person("choi", {"leader"});
  Principal office = person("lee", {"office"});

  static Principal judge(const char* name) { return person(name, {"judge"}); }

  void start(const char* half = "first") {
    item.must(start_request(values({{"circle", "민원혁신 연구회"},
                                    {"theme", "민원 서식 개선"},
                                    {"members", "12"},
                                    {"half", half}})),
              leader, kMarch);
  }
  void registered(const char* half = "first") {
    start(half);
    item.must(act("register"), leader, kMarch);
  }
  void presented() {
    registered();
    item.must(act("present", values({{"output", "민원 서식 개선안 20건"}})), leader, kJune);
  }
  Step score(const char* who, const char* content, const char* application,
             const char* presentation) {
    return item.must(
        review(values(
            {{"content", content}, {"application", application}, {"presentation", presentation}})),
        judge(who), kJudged);
  }
  // Three judges whose averages add up to `37 + 27 + 27 = 91`.
  void judged_excellent() {
    presented();
    score("j1", "38", "27", "27");
    score("j2", "36", "26", "26");
    score("j3", "37", "28", "28");
  }
};

TEST_F(LearningCircle, HappyPathFromPlanToReward) {
  registered();
  EXPECT_EQ(item.state(), "activity");
  const Step report =
      item.must(act("report", values({{"monthly", "3월: 서식 20종 분석"}})), leader, kMarch);
  EXPECT_EQ(report.event.from, "activity");
  EXPECT_EQ(report.event.to, "activity");
  const Step present =
      item.must(act("present", values({{"output", "민원 서식 개선안 20건"}})), leader, kJune);
  EXPECT_EQ(present.event.to, "judging");
  EXPECT_EQ(present.waiting_roles, (std::vector<std::string>{"judge", "office"}));
  score("j1", "38", "27", "27");
  score("j2", "36", "26", "26");
  const Step third = score("j3", "37", "28", "28");
  EXPECT_EQ(item.state(), "judging");  // the office announces the results
  EXPECT_EQ(item.slot("judged"), Value{3});
  EXPECT_EQ(item.slot("average"), Value{91});
  EXPECT_EQ(third.event.changes.size(), 3u);

  const Step announce = item.must(act("announce"), office, kJudged);
  EXPECT_EQ(announce.event.route, std::vector<std::string>{"selection"});
  EXPECT_EQ(announce.event.to, "excellent");
  EXPECT_EQ(item.slot("prize.rank"), Value{"최우수"});
  EXPECT_EQ(item.slot("prize.amount"), won(500000));

  const Step reward = item.must(act("reward"), office, kJudged);
  EXPECT_TRUE(reward.final);
  EXPECT_EQ(item.state(), "rewarded");
  ASSERT_EQ(reward.notifications.size(), 1u);
  EXPECT_EQ(reward.notifications[0],
            (Notification{"user:choi",
                          "'민원혁신 연구회' 최우수 동아리 선정: 포상금 500,000원, 사례집 수록"}));
  std::vector<std::string> trail;
  for (const HistoryEvent& e : item.history()) trail.push_back(e.kind + ":" + e.to);
  EXPECT_EQ(trail, (std::vector<std::string>{"start:plan", "act:activity", "act:activity",
                                             "act:judging", "review:judging", "review:judging",
                                             "review:judging", "act:excellent", "act:rewarded"}));
}

TEST_F(LearningCircle, TheFirstMatchingPrizeRowWins) {
  presented();
  score("j1", "35", "26", "26");
  score("j2", "35", "26", "26");
  score("j3", "35", "26", "26");
  item.must(act("announce"), office, kJudged);
  EXPECT_EQ(item.slot("average"), Value{87});
  EXPECT_EQ(item.slot("prize.rank"), Value{"우수"});  // rows 2 and 3 match; hit first
  EXPECT_EQ(item.slot("prize.amount"), won(300000));
}

TEST_F(LearningCircle, ACircleBelowEightyTakesPartWithoutAReward) {
  presented();
  for (const char* j : {"j1", "j2", "j3"}) score(j, "30", "22", "23");
  const Step announce = item.must(act("announce"), office, kJudged);
  EXPECT_EQ(item.slot("average"), Value{75});
  EXPECT_EQ(item.state(), "participated");
  EXPECT_TRUE(announce.final);
}

TEST_F(LearningCircle, EachMonthlyReportStartsTheMonthsDeadlineAgain) {
  registered();
  ASSERT_EQ(item.instance().timers.size(), 1u);
  EXPECT_EQ(item.instance().timers[0].due.seconds, kMarch.seconds + 30 * kDay);
  const Date report_day{kMarch.seconds + 20 * kDay};
  item.must(act("report", values({{"monthly", "3월 활동"}})), leader, report_day);
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer deadline = item.instance().timers[0];
  EXPECT_EQ(deadline.due.seconds, report_day.seconds + 30 * kDay);
  EXPECT_EQ(trail_names(item), std::vector<std::string>{"plan"});  // staying adds no step back
  // A month without a report: the leader and the office hear of it.
  const Step late = item.must(fire(deadline), person("system"), deadline.due);
  EXPECT_EQ(late.event.action, "deadline 30d");
  EXPECT_EQ(item.state(), "activity");
  EXPECT_EQ(late.notifications,
            (std::vector<Notification>{
                {"user:choi", "'민원혁신 연구회' 이번 달 학습활동 보고가 없습니다"},
                {"office", "'민원혁신 연구회'의 월간 활동 보고가 늦었습니다"}}));
  EXPECT_TRUE(item.instance().timers.empty());
  // The next report starts the deadline again.
  item.must(act("report", values({{"monthly", "4월 활동"}})), leader, deadline.due);
  ASSERT_EQ(item.instance().timers.size(), 1u);
  EXPECT_EQ(item.instance().timers[0].due.seconds, deadline.due.seconds + 30 * kDay);
}

TEST_F(LearningCircle, AMonthlyReportSaysWhatWasDone) {
  registered();
  expect_no_step(item, act("report"), leader, kMarch, Refusal::Code::MissingField,
                 {"'월간 활동 보고' (monthly)"});
  expect_no_step(item, act("report", values({{"output", "x"}})), leader, kMarch,
                 Refusal::Code::NotSettable, {"'report' does not set '성과물'"});
}

TEST_F(LearningCircle, OutputsAreSubmittedOnlyInTheContestWindow) {
  registered();
  expect_no_step(item, act("present", values({{"output", "x"}})), leader, kAugust,
                 Refusal::Code::OutsideWindow, {"06-01 .. 06-30", "08-10"});
  EXPECT_EQ(item.allowed(leader, kAugust), std::vector<std::string>{"report"});
  EXPECT_EQ(item.allowed(leader, kJune), (std::vector<std::string>{"report", "present"}));
  expect_no_step(item, act("present"), leader, kJune, Refusal::Code::MissingField,
                 {"'성과물' (output)"});
}

TEST_F(LearningCircle, ASecondHalfCirclePresentsInDecember) {
  registered("second");
  // In June only the first half's action is open, and its condition does not fit this circle.
  expect_no_step(item, act("present", values({{"output", "x"}})), leader, kJune,
                 Refusal::Code::GuardFalse, {"half == \"first\"", "half = second"});
  expect_no_step(item, act("present", values({{"output", "x"}})), leader, ymd(2007, 12, 21, 1),
                 Refusal::Code::OutsideWindow, {"06-01 .. 06-30", "12-21"});
  item.must(act("present", values({{"output", "하반기 사례"}})), leader, kDecember);
  EXPECT_EQ(item.state(), "judging");
}

TEST_F(LearningCircle, WithoutThreeJudgesTheResultsCannotBeAnnounced) {
  presented();
  score("j1", "38", "27", "27");
  score("j2", "36", "26", "26");
  EXPECT_EQ(item.slot("judged"), Value{2});
  expect_no_step(item, act("announce"), office, kJudged, Refusal::Code::GuardFalse,
                 {"'judged >= 3' does not hold", "judged = 2"});
  // The deadline tries to announce as the system, cannot, and tells the office.
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer deadline = item.instance().timers[0];
  EXPECT_EQ(deadline.due.seconds, kJune.seconds + 14 * kDay);
  const Step step = item.must(fire(deadline), person("system"), deadline.due);
  EXPECT_EQ(item.state(), "judging");
  ASSERT_EQ(step.event.notes.size(), 1u);
  EXPECT_NE(step.event.notes[0].find("could not take 'announce'"), std::string::npos);
  EXPECT_EQ(
      step.notifications,
      (std::vector<Notification>{{"office", "'민원혁신 연구회' 사례발표 심사 기한이 지났습니다"}}));
}

TEST_F(LearningCircle, TheDeadlineAnnouncesOnceTheJudgesAreDone) {
  judged_excellent();
  const PendingTimer deadline = item.instance().timers.at(0);
  const Step step = item.must(fire(deadline), person("system"), deadline.due);
  EXPECT_EQ(step.event.kind, "timer");
  EXPECT_EQ(step.event.actor, "system");
  EXPECT_EQ(step.event.action, "announce");
  EXPECT_EQ(step.event.comment, "deadline 14d");
  EXPECT_EQ(step.event.route, std::vector<std::string>{"selection"});
  EXPECT_EQ(item.state(), "excellent");
}

TEST_F(LearningCircle, TheOfficeSendsThePresentationBack) {
  presented();
  score("j1", "38", "27", "27");
  expect_no_step(item, act("send_back"), office, kJudged, Refusal::Code::MissingComment);
  const Step back = item.must(act("send_back", {}, "성과물 보완"), office, kJudged);
  EXPECT_EQ(back.event.kind, "return");
  EXPECT_EQ(back.event.to, "activity");
  EXPECT_EQ(back.event.comment, "성과물 보완");
  EXPECT_EQ(trail_names(item), std::vector<std::string>{"plan"});
  item.must(act("present", values({{"output", "보완본"}})), leader, kJune);
  EXPECT_TRUE(item.instance().reviews.empty());
  EXPECT_EQ(item.slot("judged"), Value{0});
}

TEST_F(LearningCircle, ADisqualifiedCircleIsFinished) {
  presented();
  const Step out = item.must(act("disqualify", {}, "표절"), office, kJudged);
  EXPECT_TRUE(out.final);
  EXPECT_EQ(item.state(), "disqualified");
  expect_no_step(item, review(values({{"content", "1"}})), judge("j1"), kJudged,
                 Refusal::Code::AlreadyFinal, {"실격 (disqualified)"});
  expect_no_step(item, act("announce"), office, kJudged, Refusal::Code::AlreadyFinal);
}

TEST_F(LearningCircle, TheLeaderRecallsThePresentationBeforeJudging) {
  presented();
  const Step back = item.must(recall_request(), leader, kJune);
  EXPECT_EQ(back.event.kind, "recall");
  EXPECT_EQ(back.event.to, "activity");
  ASSERT_EQ(item.instance().timers.size(), 1u);  // the monthly deadline runs again
  EXPECT_EQ(item.instance().timers[0].due.seconds, kJune.seconds + 30 * kDay);
  item.must(act("present", values({{"output", "수정본"}})), leader, kJune);
  score("j1", "38", "27", "27");
  expect_no_step(item, recall_request(), leader, kJudged, Refusal::Code::NotRecallable);
}

TEST_F(LearningCircle, ADeputyScoresForAnAbsentJudge) {
  presented();
  const Principal deputy = person("sub", {}, {{"j3", {"judge"}}});
  const Step step =
      item.must(review(values({{"content", "37"}, {"application", "28"}, {"presentation", "28"}})),
                deputy, kJudged);
  EXPECT_EQ(step.event.actor, "sub");
  EXPECT_EQ(step.event.on_behalf_of, "j3");
  EXPECT_EQ(item.instance().reviews.at(0).member(), "j3");
  expect_no_step(item,
                 review(values({{"content", "1"}, {"application", "1"}, {"presentation", "1"}})),
                 judge("j3"), kJudged, Refusal::Code::AlreadyReviewed);
}

TEST_F(LearningCircle, AnOfficeMemberDoesNotJudgeTheirOwnCircle) {
  leader = person("choi", {"leader", "office"});
  judged_excellent();
  expect_no_step(item, act("announce"), leader, kJudged, Refusal::Code::FourEyes,
                 {"you submitted it"});
  item.must(act("announce"), office, kJudged);
  expect_no_step(item, act("reward"), leader, kJudged, Refusal::Code::FourEyes);
}

TEST_F(LearningCircle, OnlyTheRightRolesAct) {
  start();
  expect_no_step(item, act("register"), office, kMarch, Refusal::Code::WrongRole,
                 {"동아리 회장 (leader)"});
  item.must(act("register"), leader, kMarch);
  item.must(act("present", values({{"output", "x"}})), leader, kJune);
  expect_no_step(item, act("announce"), judge("j1"), kJudged, Refusal::Code::WrongRole,
                 {"혁신기획단 (office)"});
  expect_no_step(item, review(values({{"content", "1"}})), leader, kJudged,
                 Refusal::Code::NotReviewer, {"사례발표 심사위원 (judge)"});
}

TEST_F(LearningCircle, AnotherCirclesChairDoesNotReportForIt) {
  registered();
  const Principal other_chair = person("min", {"leader"});
  expect_no_step(item, act("report", values({{"monthly", "남의 동아리 보고"}})), other_chair,
                 kMarch, Refusal::Code::WrongRole, {"you are min"});
  expect_no_step(item, act("present", values({{"output", "x"}})), other_chair, kJune,
                 Refusal::Code::WrongRole);
  EXPECT_EQ(item.state(), "activity");
  EXPECT_TRUE(item.slot("monthly").is_null());
}

TEST_F(LearningCircle, RequiredFieldsAndValuesAreChecked) {
  expect_no_step(item, start_request(values({{"members", "열두 명"}})), leader, kMarch,
                 Refusal::Code::BadValue, {"'회원 수' needs a whole number, 0 or more"});
  item.must(start_request(values({{"circle", "c"}, {"theme", "t"}, {"half", "first"}})), leader,
            kMarch);
  expect_no_step(item, act("register"), leader, kMarch, Refusal::Code::MissingField,
                 {"'회원 수' (members)"});
}

TEST_F(LearningCircle, ScoresOutsideTheirRangeAreRefused) {
  presented();
  expect_no_step(item,
                 review(values({{"content", "41"}, {"application", "20"}, {"presentation", "20"}})),
                 judge("j1"), kJudged, Refusal::Code::BadValue,
                 {"'내용 충실성' needs a number from 0 to 40", "'41'"});
  expect_no_step(item,
                 review(values({{"content", "40"}, {"application", "-1"}, {"presentation", "20"}})),
                 judge("j1"), kJudged, Refusal::Code::BadValue, {"'현업 적용도'"});
}

}  // namespace
}  // namespace dojang::engine::test_rt
