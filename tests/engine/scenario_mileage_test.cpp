// P7 행정서비스 마일리지 (workflows/mileage.flow), walked through the engine: a good-service case
// reported, confirmed by the head of the reporter's own team, scored by the mileage table, and the
// month's MVP.

#include <gtest/gtest.h>

#include <tuple>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kMay = ymd(2007, 5, 7, 1);
const Date kMayLater = ymd(2007, 5, 9, 1);
const Date kDecember = ymd(2007, 12, 3, 1);

TEST(MileageFlow, ValidatesWithoutWarnings) {
  const std::shared_ptr<const Definition> compiled =
      load_workflow("mileage.flow", Warnings::Refused);
  ASSERT_TRUE(compiled);
  const Definition& def = *compiled;
  ASSERT_EQ(def.tables.size(), 1u);
  EXPECT_EQ(def.tables[0].hit, HitPolicy::Unique);
  EXPECT_EQ(def.tables[0].inputs.size(), 2u);
  EXPECT_EQ(def.tables[0].rows.size(), 6u);
  const StateDef& candidate = def.states.at(def.state_index("mvp_candidate"));
  ASSERT_EQ(candidate.timers.size(), 2u);
  EXPECT_EQ(candidate.timers[1].kind, TimerDef::Kind::After);
  EXPECT_EQ(candidate.timers[1].target, def.state_index("credited"));
  ASSERT_TRUE(candidate.actions.at(2).window.has_value());
  EXPECT_EQ(candidate.actions[2].window->from_month, 12);
}

struct Mileage : ::testing::Test {
  Item item{load_workflow("mileage.flow")};
  // 진예린 of 민원팀 reports; 곽진수 heads 민원팀 and confirms; 고객만족팀 picks the MVP.
  Principal staff = in_unit(person("jin.yerin", {"staff"}), "civil_service");
  Principal leader = in_unit(person("kwak.jinsu"), "civil_service");
  Principal office = in_unit(person("lee", {"office"}), "customer_satisfaction");
  Principal system = in_unit(person("system"), "");

  void start(const char* kind = "praise") {
    item.must(start_request(values({{"case_title", "노인 민원인 서류 대필"},
                                    {"kind", kind},
                                    {"evidence", "칭찬 게시판 글"}})),
              staff, kMay);
  }
  void reported(const char* kind = "praise") {
    start(kind);
    item.must(act("report"), staff, kMay);
  }
  Step confirm(const char* impact) {
    return item.must(act("confirm", values({{"impact", impact}, {"note", "확인함"}})), leader,
                     kMayLater);
  }
};

TEST_F(Mileage, AHighImpactCaseBecomesTheMonthsMvp) {
  reported();
  EXPECT_EQ(item.state(), "leader_check");
  EXPECT_EQ(item.steps().back().waiting_roles, std::vector<std::string>{"head@civil_service"});
  const Step confirmed = confirm("high");
  EXPECT_EQ(confirmed.event.actor, "kwak.jinsu");
  EXPECT_EQ(confirmed.event.route, std::vector<std::string>{"tally"});
  EXPECT_EQ(confirmed.event.to, "mvp_candidate");
  const std::vector<std::pair<std::string, Value>> changes{{"impact", Value{"high"}},
                                                           {"note", Value{"확인함"}}};
  EXPECT_EQ(confirmed.event.changes, changes);
  EXPECT_EQ(item.slot("mileage.points"), Value{30});
  const Step selected = item.must(act("select"), office, kMayLater);
  EXPECT_TRUE(selected.final);
  EXPECT_EQ(item.state(), "mvp");
  EXPECT_EQ(selected.notifications,
            (std::vector<Notification>{
                {"user:jin.yerin",
                 "'노인 민원인 서류 대필' 사례가 이달의 MVP로 선정되었습니다: 기관장 "
                 "표창, 연수 우선권"}}));
  EXPECT_EQ(item.instance().revision, 4);
}

