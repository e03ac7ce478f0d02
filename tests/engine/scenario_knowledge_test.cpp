// P3 지식관리 (workflows/knowledge.flow), walked through the engine: registration, the knowledge
// experts' rating, core knowledge chosen by the average, and a reward by the table when it is used.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2007, 3, 5, 1);
const Date kLater = ymd(2007, 3, 9, 1);

TEST(KnowledgeFlow, ValidatesWithoutWarnings) {
  const std::shared_ptr<const Definition> compiled =
      load_workflow("knowledge.flow", Warnings::Refused);
  ASSERT_TRUE(compiled);
  const Definition& def = *compiled;
  EXPECT_EQ(def.label, "지식관리");
  const StateDef& rating = def.states.at(def.state_index("rating"));
  ASSERT_TRUE(rating.review.has_value());
  EXPECT_EQ(rating.review->quorum, 3);
  EXPECT_EQ(rating.review->criteria.size(), 3u);
  EXPECT_EQ(rating.review->then_target, def.state_index("selection"));
  EXPECT_EQ(def.states.at(def.state_index("selection")).kind, StateKind::Decision);
  ASSERT_EQ(def.tables.size(), 1u);
  EXPECT_EQ(def.tables[0].hit, HitPolicy::Unique);
  EXPECT_EQ(def.roles.at(def.role_index("expert")).label, "지식전문가");
}

struct Knowledge : ::testing::Test {
  Item item{load_workflow("knowledge.flow")};
  Principal author = person("kim", {"staff"});
  Principal office = person("lee", {"office"});
  Principal user = person("oh", {"user"});

  static Principal expert(const char* name) { return person(name, {"expert"}); }

  void start() {
    item.must(start_request(values({{"title", "민원 서식 작성 요령"},
                                    {"category", "work"},
                                    {"content", "자주 틀리는 서식 항목과 예시"}})),
              author, kNow);
  }
  void registered() {
    start();
    item.must(act("register"), author, kNow);
  }
  Step rate(const char* who, const char* accuracy, const char* usefulness,
            const char* originality) {
    return item.must(
        review(values(
            {{"accuracy", accuracy}, {"usefulness", usefulness}, {"originality", originality}})),
        expert(who), kLater);
  }
  // Three experts whose averages are 28 + 37 + 26 = 91.
  Step rated_as_core() {
    registered();
    rate("e1", "28", "38", "27");
    rate("e2", "27", "36", "25");
    return rate("e3", "29", "37", "26");
  }
  void use_reported(const char* uses = "12") {
    rated_as_core();
    item.must(act("report_use", values({{"uses", uses}, {"usage", "민원실 서식 안내에 활용"}})),
              user, kLater);
  }
};

TEST_F(Knowledge, HappyPathFromRegistrationToReward) {
  const Step registered_step = [&] {
    start();
    return item.must(act("register"), author, kNow);
  }();
  EXPECT_EQ(registered_step.event.from, "draft");
  EXPECT_EQ(registered_step.event.to, "rating");
  EXPECT_EQ(registered_step.waiting_roles, (std::vector<std::string>{"expert", "office"}));
  rate("e1", "28", "38", "27");
  rate("e2", "27", "36", "25");
  const Step third = rate("e3", "29", "37", "26");
  EXPECT_EQ(third.event.kind, "review");
  EXPECT_EQ(third.event.actor, "e3");
  EXPECT_EQ(third.event.from, "rating");
  EXPECT_EQ(third.event.to, "core");
  EXPECT_EQ(third.event.route, std::vector<std::string>{"selection"});
  EXPECT_EQ(item.slot("quality"), Value{91});
  EXPECT_EQ(third.waiting_roles, std::vector<std::string>{"user"});

  const Step use =
      item.must(act("report_use", values({{"uses", "12"}, {"usage", "민원실 서식 안내에 활용"}})),
                user, kLater);
  EXPECT_EQ(item.state(), "reward_review");
  const std::vector<std::pair<std::string, Value>> changes{
      {"uses", Value{12}}, {"usage", Value{"민원실 서식 안내에 활용"}}};
  EXPECT_EQ(use.event.changes, changes);
  EXPECT_EQ(item.slot("reward.grade"), Value{"최우수"});
  EXPECT_EQ(item.slot("reward.amount"), won(300000));

  const Step paid = item.must(act("pay"), office, kLater);
  EXPECT_TRUE(paid.final);
  EXPECT_EQ(item.state(), "rewarded");
  ASSERT_EQ(paid.notifications.size(), 1u);
  EXPECT_EQ(
      paid.notifications[0],
      (Notification{"user:kim", "'민원 서식 작성 요령' 핵심지식 활용 보상: 최우수, 300,000원"}));
  EXPECT_TRUE(item.instance().timers.empty());

  std::vector<std::string> kinds;
  for (const HistoryEvent& e : item.history()) kinds.push_back(e.kind + ":" + e.to);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"start:draft", "act:rating", "review:rating", "review:rating",
                                      "review:core", "act:reward_review", "act:rewarded"}));
  EXPECT_EQ(item.instance().revision, 7);
}

