// P4 고객의 소리 / 행정서비스 헌장 (workflows/complaint.flow), walked through the engine: receipt,
// assignment, handling within the charter's 7 days (or escalated by the deadline), the citizen's
// rating, correction and compensation on a charter failure, and the VOC task force that starts an
// innovation task for a repeated complaint.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

Date days_after(Date d, int days) {
  return Date{d.seconds + days * kDay};
}

const Date kMonday = ymd(2007, 3, 5, 1);
const Date kWednesday = ymd(2007, 3, 7, 1);
const Date kNextWeek = ymd(2007, 3, 14, 1);

TEST(ComplaintFlow, ValidatesWithoutWarnings) {
  const std::shared_ptr<const Definition> compiled =
      load_workflow("complaint.flow", Warnings::Refused);
  ASSERT_TRUE(compiled);
  const Definition& def = *compiled;
  EXPECT_EQ(def.label, "민원");
  EXPECT_EQ(def.roles.at(def.role_index("taskforce")).label, "VOC 개선 TF");
  EXPECT_EQ(def.states.at(def.state_index("verdict")).kind, StateKind::Decision);
  const StateDef& voc = def.states.at(def.state_index("voc"));
  const ActionDef* propose = nullptr;
  for (const ActionDef& a : voc.actions) {
    if (a.name == "propose_task") {
      propose = &a;
    } else {
      EXPECT_TRUE(a.starts.empty()) << a.name;
    }
  }
  ASSERT_NE(propose, nullptr);
  ASSERT_EQ(propose->starts.size(), 1u);
  EXPECT_EQ(propose->starts[0].workflow, "innovation_task");
  ASSERT_EQ(propose->starts[0].assignments.size(), 3u);
  EXPECT_EQ(propose->starts[0].assignments[1].field, "area");
  EXPECT_EQ(propose->starts[0].assignments[1].source, "\"customer\"");
}

struct Complaint : ::testing::Test {
  Item item{load_workflow("complaint.flow")};
  // The clerk of 민원팀 assigns complaints to 총무과, whose handler answers and whose head hears
  // of a late one; 보건소's handler may not touch them.
  Principal clerk = in_unit(person("bae.junseo", {"clerk"}), "civil_service");
  Principal handler = in_unit(person("nam.gihun", {"handler@general_affairs"}), "general_affairs");
  Principal other_handler =
      in_unit(person("ryu.soyoung", {"handler@health_center"}), "health_center");
  Principal head = in_unit(person("yang.jiho"), "general_affairs");
  Principal satisfaction =
      in_unit(person("shin.hayoung", {"satisfaction"}), "customer_satisfaction");
  Principal taskforce = in_unit(person("seo.jihoon", {"taskforce"}), "customer_satisfaction");
  Principal system = in_unit(person("system"), "");

  void received() {
    item.must(start_request(values({{"title", "주민등록등본 발급 지연"},
                                    {"content", "무인발급기가 일주일째 고장입니다"},
                                    {"citizen", "홍길동"},
                                    {"channel", "online"}}),
                            "complaint-1"),
              clerk, kMonday);
  }
  Step assigned(const char* prior = "0") {
    received();
    return item.must(act("assign", values({{"department", "총무과"}, {"prior", prior}})), clerk,
                     kMonday);
  }
  void answered(const char* prior = "0") {
    assigned(prior);
    item.must(act("answer", values({{"answer", "발급기를 교체했습니다"}})), handler, kWednesday);
  }
  Step rated(const char* rating, const char* prior = "0") {
    answered(prior);
    return item.must(act("rate", values({{"rating", rating}})), satisfaction, kNextWeek);
  }
  // The pending timer of the current state that is due at `due`.
  PendingTimer timer_due(Date due) {
    for (const PendingTimer& t : item.instance().timers) {
      if (t.due == due) return t;
    }
    ADD_FAILURE() << "no timer due at " << to_string(Value{due});
    return {};
  }
  Step compensated() {
    return item.must(act("compensate", values({{"remedy", "발급기 점검 주기를 주 1회로 단축"},
                                               {"compensation", "voucher"},
                                               {"amount", "10,000"}})),
                     satisfaction, kNextWeek);
  }
};