TEST_F(Mileage, PointsComeFromTheTableByKindAndImpact) {
  const std::vector<std::tuple<const char*, const char*, int, const char*>> cases{
      {"praise", "medium", 20, "credited"},        {"resolution", "low", 10, "credited"},
      {"resolution", "high", 30, "mvp_candidate"}, {"proactive", "high", 40, "mvp_candidate"},
      {"proactive", "low", 20, "credited"},        {"volunteer", "high", 10, "credited"}};
  for (const auto& [kind, impact, points, state] : cases) {
    Item one(load_workflow("mileage.flow"));
    one.must(start_request(values({{"case_title", "t"}, {"kind", kind}, {"evidence", "e"}})), staff,
             kMay);
    one.must(act("report"), staff, kMay);
    one.must(act("confirm", values({{"impact", impact}})), leader, kMay);
    EXPECT_EQ(one.slot("mileage.points"), Value{points}) << kind << " " << impact;
    EXPECT_EQ(one.state(), state) << kind << " " << impact;
  }
}

TEST_F(Mileage, TheOfficePassesOverACandidate) {
  reported();
  confirm("high");
  const Step step = item.must(act("pass_over"), office, kMayLater);
  EXPECT_EQ(item.state(), "credited");
  EXPECT_TRUE(step.final);
}

TEST_F(Mileage, ACandidateNotChosenWithinTheMonthKeepsItsPoints) {
  reported();
  confirm("high");
  ASSERT_EQ(item.instance().timers.size(), 2u);
  const PendingTimer reminder = item.instance().timers[0];
  const PendingTimer month_end = item.instance().timers[1];
  EXPECT_EQ(reminder.due.seconds, kMayLater.seconds + 10 * kDay);
  EXPECT_EQ(month_end.due.seconds, kMayLater.seconds + 31 * kDay);
  const Step remind = item.must(fire(reminder), system, reminder.due);
  EXPECT_EQ(remind.notifications,
            (std::vector<Notification>{
                {"office", "MVP 후보 '노인 민원인 서류 대필'의 선정 심사가 남아 있습니다"}}));
  const Step closed = item.must(fire(month_end), system, month_end.due);
  EXPECT_EQ(closed.event.action, "after 31d");
  EXPECT_EQ(closed.event.to, "credited");
  EXPECT_EQ(item.slot("mileage.points"), Value{30});
}

TEST_F(Mileage, TheKindnessKingIsNominatedOnlyInDecember) {
  reported();
  confirm("high");
  expect_no_step(item, act("nominate_king"), office, kMayLater, Refusal::Code::OutsideWindow,
                 {"12-01 .. 12-31", "05-09"});
  EXPECT_EQ(item.allowed(office, kMayLater), (std::vector<std::string>{"select", "pass_over"}));
  const Step king = item.must(act("nominate_king"), office, kDecember);
  EXPECT_EQ(item.state(), "kindness_king");
  EXPECT_TRUE(king.final);
}

TEST_F(Mileage, TheTeamHeadSendsTheCaseBackForMoreEvidence) {
  reported();
  expect_no_step(item, act("send_back"), leader, kMayLater, Refusal::Code::MissingComment);
  const Step back = item.must(act("send_back", {}, "민원인 확인서 첨부"), leader, kMayLater);
  EXPECT_EQ(back.event.kind, "return");
  EXPECT_EQ(back.event.to, "draft");
  EXPECT_EQ(back.event.comment, "민원인 확인서 첨부");
  EXPECT_EQ(
      back.notifications,
      (std::vector<Notification>{
          {"user:jin.yerin",
           "행정서비스 마일리지 item-1이(가) 팀장 확인에서 반려되었습니다: 민원인 확인서 첨부"}}));
  EXPECT_TRUE(item.instance().timers.empty());
  item.must(act("report"), staff, kMayLater);
  EXPECT_EQ(item.state(), "leader_check");
}

TEST_F(Mileage, ARejectedCaseIsFinished) {
  reported();
  const Step no = item.must(act("reject", {}, "업무 범위 내 통상 처리"), leader, kMayLater);
  EXPECT_TRUE(no.final);
  EXPECT_EQ(item.state(), "rejected");
  EXPECT_TRUE(item.slot("mileage.points").is_null());
  expect_no_step(item, act("confirm", values({{"impact", "high"}})), leader, kMayLater,
                 Refusal::Code::AlreadyFinal, {"불인정 (rejected)"});
}

TEST_F(Mileage, TheStaffMemberRecallsUntilTheTeamHeadActs) {
  reported();
  const Step back = item.must(recall_request(), staff, kMay);
  EXPECT_EQ(back.event.kind, "recall");
  EXPECT_EQ(item.state(), "draft");
  item.must(act("report"), staff, kMay);
  confirm("high");
  expect_no_step(item, recall_request(), staff, kMayLater, Refusal::Code::NotRecallable);
}