TEST_F(Knowledge, FewerUsesEarnALowerGrade) {
  use_reported("3");
  EXPECT_EQ(item.slot("reward.grade"), Value{"우수"});
  EXPECT_EQ(item.slot("reward.amount"), won(200000));
}

TEST_F(Knowledge, GoodButNotCoreKnowledgeIsShared) {
  registered();
  rate("e1", "20", "28", "20");
  rate("e2", "20", "28", "20");
  const Step third = rate("e3", "20", "28", "20");
  EXPECT_EQ(item.slot("quality"), Value{68});
  EXPECT_EQ(third.event.route, std::vector<std::string>{"selection"});
  EXPECT_EQ(item.state(), "shared");
  EXPECT_TRUE(third.final);
  EXPECT_EQ(item.slot("reward.grade"), Value{"해당 없음"});
}

TEST_F(Knowledge, WeakKnowledgeIsImprovedAndRatedAgainInAFreshRound) {
  registered();
  rate("e1", "15", "20", "15");
  rate("e2", "15", "20", "15");
  rate("e3", "15", "20", "15");
  EXPECT_EQ(item.slot("quality"), Value{50});
  EXPECT_EQ(item.state(), "supplement");
  // Only the author resubmits, and says what was improved.
  expect_no_step(item, act("resubmit"), office, kLater, Refusal::Code::WrongRole,
                 {"the submitter"});
  expect_no_step(item, act("resubmit", values({{"content", "예시 보강"}})), author, kLater,
                 Refusal::Code::MissingComment, {"'resubmit' needs a comment"});
  const Step again =
      item.must(act("resubmit", values({{"content", "예시 보강"}}), "예시 추가"), author, kLater);
  EXPECT_EQ(again.event.comment, "예시 추가");
  EXPECT_EQ(item.state(), "rating");
  EXPECT_TRUE(item.instance().reviews.empty());
  EXPECT_TRUE(item.slot("quality").is_null());
  EXPECT_EQ(item.slot("content"), Value{"예시 보강"});
  EXPECT_EQ(item.allowed(expert("e1"), kLater), std::vector<std::string>{"review"});
}

TEST_F(Knowledge, UnimprovedKnowledgeIsWithdrawnAfterThirtyDays) {
  registered();
  for (const char* e : {"e1", "e2", "e3"}) rate(e, "10", "10", "10");
  ASSERT_EQ(item.state(), "supplement");
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer after = item.instance().timers[0];
  EXPECT_EQ(after.due.seconds, kLater.seconds + 30 * kDay);
  const Step step = item.must(fire(after), person("system"), after.due);
  EXPECT_EQ(step.event.kind, "timer");
  EXPECT_EQ(step.event.action, "after 30d");
  EXPECT_EQ(step.event.actor, "system");
  EXPECT_EQ(item.state(), "withdrawn");
  EXPECT_TRUE(step.final);
}

TEST_F(Knowledge, UnusedCoreKnowledgeIsArchivedAfterAYear) {
  rated_as_core();
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer after = item.instance().timers[0];
  EXPECT_EQ(after.due.seconds, kLater.seconds + 365 * kDay);
  item.must(fire(after), person("system"), after.due);
  EXPECT_EQ(item.state(), "archived");
}

TEST_F(Knowledge, WithoutTheQuorumTheItemWaitsInRating) {
  registered();
  rate("e1", "28", "38", "27");
  const Step second = rate("e2", "27", "36", "25");
  EXPECT_EQ(item.state(), "rating");
  EXPECT_TRUE(second.event.route.empty());
  EXPECT_EQ(item.slot("quality"), Value{90.5});  // 27.5 + 37 + 26, from two reviews
  EXPECT_EQ(item.instance().reviews.size(), 2u);
  EXPECT_TRUE(item.allowed(expert("e1"), kLater).empty());
  expect_no_step(item,
                 review(values({{"accuracy", "1"}, {"usefulness", "1"}, {"originality", "1"}})),
                 expert("e1"), kLater, Refusal::Code::AlreadyReviewed, {"already reviewed"});
  EXPECT_EQ(item.allowed(expert("e3"), kLater), std::vector<std::string>{"review"});
}

