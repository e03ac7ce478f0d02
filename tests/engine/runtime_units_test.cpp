// The organisation in the engine: roles held in a unit, heads of units, person fields, an item
// routed to another unit, and who waits for the item and hears of it.

#include <algorithm>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

// A complaint assigned to a division, handled by that division's handler, approved by its
// head; the division's manager (held in the bureau above) may close any of its units' items.
constexpr const char* kComplaint = R"flow(
workflow complaint "민원" {
  roles {
    clerk   "민원접수 담당"
    handler "처리부서 담당자" in unit
    manager "부서장" in unit and below
  }
  fields {
    title      "제목"     text required
    department "처리부서" unit
    checker    "확인자"   person
    answer     "답변"     text
  }
  unit from department

  start receipt

  state receipt "접수" {
    on assign by clerk -> handling requires department sets department, checker notify handler "'{title}' {department} 배정"
  }
  state handling "처리" {
    on answer by handler -> approval requires answer sets answer notify submitter "'{title}' 답변 작성"
    on close by manager -> closed
  }
  state approval "결재" {
    on approve by head of unit -> checking notify checker "'{title}' 확인 요청"
    on return by head of unit return_to handling with comment
  }
  state checking "확인" {
    on confirm by checker -> closed notify head of parent unit "'{title}' 처리 완료"
  }
  final closed "완료"
}
)flow";

// 구청 (the district) → 복지국 (a bureau) → 보건소, 총무과; 보건소 → 건강팀 (a team).
Organisation office() {
  return Organisation({{"district", "구청", "", "mayor"},
                       {"welfare", "복지국", "district", "bureau.head"},
                       {"health", "보건소", "welfare", "health.head"},
                       {"health_team", "건강팀", "health", ""},
                       {"general", "총무과", "welfare", "general.head"}});
}

class RuntimeUnits : public ::testing::Test {
 protected:
  std::shared_ptr<const Definition> def = compile_flow("complaint.flow", kComplaint);
  Organisation org = office();
  Date t0 = ymd(2007, 3, 2);

  Principal in(std::string user, std::string unit, std::vector<std::string> roles = {}) {
    Principal p = person(std::move(user), std::move(roles));
    p.unit = std::move(unit);
    p.organisation = &org;
    return p;
  }

  // A complaint received by the clerk and assigned to `unit`.
  Item assigned(const std::string& unit, const std::string& checker = "checker.kim") {
    Item item(def);
    const Principal clerk = in("clerk.bae", "general", {"clerk"});
    item.must(start_request(values({{"title", "소음"}})), clerk, t0);
    item.must(act("assign", {{"department", unit}, {"checker", checker}}), clerk, t0);
    return item;
  }
};

TEST_F(RuntimeUnits, AnItemIsInItsDraftersUnitUntilItIsRouted) {
  Item item(def);
  const Principal clerk = in("clerk.bae", "general", {"clerk"});
  const Step started = item.must(start_request(values({{"title", "소음"}})), clerk, t0);
  EXPECT_EQ(started.instance.unit, "general");
  EXPECT_EQ(started.instance.drafted_in, "general");
  // `unit from department`: the division it is assigned to, chosen by its name here.
  const Step routed = item.must(act("assign", values({{"department", "보건소"}})), clerk, t0);
  EXPECT_EQ(routed.instance.unit, "health");
  EXPECT_EQ(routed.instance.drafted_in, "general");
  EXPECT_EQ(item.slot("department"), Value{"health"});
}

TEST_F(RuntimeUnits, AUnitTheDirectoryDoesNotHaveIsRefused) {
  Item item(def);
  const Principal clerk = in("clerk.bae", "general", {"clerk"});
  item.must(start_request(values({{"title", "소음"}})), clerk, t0);
  expect_refused(item.apply(act("assign", values({{"department", "보건쏘"}})), clerk, t0),
                 Refusal::Code::BadValue, {"처리부서", "보건쏘", "unit of the directory"});
  EXPECT_EQ(item.instance().revision, 1);
  EXPECT_EQ(item.instance().unit, "general");
}

TEST_F(RuntimeUnits, AHandlerActsOnlyOnItemsOfTheirOwnUnit) {
  Item item = assigned("health");
  const Principal other = in("handler.nam", "general", {"handler@general"});
  expect_refused(item.apply(act("answer", values({{"answer", "조치함"}})), other, t0),
                 Refusal::Code::WrongRole, {"in the item's unit"});
  EXPECT_EQ(item.instance().revision, 2);
  // A handler of 보건소 may; an office-wide holder of the role too.
  const Principal own = in("handler.ryu", "health", {"handler@health"});
  EXPECT_EQ(allowed_actions(*def, item.instance(), own, t0), std::vector<std::string>{"answer"});
  const Principal everywhere = in("handler.any", "general", {"handler"});
  EXPECT_EQ(allowed_actions(*def, item.instance(), everywhere, t0),
            std::vector<std::string>{"answer"});
  item.must(act("answer", values({{"answer", "조치함"}})), own, t0);
  EXPECT_EQ(item.state(), "approval");
}

TEST_F(RuntimeUnits, InUnitAndBelowReachesTheUnitsUnderTheHoldersUnit) {
  Item item = assigned("health_team");
  // The manager of 복지국 closes an item of 건강팀 (under 보건소, under 복지국); the manager of
  // 총무과 (a sibling) may not.
  const Principal sibling = in("manager.gen", "general", {"manager@general"});
  expect_refused(item.apply(act("close"), sibling, t0), Refusal::Code::WrongRole);
  const Principal bureau = in("manager.wel", "welfare", {"manager@welfare"});
  item.must(act("close"), bureau, t0);
  EXPECT_EQ(item.state(), "closed");
}