TEST_F(Complaint, HappyPathHandledInTimeAndRatedWell) {
  const Step assign = assigned();
  EXPECT_EQ(item.state(), "handling");
  ASSERT_EQ(assign.notifications.size(), 1u);
  EXPECT_EQ(assign.notifications[0],
            (Notification{"handler@general_affairs",
                          "민원 '주민등록등본 발급 지연'이(가) 총무과에 배정되었습니다 "
                          "(처리기한 7일)"}));
  // The complaint now belongs to 총무과: its handlers and its head wait for it.
  EXPECT_EQ(item.instance().unit, "general_affairs");
  EXPECT_EQ(item.slot("department"), Value{"general_affairs"});
  EXPECT_EQ(assign.waiting_roles, (std::vector<std::string>{"handler", "handler@general_affairs",
                                                            "head@general_affairs"}));
  ASSERT_EQ(item.instance().timers.size(), 2u);  // the reminder at 5 days, the charter at 7
  EXPECT_EQ(item.instance().timers[0].due, days_after(kMonday, 5));
  EXPECT_EQ(item.instance().timers[1].due, days_after(kMonday, 7));

  item.must(act("answer", values({{"answer", "발급기를 교체했습니다"}})), handler, kWednesday);
  EXPECT_EQ(item.state(), "rating");
  ASSERT_EQ(item.instance().timers.size(), 1u);  // the charter's clock stopped; 14 days to rate
  EXPECT_EQ(item.instance().timers[0].due, days_after(kWednesday, 14));

  const Step rate = item.must(act("rate", values({{"rating", "4"}})), satisfaction, kNextWeek);
  EXPECT_TRUE(rate.final);
  EXPECT_EQ(item.state(), "closed");
  EXPECT_EQ(rate.event.route, std::vector<std::string>{"verdict"});
  EXPECT_EQ(item.slot("repeated"), Value{false});
  EXPECT_TRUE(rate.starts.empty());
  std::vector<std::string> kinds;
  for (const HistoryEvent& e : item.history()) kinds.push_back(e.kind + ":" + e.to);
  EXPECT_EQ(kinds, (std::vector<std::string>{"start:receipt", "act:handling", "act:rating",
                                             "act:closed"}));
  for (const Step& s : item.steps()) EXPECT_TRUE(s.starts.empty());
}

TEST_F(Complaint, TheDeadlineRemindsThenEscalatesAndLateHandlingIsCompensated) {
  assigned();
  const Step reminder =
      item.must(fire(timer_due(days_after(kMonday, 5))), system, days_after(kMonday, 5));
  EXPECT_EQ(item.state(), "handling");
  ASSERT_EQ(reminder.notifications.size(), 1u);
  EXPECT_EQ(reminder.notifications[0].message,
            "민원 '주민등록등본 발급 지연'의 처리기한이 2일 남았습니다");

  const Step escalated =
      item.must(fire(timer_due(days_after(kMonday, 7))), system, days_after(kMonday, 7));
  EXPECT_EQ(escalated.event.kind, "timer");
  EXPECT_EQ(escalated.event.action, "escalate");
  EXPECT_EQ(escalated.event.actor, "system");
  EXPECT_EQ(escalated.event.comment, "deadline 7d");
  EXPECT_EQ(item.state(), "late");
  ASSERT_EQ(escalated.notifications.size(), 1u);
  EXPECT_EQ(escalated.notifications[0],
            (Notification{"user:yang.jiho",
                          "민원 '주민등록등본 발급 지연'이(가) 행정서비스 헌장 "
                          "처리기한(7일)을 넘겼습니다"}));

  const Step late_answer =
      item.must(act("answer", values({{"answer", "늦었지만 교체했습니다"}})), handler, kNextWeek);
  EXPECT_EQ(item.state(), "correction");
  ASSERT_EQ(late_answer.notifications.size(), 1u);
  EXPECT_EQ(late_answer.notifications[0].role, "satisfaction");

  const Step done = compensated();
  EXPECT_TRUE(done.final);
  EXPECT_EQ(item.state(), "compensated");
  EXPECT_EQ(done.event.route, std::vector<std::string>{"follow_up"});
  EXPECT_EQ(item.slot("amount"), won(10000));
  EXPECT_EQ(item.slot("compensation"), Value{"voucher"});
}