TEST_F(Knowledge, OfficeSendsBackWithACommentAndTheNextRoundStartsAfresh) {
  registered();
  rate("e1", "28", "38", "27");
  expect_no_step(item, act("send_back"), office, kLater, Refusal::Code::MissingComment);
  const Step back = item.must(act("send_back", {}, "출처를 밝혀 주세요"), office, kLater);
  EXPECT_EQ(back.event.kind, "return");
  EXPECT_EQ(back.event.action, "send_back");
  EXPECT_EQ(back.event.actor, "lee");
  EXPECT_EQ(back.event.from, "rating");
  EXPECT_EQ(back.event.to, "draft");
  EXPECT_EQ(back.event.comment, "출처를 밝혀 주세요");
  EXPECT_TRUE(item.instance().trail.empty());
  EXPECT_TRUE(item.instance().timers.empty());
  item.must(act("register"), author, kLater);
  EXPECT_TRUE(item.instance().reviews.empty());
  EXPECT_EQ(item.allowed(expert("e1"), kLater), std::vector<std::string>{"review"});
}

TEST_F(Knowledge, RejectedKnowledgeEndsAndNothingMoreCanBeDone) {
  registered();
  expect_no_step(item, act("reject"), office, kLater, Refusal::Code::MissingComment);
  const Step step = item.must(act("reject", {}, "저작권 문제"), office, kLater);
  EXPECT_TRUE(step.final);
  EXPECT_EQ(item.state(), "rejected");
  EXPECT_EQ(step.event.comment, "저작권 문제");
  expect_no_step(item, act("send_back", {}, "x"), office, kLater, Refusal::Code::AlreadyFinal,
                 {"반려 (rejected)"});
  expect_no_step(item, review(values({{"accuracy", "1"}})), expert("e1"), kLater,
                 Refusal::Code::AlreadyFinal);
  expect_no_step(item, recall_request(), author, kLater, Refusal::Code::AlreadyFinal);
}

TEST_F(Knowledge, TheAuthorRecallsBeforeTheExpertsRate) {
  registered();
  EXPECT_EQ(item.allowed(author, kNow), std::vector<std::string>{"recall"});
  expect_no_step(item, recall_request(), person("park", {"staff"}), kNow,
                 Refusal::Code::NotRecallable, {"only kim"});
  const Step step = item.must(recall_request(), author, kNow);
  EXPECT_EQ(step.event.kind, "recall");
  EXPECT_EQ(step.event.from, "rating");
  EXPECT_EQ(step.event.to, "draft");
  EXPECT_TRUE(item.instance().timers.empty());
  EXPECT_TRUE(item.instance().trail.empty());
}

TEST_F(Knowledge, NoRecallOnceAnExpertHasRated) {
  registered();
  rate("e1", "28", "38", "27");
  expect_no_step(item, recall_request(), author, kLater, Refusal::Code::NotRecallable);
}

TEST_F(Knowledge, ALateRatingIsEscalatedToTheOffice) {
  registered();
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer deadline = item.instance().timers[0];
  EXPECT_EQ(deadline.due.seconds, kNow.seconds + 14 * kDay);
  const Step step = item.must(fire(deadline), person("system"), deadline.due);
  EXPECT_EQ(step.event.kind, "reminder");
  EXPECT_EQ(step.event.action, "deadline 14d");
  EXPECT_EQ(item.state(), "rating");
  ASSERT_EQ(step.notifications.size(), 1u);
  EXPECT_EQ(step.notifications[0],
            (Notification{"office", "지식 '민원 서식 작성 요령'의 품질 평가가 늦어지고 있습니다"}));
  expect_no_step(item, fire(deadline), person("system"), deadline.due, Refusal::Code::TimerGone);
}

