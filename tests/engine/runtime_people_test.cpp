// People: deputies acting for an absent approver (대결), who may start, what each person sees.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2024, 4, 1, 2);
const Principal kClerk = person("kim", {"clerk"});
const Principal kBoss = person("park", {"boss"});

Item submitted_purchase() {
  Item item(purchase());
  item.must(start_request(values({{"title", "복사기"}, {"amount", "300"}})), kClerk, kNow);
  item.must(act("submit"), kClerk, kNow);
  return item;
}

TEST(RuntimePeople, ADeputyActsForTheAbsentApprover) {
  Item item = submitted_purchase();
  const Principal deputy = person("lee", {"clerk"}, {{"park", {"boss"}}});
  const Step step = item.must(act("approve"), deputy, kNow);
  EXPECT_EQ(step.event.actor, "lee");
  EXPECT_EQ(step.event.on_behalf_of, "park");
  EXPECT_EQ(item.state(), "small");
}

TEST(RuntimePeople, ADirectRoleWinsOverDeputising) {
  Item item = submitted_purchase();
  const Principal both = person("jung", {"boss"}, {{"park", {"boss"}}});
  const Step step = item.must(act("approve"), both, kNow);
  EXPECT_EQ(step.event.actor, "jung");
  EXPECT_EQ(step.event.on_behalf_of, "");
}

TEST(RuntimePeople, ActingForSomeoneWithoutTheRoleIsNotEnough) {
  Item item = submitted_purchase();
  const Principal deputy = person("lee", {}, {{"oh", {"head"}}});
  expect_refused(item.apply(act("approve"), deputy, kNow), Refusal::Code::WrongRole,
                 {"과장 (boss)", "acting for oh", "국장 (head)"});
  EXPECT_TRUE(item.allowed(deputy, kNow).empty());
}

TEST(RuntimePeople, ADeputyReviewsOncePerRound) {
  Item item(load_workflow("suggestion.flow"));
  const Principal p = person("kim", {"proposer"});
  item.must(start_request(values({{"title", "t"}, {"summary", "s"}, {"kind", "creative"}})), p,
            kNow);
  item.must(act("submit"), p, kNow);
  item.must(act("accept"), person("han", {"screener"}), kNow);
  const auto scores =
      values({{"originality", "30"}, {"feasibility", "20"}, {"effect", "20"}, {"vote", "approve"}});
  const Principal d = person("d", {"judge"}, {{"j9", {"judge"}}});
  const Step own = item.must(review(scores), d, kNow);
  EXPECT_EQ(own.event.on_behalf_of, "");
  EXPECT_EQ(item.instance().reviews.back().reviewer, "d");
  // One review per round from each person: a deputy who is a judge does not add j9's too.
  EXPECT_TRUE(item.allowed(d, kNow).empty());
  expect_refused(item.apply(review(scores), d, kNow), Refusal::Code::AlreadyReviewed);
  // A deputy who is no judge gives j9's review, recorded as given for j9.
  const Step other = item.must(review(scores), person("lee", {}, {{"j9", {"judge"}}}), kNow);
  EXPECT_EQ(other.event.actor, "lee");
  EXPECT_EQ(other.event.on_behalf_of, "j9");
  EXPECT_EQ(item.instance().reviews.back().reviewer, "lee");
  EXPECT_EQ(item.instance().reviews.back().on_behalf_of, "j9");
  // j9 back at work: their review is already in.
  expect_refused(item.apply(review(scores), person("j9", {"judge"}), kNow),
                 Refusal::Code::AlreadyReviewed);
}

TEST(RuntimePeople, AnyoneMayStartAndBecomesTheSubmitter) {
  Item item(purchase());
  const Step step = item.must(start_request({}, "P-7"), person("nobody-special"), kNow);
  EXPECT_EQ(step.instance.submitter, "nobody-special");
  EXPECT_EQ(step.instance.id, "P-7");
  EXPECT_EQ(step.instance.workflow, "purchase");
  EXPECT_EQ(step.event.actor, "nobody-special");
  const Outcome nobody = apply(*purchase(), Instance{}, start_request(), person(""), kNow);
  expect_refused(nobody, Refusal::Code::WrongRole, {"say who"});
}

TEST(RuntimePeople, AllowedActionsFollowRolesSeparationAndRecall) {
  Item item = submitted_purchase();
  EXPECT_EQ(item.allowed(kBoss, kNow),
            (std::vector<std::string>{"approve", "expedite", "back", "reject", "rate", "close"}));
  EXPECT_EQ(item.allowed(kClerk, kNow), std::vector<std::string>{"recall"});
  // The submitter holding the boss role too sees no approve (separation of duties).
  const Principal kim_boss = person("kim", {"clerk", "boss"});
  EXPECT_EQ(item.allowed(kim_boss, kNow),
            (std::vector<std::string>{"expedite", "back", "reject", "rate", "close", "recall"}));
  const Principal deputy = person("lee", {}, {{"park", {"boss"}}});
  EXPECT_EQ(item.allowed(deputy, kNow), item.allowed(kBoss, kNow));
  item.must(act("close", {}, "중복"), kBoss, kNow);
  EXPECT_TRUE(item.allowed(kBoss, kNow).empty());
  EXPECT_TRUE(item.allowed(kClerk, kNow).empty());
}

TEST(RuntimePeople, AllowedActionsOnAnInstanceOfAnotherShapeIsEmpty) {
  Instance broken;
  broken.state = 99;
  EXPECT_TRUE(allowed_actions(*purchase(), broken, kBoss, kNow).empty());
  expect_refused(apply(*purchase(), broken, act("approve"), kBoss, kNow),
                 Refusal::Code::UnknownAction, {"does not have"});
}

}  // namespace
}  // namespace dojang::engine::test_rt
