// P8 미래 성장비전 (workflows/vision_report.flow), walked through the engine: one period's progress
// report, checked by the task force and reported to the deputy mayor or to the mayor.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kApril = ymd(2007, 4, 2, 1);
const Date kApril10 = ymd(2007, 4, 10, 1);

TEST(VisionReportFlow, ValidatesWithoutWarnings) {
  const std::shared_ptr<const Definition> compiled =
      load_workflow("vision_report.flow", Warnings::Refused);
  ASSERT_TRUE(compiled);
  const Definition& def = *compiled;
  const StateDef& report_to = def.states.at(def.state_index("report_to"));
  EXPECT_EQ(report_to.kind, StateKind::Decision);
  ASSERT_EQ(report_to.routes.size(), 2u);
  EXPECT_EQ(report_to.routes[0].guard_source, "period == \"half_yearly\"");
  EXPECT_FALSE(report_to.routes[1].guard.has_value());  // else
  const StateDef& following = def.states.at(def.state_index("following"));
  ASSERT_EQ(following.timers.size(), 2u);
  EXPECT_EQ(following.timers[1].kind, TimerDef::Kind::After);
  EXPECT_EQ(following.timers[1].delay.seconds, 30 * 86400);
  EXPECT_EQ(def.fields.at(def.field_index("progress")).type.hi, 100);
}

struct VisionReport : ::testing::Test {
  Item item{load_workflow("vision_report.flow")};
  Principal owner = person("park", {"owner"});
  Principal taskforce = person("yoon", {"taskforce"});
  Principal deputy_mayor = person("vice", {"deputy_mayor"});
  Principal mayor = person("mayor-kim", {"mayor"});

  void start(const char* period = "quarterly", const char* finance_changed = "false",
             const char* progress = "72") {
    item.must(start_request(values({{"task", "영등포 문화예술회관 건립"},
                                    {"term", "2007년 1분기"},
                                    {"period", period},
                                    {"progress", progress},
                                    {"finance_changed", finance_changed}})),
              owner, kApril);
  }
  void submitted(const char* period = "quarterly") {
    start(period);
    item.must(act("submit"), owner, kApril);
  }
  Step passed(const char* period = "quarterly") {
    submitted(period);
    return item.must(act("pass"), taskforce, kApril10);
  }
};

TEST_F(VisionReport, AQuarterlyReportGoesToTheDeputyMayor) {
  const Step pass = passed();
  EXPECT_EQ(pass.event.from, "tf_check");
  EXPECT_EQ(pass.event.route, std::vector<std::string>{"report_to"});
  EXPECT_EQ(pass.event.to, "deputy_report");
  EXPECT_EQ(pass.waiting_roles, std::vector<std::string>{"deputy_mayor"});
  EXPECT_EQ(item.slot("status.label"), Value{"정상 추진"});

  const Step accept = item.must(act("accept", values({{"directions", "하반기 착공 일정 점검"}})),
                                deputy_mayor, kApril10);
  EXPECT_EQ(item.state(), "following");
  EXPECT_EQ(
      accept.event.changes,
      (std::vector<std::pair<std::string, Value>>{{"directions", Value{"하반기 착공 일정 점검"}}}));
  EXPECT_EQ(accept.notifications,
            (std::vector<Notification>{
                {"user:park",
                 "'영등포 문화예술회관 건립' 2007년 1분기 보고 완료 (정상 추진): 지시사항을 "
                 "확인하세요"}}));

  const Step done =
      item.must(act("complete", values({{"follow_up", "착공 일정표 제출"}})), owner, kApril10);
  EXPECT_TRUE(done.final);
  EXPECT_EQ(item.state(), "closed");
  std::vector<std::string> kinds;
  for (const HistoryEvent& e : item.history()) kinds.push_back(e.kind + ":" + e.to);
  EXPECT_EQ(kinds, (std::vector<std::string>{"start:draft", "act:tf_check", "act:deputy_report",
                                             "act:following", "act:closed"}));
}

TEST_F(VisionReport, AHalfYearlyReportGoesToTheMayor) {
  const Step pass = passed("half_yearly");
  EXPECT_EQ(pass.event.to, "mayor_report");
  EXPECT_EQ(pass.waiting_roles, std::vector<std::string>{"mayor"});
  // The deputy mayor does not take the mayor's report unless acting for the mayor.
  expect_no_step(item, act("accept"), deputy_mayor, kApril10, Refusal::Code::WrongRole,
                 {"구청장 (mayor)"});
  item.must(act("accept"), mayor, kApril10);
  EXPECT_EQ(item.state(), "following");
}