TEST_F(Complaint, TheDepartmentsHeadMayEscalateByHand) {
  assigned();
  expect_no_step(item, act("escalate"), in_unit(person("kwak.jinsu"), "civil_service"), kWednesday,
                 Refusal::Code::WrongRole, {"'escalate'", "kwak.jinsu"});
  item.must(act("escalate"), head, kWednesday);
  EXPECT_EQ(item.state(), "late");
}

TEST_F(Complaint, AnotherDepartmentsHandlerIsRefusedAndNothingChanges) {
  assigned();
  expect_no_step(item, act("answer", values({{"answer", "보건소에서 답함"}})), other_handler,
                 kWednesday, Refusal::Code::WrongRole, {"'answer'", "ryu.soyoung"});
  EXPECT_EQ(item.state(), "handling");
  item.must(act("answer", values({{"answer", "발급기를 교체했습니다"}})), handler, kWednesday);
}

TEST_F(Complaint, ADepartmentMustBeAUnitOfTheDirectory) {
  received();
  expect_no_step(item, act("assign", values({{"department", "없는과"}})), clerk, kMonday,
                 Refusal::Code::BadValue, {"없는과"});
  EXPECT_TRUE(item.slot("department").is_null());
}

TEST_F(Complaint, APoorRatingIsACharterFailure) {
  const Step rate = rated("2");
  EXPECT_EQ(item.state(), "correction");
  EXPECT_EQ(rate.event.route, std::vector<std::string>{"verdict"});
  EXPECT_FALSE(rate.final);
  const Step done = compensated();
  EXPECT_EQ(item.state(), "compensated");
  EXPECT_TRUE(done.starts.empty());
}

TEST_F(Complaint, ARepeatedComplaintGoesToTheTaskForceWhichStartsAnInnovationTask) {
  const Step rate = rated("4", "2");
  EXPECT_EQ(item.slot("repeated"), Value{true});
  EXPECT_EQ(item.state(), "voc");
  EXPECT_EQ(rate.waiting_roles, std::vector<std::string>{"taskforce"});

  const Step propose =
      item.must(act("propose_task", values({{"improvement", "발급기 이중화"},
                                            {"task_title", "무인발급기 무중단 운영"},
                                            {"task_kpi", "고장 민원 50% 감소"}})),
                taskforce, kNextWeek);
  EXPECT_TRUE(propose.final);
  EXPECT_EQ(item.state(), "improved");
  ASSERT_EQ(propose.starts.size(), 1u);
  const StartOrder expected{"innovation_task",
                            {{"title", Value{"무인발급기 무중단 운영"}},
                             {"area", Value{"customer"}},
                             {"kpi", Value{"고장 민원 50% 감소"}}}};
  EXPECT_EQ(propose.starts[0], expected);

  // The order fits innovation_task: started by the system with these values, it waits in draft.
  Item task{load_workflow("innovation_task.flow")};
  const Step started = task.must(start_request(values({{"title", "무인발급기 무중단 운영"},
                                                       {"area", "customer"},
                                                       {"kpi", "고장 민원 50% 감소"}}),
                                               "innovation_task-1"),
                                 system, kNextWeek);
  EXPECT_EQ(task.state(), "draft");
  EXPECT_EQ(started.waiting_roles, std::vector<std::string>{"proposer"});
  EXPECT_EQ(task.slot("area"), Value{"customer"});
}

TEST_F(Complaint, ARepeatedComplaintRatedPoorlyIsCompensatedThenImproved) {
  rated("1", "3");
  EXPECT_EQ(item.state(), "correction");
  const Step done = compensated();
  EXPECT_EQ(item.state(), "voc");
  EXPECT_FALSE(done.final);
  const Step improve = item.must(act("improve", values({{"improvement", "발급기 점검 일지 작성"}})),
                                 taskforce, kNextWeek);
  EXPECT_EQ(item.state(), "improved");
  EXPECT_TRUE(improve.starts.empty());  // only propose_task starts an innovation task
}

