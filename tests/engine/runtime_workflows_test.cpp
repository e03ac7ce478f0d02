// The procedures shipped in workflows/, walked from start to finish.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kJan = ymd(2024, 1, 15, 1);

// ---- innovation_task.flow --------------------------------------------------------------------

struct RuntimeInnovation : ::testing::Test {
  Item item{load_workflow("innovation_task.flow")};
  Principal proposer = person("kim", {"proposer"});
  Principal office = person("lee", {"office"});
  Principal city = person("seo", {"city"});
  Principal ministry = person("moon", {"ministry"});

  void submit() {
    item.must(
        start_request(values(
            {{"title", "민원 처리 간소화"}, {"area", "process"}, {"kpi", "처리기간 30% 단축"}})),
        proposer, kJan);
    item.must(act("submit"), proposer, kJan);
  }
  void score(const char* each) {
    item.must(act("score", values({{"creativity", each},
                                   {"innovation", each},
                                   {"usefulness", each},
                                   {"difficulty", each},
                                   {"ripple", each}})),
              city, Date{kJan.seconds + kDay});
  }
};

TEST_F(RuntimeInnovation, HappyPathToConfirmed) {
  submit();
  EXPECT_EQ(item.state(), "office_check");
  EXPECT_EQ(item.steps().back().waiting_roles, std::vector<std::string>{"office"});
  item.must(act("forward"), office, kJan);
  EXPECT_EQ(item.state(), "city_review");
  item.must(act("score", values({{"creativity", "15"},
                                 {"innovation", "12"},
                                 {"usefulness", "10"},
                                 {"difficulty", "14"},
                                 {"ripple", "12"}})),
            city, kJan);
  EXPECT_EQ(item.state(), "city_review");  // `score` stays
  EXPECT_EQ(item.slot("total"), Value{63});
  item.must(act("pass"), city, kJan);
  EXPECT_EQ(item.state(), "ministry_consulting");
  const Step last = item.must(act("confirm"), ministry, kJan);
  EXPECT_TRUE(last.final);
  EXPECT_TRUE(last.waiting_roles.empty());
  EXPECT_TRUE(last.instance.timers.empty());
  ASSERT_EQ(last.notifications.size(), 1u);
  EXPECT_EQ(last.notifications[0].role, "user:kim");  // the submitter, not every proposer
  EXPECT_EQ(last.notifications[0].message, "'민원 처리 간소화' 과제가 확정되었습니다");
  std::vector<std::string> kinds;
  for (std::size_t i = 0; i < item.history().size(); ++i) {
    EXPECT_EQ(item.history()[i].seq, static_cast<std::int64_t>(i + 1));
    kinds.push_back(item.history()[i].kind + ":" + item.history()[i].to);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"start:draft", "act:office_check", "act:city_review",
                                             "act:city_review", "act:ministry_consulting",
                                             "act:confirmed"}));
  EXPECT_EQ(item.instance().revision, 6);
}

TEST_F(RuntimeInnovation, PassIsRefusedWithTheTotalItSaw) {
  submit();
  item.must(act("forward"), office, kJan);
  score("11");
  expect_refused(item.apply(act("pass"), city, kJan), Refusal::Code::GuardFalse,
                 {"'total >= 60' does not hold", "total = 55"});
  score("12");
  EXPECT_TRUE(item.apply(act("pass"), city, kJan).has_value());
}

TEST_F(RuntimeInnovation, ScoreRecordsOnlyTheChangedFields) {
  submit();
  item.must(act("forward"), office, kJan);
  score("10");
  const Step step =
      item.must(act("score", values({{"creativity", "10"}, {"ripple", "4"}})), city, kJan);
  ASSERT_EQ(step.event.changes.size(), 1u);
  EXPECT_EQ(step.event.changes[0].first, "ripple");
  EXPECT_EQ(step.event.changes[0].second, Value{4});
  EXPECT_EQ(item.slot("total"), Value{44});
}