TEST_F(VisionReport, TheProgressGivesTheStatusLabel) {
  for (const auto& [progress, label] : std::vector<std::pair<const char*, const char*>>{
           {"95", "완료 단계"}, {"90", "완료 단계"}, {"50", "정상 추진"}, {"49.5", "부진"}}) {
    Item one(load_workflow("vision_report.flow"));
    one.must(start_request(values({{"progress", progress}})), owner, kApril);
    EXPECT_EQ(one.slot("status.label"), Value{label}) << progress;
  }
}

TEST_F(VisionReport, AChangeInFinancesNeedsAnAdjustedPlan) {
  start("quarterly", "yes");
  item.must(act("submit"), owner, kApril);
  expect_no_step(item, act("pass"), taskforce, kApril10, Refusal::Code::GuardFalse,
                 {"'not finance_changed or adjustment != null' does not hold",
                  "finance_changed = true", "adjustment = -"});
  const Step pass = item.must(act("pass", values({{"adjustment", "2단계 사업 2008년으로 연기"}})),
                              taskforce, kApril10);
  EXPECT_EQ(pass.event.changes, (std::vector<std::pair<std::string, Value>>{
                                    {"adjustment", Value{"2단계 사업 2008년으로 연기"}}}));
  EXPECT_EQ(item.state(), "deputy_report");
}

TEST_F(VisionReport, FollowUpClosesByItselfAfterThirtyDays) {
  passed();
  item.must(act("accept"), deputy_mayor, kApril10);
  ASSERT_EQ(item.instance().timers.size(), 2u);
  const PendingTimer reminder = item.instance().timers[0];
  const PendingTimer close = item.instance().timers[1];
  EXPECT_EQ(reminder.due.seconds, kApril10.seconds + 21 * kDay);
  EXPECT_EQ(close.due.seconds, kApril10.seconds + 30 * kDay);
  const Step remind = item.must(fire(reminder), person("system"), reminder.due);
  EXPECT_EQ(remind.notifications,
            (std::vector<Notification>{
                {"user:park",
                 "'영등포 문화예술회관 건립' 2007년 1분기 지시사항 후속조치를 입력하세요"}}));
  const Step closed = item.must(fire(close), person("system"), close.due);
  EXPECT_EQ(closed.event.action, "after 30d");
  EXPECT_EQ(closed.event.actor, "system");
  EXPECT_EQ(item.state(), "closed");
  EXPECT_TRUE(item.slot("follow_up").is_null());
  expect_no_step(item, act("complete", values({{"follow_up", "x"}})), owner, close.due,
                 Refusal::Code::AlreadyFinal, {"종결 (closed)"});
}

TEST_F(VisionReport, TheTaskForceAndTheMayorSendTheReportBack) {
  submitted("half_yearly");
  expect_no_step(item, act("send_back"), taskforce, kApril10, Refusal::Code::MissingComment);
  const Step back = item.must(act("send_back", {}, "문제점 기재 누락"), taskforce, kApril10);
  EXPECT_EQ(back.event.kind, "return");
  EXPECT_EQ(back.event.to, "draft");
  item.must(act("submit"), owner, kApril10);
  item.must(act("pass"), taskforce, kApril10);
  const Step again = item.must(act("send_back", {}, "재원 대책 보완"), mayor, kApril10);
  EXPECT_EQ(again.event.from, "mayor_report");
  EXPECT_EQ(again.event.to, "draft");
  EXPECT_EQ(again.event.actor, "mayor-kim");
  EXPECT_TRUE(item.instance().trail.empty());
  ASSERT_EQ(item.instance().timers.size(), 1u);  // the drafting deadline runs again
  EXPECT_EQ(item.instance().timers[0].due.seconds, kApril10.seconds + 14 * kDay);
}

TEST_F(VisionReport, AHeldProjectEndsTheReport) {
  passed();
  expect_no_step(item, act("hold"), deputy_mayor, kApril10, Refusal::Code::MissingComment);
  const Step held = item.must(act("hold", {}, "재정 여건 악화로 보류"), deputy_mayor, kApril10);
  EXPECT_TRUE(held.final);
  EXPECT_EQ(item.state(), "suspended");
  expect_no_step(item, act("accept"), deputy_mayor, kApril10, Refusal::Code::AlreadyFinal);
}

TEST_F(VisionReport, TheOwnerRecallsUntilTheTaskForceActs) {
  submitted();
  const Step back = item.must(recall_request(), owner, kApril);
  EXPECT_EQ(back.event.kind, "recall");
  EXPECT_EQ(item.state(), "draft");
  item.must(act("submit"), owner, kApril);
  item.must(act("pass"), taskforce, kApril10);
  expect_no_step(item, recall_request(), owner, kApril10, Refusal::Code::NotRecallable);
}