TEST_F(Knowledge, DeputiesRateAndPayForAbsentMembers) {
  registered();
  rate("e1", "28", "38", "27");
  rate("e2", "27", "36", "25");
  const Principal deputy = person("sub", {"staff"}, {{"e3", {"expert"}}});
  const Step step =
      item.must(review(values({{"accuracy", "29"}, {"usefulness", "37"}, {"originality", "26"}})),
                deputy, kLater);
  EXPECT_EQ(step.event.actor, "sub");
  EXPECT_EQ(step.event.on_behalf_of, "e3");
  EXPECT_EQ(item.instance().reviews.at(2).member(), "e3");
  EXPECT_EQ(item.state(), "core");
  item.must(act("report_use", values({{"uses", "12"}, {"usage", "활용"}})), user, kLater);
  const Step paid = item.must(act("pay"), person("acting", {}, {{"lee", {"office"}}}), kLater);
  EXPECT_EQ(paid.event.actor, "acting");
  EXPECT_EQ(paid.event.on_behalf_of, "lee");
  EXPECT_EQ(item.state(), "rewarded");
}

TEST_F(Knowledge, TheAuthorMayNotPayTheirOwnReward) {
  author = person("kim", {"staff", "office"});
  use_reported();
  expect_no_step(item, act("pay"), author, kLater, Refusal::Code::FourEyes,
                 {"separation of duties", "you submitted it"});
  expect_no_step(item, act("pay"), person("x", {}, {{"kim", {"office"}}}), kLater,
                 Refusal::Code::FourEyes, {"you act for kim"});
  EXPECT_EQ(item.allowed(author, kLater), std::vector<std::string>{"send_back"});
}

TEST_F(Knowledge, OnlyTheRightRolesAct) {
  start();
  expect_no_step(item, act("register"), expert("e1"), kNow, Refusal::Code::WrongRole,
                 {"직원 (staff)"});
  item.must(act("register"), author, kNow);
  expect_no_step(item, act("send_back", {}, "x"), author, kNow, Refusal::Code::WrongRole,
                 {"혁신기획단 (office)"});
  expect_no_step(item, review(values({{"accuracy", "1"}})), office, kNow,
                 Refusal::Code::NotReviewer, {"지식전문가 (expert)"});
  expect_no_step(item, act("report_use"), user, kNow, Refusal::Code::UnknownAction,
                 {"'report_use' is not an action of 지식품질 평가 (rating)"});
}

TEST_F(Knowledge, RequiredFieldsMustBeFilledBeforeRegistering) {
  item.must(start_request(values({{"title", "제목만"}, {"category", "idea"}})), author, kNow);
  expect_no_step(item, act("register"), author, kNow, Refusal::Code::MissingField,
                 {"'지식 내용' (content)"});
  expect_no_step(item, start_request(values({{"category", "manual"}})), author, kNow,
                 Refusal::Code::BadValue, {"one of work, idea, learning"});
}

TEST_F(Knowledge, ScoresOutsideTheirRangeAreRefused) {
  registered();
  expect_no_step(
      item, review(values({{"accuracy", "31"}, {"usefulness", "20"}, {"originality", "20"}})),
      expert("e1"), kLater, Refusal::Code::BadValue, {"'정확성' needs a number from 0 to 30"});
  expect_no_step(item, review(values({{"accuracy", "30"}, {"usefulness", "20"}})), expert("e1"),
                 kLater, Refusal::Code::MissingField, {"'독창성' (originality)"});
}

TEST_F(Knowledge, AUseMustBeReportedWithItsCount) {
  rated_as_core();
  expect_no_step(item, act("report_use", values({{"usage", "활용"}})), user, kLater,
                 Refusal::Code::MissingField, {"'업무 활용 건수' (uses)"});
  expect_no_step(item, act("report_use", values({{"uses", "0"}, {"usage", "활용"}})), user, kLater,
                 Refusal::Code::GuardFalse, {"'uses >= 1' does not hold", "uses = 0"});
  expect_no_step(item, act("report_use", values({{"uses", "1"}, {"title", "새 제목"}})), user,
                 kLater, Refusal::Code::NotSettable, {"does not set '지식명'"});
}

TEST_F(Knowledge, TheOfficeSendsADoubtfulUseReportBack) {
  use_reported();
  const Step back = item.must(act("send_back", {}, "활용 증빙 필요"), office, kLater);
  EXPECT_EQ(back.event.kind, "return");
  EXPECT_EQ(item.state(), "core");
  EXPECT_EQ(trail_names(item), (std::vector<std::string>{"draft", "rating"}));
}

}  // namespace
}  // namespace dojang::engine::test_rt