TEST_F(RuntimeInnovation, SubmitIsOpenOnlyInItsWindow) {
  item.must(start_request(values({{"title", "t"}, {"area", "process"}, {"kpi", "k"}})), proposer,
            kJan);
  expect_refused(item.apply(act("submit"), proposer, ymd(2024, 3, 1, 1)),
                 Refusal::Code::OutsideWindow, {"01-01 .. 02-28", "03-01"});
  EXPECT_TRUE(item.allowed(proposer, ymd(2024, 3, 1, 1)).empty());
  EXPECT_EQ(item.allowed(proposer, kJan), std::vector<std::string>{"submit"});
}

TEST_F(RuntimeInnovation, SendBackReturnsToDraftWithTheComment) {
  submit();
  const Step step = item.must(act("send_back", {}, "성과지표를 구체적으로"), office, kJan);
  EXPECT_EQ(step.event.kind, "return");
  EXPECT_EQ(step.event.comment, "성과지표를 구체적으로");
  EXPECT_EQ(step.event.from, "office_check");
  EXPECT_EQ(step.event.to, "draft");
  EXPECT_TRUE(item.instance().trail.empty());
  EXPECT_TRUE(item.instance().timers.empty());
}

TEST_F(RuntimeInnovation, OfficeDeadlineNotifiesOnce) {
  submit();
  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer t = item.instance().timers[0];
  EXPECT_EQ(t.due.seconds, kJan.seconds + 14 * kDay);
  const Step step = item.must(fire(t), person("system"), t.due);
  EXPECT_EQ(step.event.kind, "reminder");  // it only notifies: no revision
  EXPECT_EQ(step.event.actor, "system");
  EXPECT_EQ(step.event.action, "deadline 14d");
  EXPECT_EQ(item.state(), "office_check");
  ASSERT_EQ(step.notifications.size(), 1u);
  EXPECT_EQ(step.notifications[0].role, "office");
  EXPECT_EQ(step.notifications[0].message, "'민원 처리 간소화' 검토 기한이 지났습니다");
  EXPECT_TRUE(item.instance().timers.empty());
  expect_refused(item.apply(fire(t), person("system"), t.due), Refusal::Code::TimerGone);
}

// ---- suggestion.flow -------------------------------------------------------------------------

struct RuntimeSuggestion : ::testing::Test {
  Item item{load_workflow("suggestion.flow")};
  Principal proposer = person("kim", {"proposer"});
  Principal screener = person("han", {"screener"});
  Principal office = person("lee", {"office"});
  Principal executor = person("oh", {"executor"});

  void to_committee() {
    item.must(
        start_request(values(
            {{"title", "야간 민원 창구"}, {"summary", "퇴근 후 민원 접수"}, {"kind", "creative"}})),
        proposer, kJan);
    item.must(act("submit"), proposer, kJan);
    item.must(act("accept"), screener, kJan);
  }
  Step judge(const char* who, const char* o, const char* f, const char* e, const char* vote) {
    return item.must(
        review(values({{"originality", o}, {"feasibility", f}, {"effect", e}, {"vote", vote}})),
        person(who, {"judge"}), kJan);
  }
};

TEST_F(RuntimeSuggestion, CommitteeQuorumRoutesThroughTheDecisionToAdopted) {
  to_committee();
  EXPECT_EQ(item.state(), "committee");
  EXPECT_EQ(item.steps().back().waiting_roles, (std::vector<std::string>{"judge"}));
  judge("j1", "38", "27", "27", "approve");
  const Step second = judge("j2", "35", "25", "25", "찬성");
  EXPECT_EQ(item.state(), "committee");  // two of three
  EXPECT_EQ(second.event.kind, "review");
  const Step third = judge("j3", "30", "24", "24", "reject");
  EXPECT_EQ(third.event.from, "committee");
  EXPECT_EQ(third.event.to, "adopted");
  EXPECT_EQ(third.event.route, std::vector<std::string>{"grading"});
  EXPECT_EQ(item.state(), "adopted");
  EXPECT_EQ(item.instance().reviews.size(), 3u);
  EXPECT_EQ(item.slot("average"), Value{85});
  EXPECT_EQ(item.slot("award.grade"), Value{"은상"});
  EXPECT_EQ(item.slot("award.amount"), won(300000));
  EXPECT_EQ(third.waiting_roles, std::vector<std::string>{"office"});

  const Step pay = item.must(act("pay"), office, kJan);
  ASSERT_EQ(pay.notifications.size(), 1u);
  EXPECT_EQ(pay.notifications[0].role, "user:kim");
  EXPECT_EQ(pay.notifications[0].message, "제안 '야간 민원 창구'이(가) 은상으로 채택되었습니다");
  EXPECT_EQ(item.state(), "execution");

  ASSERT_EQ(item.instance().timers.size(), 1u);
  const PendingTimer after = item.instance().timers[0];
  EXPECT_EQ(after.due.seconds, kJan.seconds + 180 * kDay);
  const Step done = item.must(fire(after), person("system"), after.due);
  EXPECT_EQ(done.event.action, "after 180d");
  EXPECT_TRUE(done.final);
  EXPECT_EQ(item.state(), "completed");
  EXPECT_EQ(item.instance().revision, 8);
}