TEST_F(VisionReport, LateStepsAreEscalatedUpwards) {
  start();
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer drafting = item.instance().timers[0];
  const Step late = item.must(fire(drafting), person("system"), drafting.due);
  EXPECT_EQ(
      late.notifications,
      (std::vector<Notification>{
          {"user:park", "'영등포 문화예술회관 건립' 2007년 1분기 보고서 작성 기한이 지났습니다"},
          {"office",
           "'영등포 문화예술회관 건립' 2007년 1분기 보고서가 아직 제출되지 않았습니다"}}));
  item.must(act("submit"), owner, drafting.due);
  ASSERT_EQ(item.instance().timers.size(), 2u);
  const PendingTimer second = item.instance().timers[1];
  EXPECT_EQ(second.due.seconds, drafting.due.seconds + 14 * kDay);
  const Step up = item.must(fire(second), person("system"), second.due);
  EXPECT_EQ(up.event.action, "deadline 14d");
  EXPECT_EQ(item.state(), "tf_check");
  EXPECT_EQ(up.notifications,
            (std::vector<Notification>{
                {"deputy_mayor",
                 "'영등포 문화예술회관 건립' 2007년 1분기 T/F 점검이 지연되고 있습니다"}}));
  EXPECT_EQ(item.instance().timers.size(), 1u);  // the 7-day one is still pending
}

TEST_F(VisionReport, TheDeputyMayorActsForTheAbsentMayor) {
  passed("half_yearly");
  const Principal acting = person("vice", {"deputy_mayor"}, {{"mayor-kim", {"mayor"}}});
  EXPECT_EQ(item.allowed(acting, kApril10),
            (std::vector<std::string>{"accept", "send_back", "hold"}));
  const Step step =
      item.must(act("accept", values({{"directions", "주민 설명회 개최"}})), acting, kApril10);
  EXPECT_EQ(step.event.actor, "vice");
  EXPECT_EQ(step.event.on_behalf_of, "mayor-kim");
  EXPECT_EQ(step.event.from, "mayor_report");
  EXPECT_EQ(item.slot("directions"), Value{"주민 설명회 개최"});
}

TEST_F(VisionReport, TheTaskForceDoesNotPassItsOwnReport) {
  owner = person("yoon", {"owner", "taskforce"});
  submitted();
  expect_no_step(item, act("pass"), owner, kApril10, Refusal::Code::FourEyes,
                 {"separation of duties"});
  EXPECT_EQ(item.allowed(owner, kApril10), (std::vector<std::string>{"send_back", "recall"}));
  item.must(act("pass"), person("ahn", {"taskforce"}), kApril10);
  EXPECT_EQ(item.state(), "deputy_report");
}

TEST_F(VisionReport, OnlyTheRightRolesAct) {
  submitted();
  expect_no_step(item, act("pass"), owner, kApril10, Refusal::Code::WrongRole, {"비전 T/F"});
  item.must(act("pass"), taskforce, kApril10);
  expect_no_step(item, act("accept"), mayor, kApril10, Refusal::Code::WrongRole,
                 {"부구청장 (deputy_mayor)"});
  expect_no_step(item, act("accept"), person("lee", {"office"}), kApril10,
                 Refusal::Code::WrongRole);
}

TEST_F(VisionReport, RequiredFieldsAndRangesAreChecked) {
  item.must(
      start_request(values(
          {{"task", "t"}, {"term", "1분기"}, {"period", "quarterly"}, {"finance_changed", "no"}})),
      owner, kApril);
  expect_no_step(item, act("submit"), owner, kApril, Refusal::Code::MissingField,
                 {"'추진율(%)' (progress)"});
  expect_no_step(item, start_request(values({{"progress", "120"}})), owner, kApril,
                 Refusal::Code::BadValue, {"'추진율(%)' needs a number from 0 to 100", "'120'"});
  expect_no_step(item, start_request(values({{"finance_changed", "maybe"}})), owner, kApril,
                 Refusal::Code::BadValue, {"true or false"});
  expect_no_step(item, start_request(values({{"period", "monthly"}})), owner, kApril,
                 Refusal::Code::BadValue, {"one of quarterly, half_yearly"});
}

TEST_F(VisionReport, TheFollowUpNeedsItsResult) {
  passed();
  item.must(act("accept"), deputy_mayor, kApril10);
  expect_no_step(item, act("complete"), owner, kApril10, Refusal::Code::MissingField,
                 {"'후속조치 결과' (follow_up)"});
}

}  // namespace
}  // namespace dojang::engine::test_rt