TEST_F(RuntimeUnits, TheHeadOfTheItemsUnitApprovesAndOnlyThey) {
  Item item = assigned("health");
  item.must(act("answer", values({{"answer", "조치함"}})), in("h", "health", {"handler@health"}),
            t0);
  expect_refused(item.apply(act("approve"), in("general.head", "general"), t0),
                 Refusal::Code::WrongRole, {"head of the item's unit"});
  // The head's deputy approves for them (대결).
  Principal deputy = in("deputy.lee", "health");
  deputy.acting_for.push_back({"health.head", {}});
  const Step approved = item.must(act("approve"), deputy, t0);
  EXPECT_EQ(approved.event.on_behalf_of, "health.head");
  EXPECT_EQ(item.state(), "checking");
}

TEST_F(RuntimeUnits, AUnitWithoutAHeadPassesToTheHeadAbove) {
  Item item = assigned("health_team");  // 건강팀 has no head: 보건소's head approves
  item.must(act("answer", values({{"answer", "조치함"}})), in("h", "health", {"handler"}), t0);
  const std::vector<std::string>& waiting = item.steps().back().waiting_roles;
  EXPECT_NE(std::find(waiting.begin(), waiting.end(), "head@health"), waiting.end());
  item.must(act("approve"), in("health.head", "health"), t0);
}

TEST_F(RuntimeUnits, NobodyApprovesTheirOwnDocument) {
  // The head of 보건소 drafts a complaint of his own unit: the head above approves.
  Item item(def);
  const Principal head = in("health.head", "health", {"clerk", "handler"});
  item.must(start_request(values({{"title", "소음"}})), head, t0);
  item.must(act("assign", values({{"department", "health"}})), head, t0);
  item.must(act("answer", values({{"answer", "조치함"}})), head, t0);
  expect_refused(item.apply(act("approve"), head, t0), Refusal::Code::WrongRole);
  item.must(act("approve"), in("bureau.head", "welfare"), t0);
}

TEST_F(RuntimeUnits, APersonFieldNamesWhoActsAndWhoHears) {
  Item item = assigned("health", "checker.kim");
  item.must(act("answer", values({{"answer", "조치함"}})), in("h", "health", {"handler@health"}),
            t0);
  const Step approved = item.must(act("approve"), in("health.head", "health"), t0);
  // The checker is told, and the item waits for them by name.
  ASSERT_EQ(approved.notifications.size(), 1U);
  EXPECT_EQ(approved.notifications[0].role, "user:checker.kim");
  EXPECT_EQ(approved.waiting_roles, std::vector<std::string>{"user:checker.kim"});
  expect_refused(item.apply(act("confirm"), in("someone", "health", {"handler"}), t0),
                 Refusal::Code::WrongRole, {"확인자"});
  const Step confirmed = item.must(act("confirm"), in("checker.kim", "general"), t0);
  // The head of the unit above 보건소 (복지국) hears that it is done.
  ASSERT_EQ(confirmed.notifications.size(), 1U);
  EXPECT_EQ(confirmed.notifications[0].role, "user:bureau.head");
}

TEST_F(RuntimeUnits, TheInboxKeysAndNotificationsAreScopedToTheUnit) {
  Item item = assigned("health");
  const Step& assign = item.steps().back();
  // Handlers of 보건소 (and office-wide handlers) are told; nobody else.
  ASSERT_EQ(assign.notifications.size(), 1U);
  EXPECT_EQ(assign.notifications[0].role, "handler@health");
  EXPECT_EQ(assign.notifications[0].message, "'소음' 보건소 배정");  // the unit by its name
  // Waiting: the handler in 보건소 (or office-wide), the manager in 보건소 or any unit above it.
  EXPECT_EQ(assign.waiting_roles,
            (std::vector<std::string>{"handler", "handler@health", "manager", "manager@district",
                                      "manager@health", "manager@welfare"}));
  const Step answered =
      item.must(act("answer", values({{"answer", "조치함"}})), in("h", "health", {"handler"}), t0);
  ASSERT_EQ(answered.notifications.size(), 1U);
  EXPECT_EQ(answered.notifications[0].role, "user:clerk.bae");  // notify submitter
}

TEST_F(RuntimeUnits, WithoutAnOrganisationInUnitRolesAreOfficeWideOnly) {
  Item item(def);
  Principal clerk = person("clerk.bae", {"clerk"});
  item.must(start_request(values({{"title", "소음"}})), clerk, t0);
  item.must(act("assign", values({{"department", "health"}})), clerk, t0);
  EXPECT_EQ(item.instance().unit, "health");  // taken as written: no directory to check it
  expect_refused(
      item.apply(act("answer", values({{"answer", "x"}})), person("h", {"handler@general"}), t0),
      Refusal::Code::WrongRole);
  item.must(act("answer", values({{"answer", "x"}})), person("h", {"handler@health"}), t0);
  // No organisation: nobody is the head of a unit.
  expect_refused(item.apply(act("approve"), person("health.head"), t0), Refusal::Code::WrongRole);
}

}  // namespace
}  // namespace dojang::engine::test_rt