TEST_F(RuntimeSuggestion, OneApprovalIsNotAdopted) {
  to_committee();
  judge("j1", "40", "30", "30", "approve");
  judge("j2", "40", "30", "30", "반대");
  const Step third = judge("j3", "40", "30", "30", "no");
  EXPECT_EQ(item.state(), "not_adopted");
  EXPECT_TRUE(third.final);
  EXPECT_EQ(item.slot("award.grade"), Value{"금상"});
}

TEST_F(RuntimeSuggestion, ReviewValuesAreCheckedAndRecorded) {
  to_committee();
  const Principal j = person("j1", {"judge"});
  expect_refused(
      item.apply(
          review(values(
              {{"originality", "41"}, {"feasibility", "1"}, {"effect", "1"}, {"vote", "approve"}})),
          j, kJan),
      Refusal::Code::BadValue, {"'독창성' needs a number from 0 to 40", "'41'"});
  expect_refused(item.apply(review(values({{"originality", "1"}, {"vote", "maybe"}})), j, kJan),
                 Refusal::Code::BadValue, {"approve or reject"});
  expect_refused(item.apply(review(values({{"originality", "1"}, {"vote", "yes"}})), j, kJan),
                 Refusal::Code::MissingField,
                 {"'실현가능성' (feasibility)", "'기대효과' (effect)"});
  expect_refused(item.apply(review(values({{"charm", "1"}})), j, kJan), Refusal::Code::NotSettable,
                 {"'charm'", "originality, feasibility, effect, vote"});
  const Step step = judge("j1", "10", "20", "30", "yes");
  const std::vector<std::pair<std::string, Value>> recorded{{"review.originality", Value{10}},
                                                            {"review.feasibility", Value{20}},
                                                            {"review.effect", Value{30}},
                                                            {"review.vote", Value{true}}};
  EXPECT_EQ(step.event.changes, recorded);
  EXPECT_EQ(item.instance().reviews.at(0).reviewer, "j1");
}

TEST_F(RuntimeSuggestion, ReviewOutsideACommitteeStepIsUnknown) {
  item.must(start_request(values({{"title", "t"}, {"summary", "s"}, {"kind", "creative"}})),
            proposer, kJan);
  expect_refused(item.apply(review(values({})), person("j1", {"judge"}), kJan),
                 Refusal::Code::UnknownAction, {"nothing is reviewed", "접수 (intake)"});
}

TEST_F(RuntimeSuggestion, ReturnedToIntakeAndSubmittedAgainStartsAFreshCommitteeRound) {
  to_committee();
  judge("j1", "38", "27", "27", "approve");
  // A committee round belongs to the visit of the state: re-entering it starts a new round.
  Instance& in = item.mutable_instance();
  in.state = item.def().state_index("screening");
  item.must(act("accept"), screener, kJan);
  EXPECT_TRUE(item.instance().reviews.empty());
  EXPECT_EQ(item.allowed(person("j1", {"judge"}), kJan), std::vector<std::string>{"review"});
}

}  // namespace
}  // namespace dojang::engine::test_rt