TEST_F(Complaint, TheTaskForceMayDecideNothingChangesWithAReason) {
  rated("5", "2");
  expect_no_step(item, act("no_change"), taskforce, kNextWeek, Refusal::Code::MissingComment,
                 {"'no_change' needs a comment: say why"});
  item.must(act("no_change", {}, "이미 개선 과제가 진행 중"), taskforce, kNextWeek);
  EXPECT_EQ(item.state(), "closed");
}

TEST_F(Complaint, TheWrongRoleIsRefusedAndNothingChanges) {
  received();
  expect_no_step(
      item, act("assign", values({{"department", "총무과"}})), handler, kMonday,
      Refusal::Code::WrongRole,
      {"'assign' needs the role 민원접수 담당 (clerk); you are nam.gihun, holding 처리부서 담당자 "
       "(handler) in 총무과"});
  item.must(act("assign", values({{"department", "총무과"}})), clerk, kMonday);
  expect_no_step(item, act("answer", values({{"answer", "x"}})), clerk, kMonday,
                 Refusal::Code::WrongRole,
                 {"'answer' needs the role 처리부서 담당자 (handler) in the item's unit; you are "
                  "bae.junseo"});
}

TEST_F(Complaint, MissingFieldsAreRefusedAndNothingChanges) {
  item.must(start_request(values({{"title", "가로등 고장"}, {"content", "골목 가로등이 꺼짐"}}),
                          "complaint-1"),
            clerk, kMonday);
  expect_no_step(
      item, act("assign", values({{"department", "총무과"}})), clerk, kMonday,
      Refusal::Code::MissingField,
      {"fill in '민원인' (citizen), '접수 경로' (channel) before 'assign'", "they are required"});
  // The citizen's name is the drafter's field: it may come with 'assign' (a draft's action), but
  // the channel is still missing; a field filled in later by the handler may not.
  expect_no_step(item, act("assign", values({{"department", "총무과"}, {"citizen", "홍길동"}})),
                 clerk, kMonday, Refusal::Code::MissingField,
                 {"fill in '접수 경로' (channel) before 'assign'"});
  EXPECT_EQ(item.state(), "receipt");
  // The clerk completes the receipt, and then it can be assigned.
  item.must(act("amend", values({{"citizen", "홍길동"}, {"channel", "phone"}})), clerk, kMonday);
  item.must(act("assign", values({{"department", "총무과"}})), clerk, kMonday);
  EXPECT_EQ(item.state(), "handling");
}

TEST_F(Complaint, TheDepartmentIsRequiredToAssign) {
  received();
  expect_no_step(item, act("assign"), clerk, kMonday, Refusal::Code::MissingField,
                 {"fill in '처리부서' (department) before 'assign': it is required"});
  expect_no_step(item, act("rate", values({{"rating", "9"}})), satisfaction, kMonday,
                 Refusal::Code::UnknownAction, {"'rate'"});
}

TEST_F(Complaint, ActingTwiceIsRefusedAndNothingChanges) {
  answered();
  expect_no_step(item, act("answer", values({{"answer", "한 번 더"}})), handler, kWednesday,
                 Refusal::Code::UnknownAction, {"'answer'", "시민 만족도 평가 (rating)"});
  EXPECT_EQ(item.slot("answer"), Value{"발급기를 교체했습니다"});
}

TEST_F(Complaint, ActingAfterTheEndIsRefusedAndNothingChanges) {
  rated("4");
  EXPECT_EQ(item.state(), "closed");
  expect_no_step(item, act("rate", values({{"rating", "1"}})), satisfaction, kNextWeek,
                 Refusal::Code::AlreadyFinal,
                 {"the item is already finished: it is in 처리 완료 (closed), where nothing more "
                  "can be done"});
}

TEST_F(Complaint, AnUnratedComplaintClosesAfterTwoWeeks) {
  answered();
  const Step closed =
      item.must(fire(timer_due(days_after(kWednesday, 14))), system, days_after(kWednesday, 14));
  EXPECT_TRUE(closed.final);
  EXPECT_EQ(item.state(), "closed");
  EXPECT_TRUE(item.slot("rating").is_null());
}

}  // namespace
}  // namespace dojang::engine::test_rt