TEST_F(Mileage, ALateConfirmationIsEscalatedToTheOffice) {
  reported();
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer t = item.instance().timers[0];
  EXPECT_EQ(t.due.seconds, kMay.seconds + 7 * kDay);
  const Step step = item.must(fire(t), system, t.due);
  EXPECT_EQ(step.event.kind, "reminder");
  EXPECT_EQ(step.event.actor, "system");
  EXPECT_EQ(item.state(), "leader_check");
  EXPECT_EQ(step.notifications,
            (std::vector<Notification>{
                {"user:kwak.jinsu", "'노인 민원인 서류 대필' 마일리지 확인 기한이 지났습니다"},
                {"office", "'노인 민원인 서류 대필' 마일리지 확인이 늦어지고 있습니다"}}));
}

TEST_F(Mileage, ADeputyConfirmsForTheAbsentTeamHead) {
  reported();
  const Principal deputy = in_unit(person("seo", {"staff"}, {{"kwak.jinsu", {}}}), "civil_service");
  EXPECT_EQ(item.allowed(deputy, kMayLater),
            (std::vector<std::string>{"confirm", "send_back", "reject"}));
  const Step step = item.must(act("confirm", values({{"impact", "medium"}})), deputy, kMayLater);
  EXPECT_EQ(step.event.actor, "seo");
  EXPECT_EQ(step.event.on_behalf_of, "kwak.jinsu");
  EXPECT_EQ(item.state(), "credited");
}

TEST_F(Mileage, NobodyConfirmsOrSelectsTheirOwnCase) {
  // The team head's own case goes to the head above: 민원여권과 has none, so 구청장.
  staff = in_unit(person("kwak.jinsu", {"staff", "office"}), "civil_service");
  reported();
  EXPECT_EQ(item.steps().back().waiting_roles, std::vector<std::string>{"head@district"});
  expect_no_step(item, act("confirm", values({{"impact", "high"}})), staff, kMayLater,
                 Refusal::Code::WrongRole, {"kwak.jinsu"});
  item.must(act("confirm", values({{"impact", "high"}})),
            in_unit(person("hong.giljun"), "district"), kMayLater);
  expect_no_step(item, act("select"), staff, kMayLater, Refusal::Code::FourEyes);
  EXPECT_EQ(item.allowed(staff, kMayLater), std::vector<std::string>{"pass_over"});
}

TEST_F(Mileage, OnlyTheRightRolesAct) {
  reported();
  expect_no_step(item, act("confirm", values({{"impact", "high"}})), staff, kMayLater,
                 Refusal::Code::WrongRole, {"you are jin.yerin"});
  expect_no_step(item, act("confirm", values({{"impact", "high"}})), office, kMayLater,
                 Refusal::Code::WrongRole);
  // The head of another team (기획팀) does not confirm 민원팀's cases.
  expect_no_step(item, act("confirm", values({{"impact", "high"}})),
                 in_unit(person("kim.sujin"), "innovation_planning"), kMayLater,
                 Refusal::Code::WrongRole, {"kim.sujin"});
  confirm("high");
  expect_no_step(item, act("select"), leader, kMayLater, Refusal::Code::WrongRole,
                 {"고객만족팀 (office)"});
}

TEST_F(Mileage, RequiredFieldsAndValuesAreChecked) {
  item.must(start_request(values({{"case_title", "t"}, {"kind", "praise"}})), staff, kMay);
  expect_no_step(item, act("report"), staff, kMay, Refusal::Code::MissingField,
                 {"'근거 자료' (evidence)"});
  expect_no_step(item, start_request(values({{"kind", "smile"}})), staff, kMay,
                 Refusal::Code::BadValue, {"one of praise, resolution, proactive, volunteer"});
  item.must(start_request(values({{"case_title", "t"}, {"kind", "praise"}, {"evidence", "e"}})),
            staff, kMay);
  item.must(act("report"), staff, kMay);
  expect_no_step(item, act("confirm"), leader, kMayLater, Refusal::Code::MissingField,
                 {"'서비스 효과' (impact)"});
  expect_no_step(item, act("confirm", values({{"impact", "huge"}})), leader, kMayLater,
                 Refusal::Code::BadValue, {"'서비스 효과' needs one of low, medium, high"});
}

}  // namespace
}  // namespace dojang::engine::test_rt
