// Committees: no member reviews their own item, a deputy casts one review per round, declared
// conflicts of interest exclude a member, blind scoring hides others' reviews until the quorum.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2024, 4, 1, 2);

Request recuse(std::string comment, std::vector<Assignment> set = {}) {
  Request r;
  r.kind = Request::Kind::Review;
  r.action = "recuse";
  r.comment = std::move(comment);
  r.set = std::move(set);
  return r;
}

std::vector<Assignment> scores(const char* vote = "approve") {
  return values({{"originality", "30"}, {"feasibility", "20"}, {"effect", "20"}, {"vote", vote}});
}

class Committee : public ::testing::Test {
 protected:
  Item item{load_workflow("suggestion.flow")};

  // A suggestion by `author` (with `roles`), accepted by the screener: in the committee.
  void to_committee(const Principal& author = person("kim", {"proposer"})) {
    item.must(start_request(values({{"title", "t"}, {"summary", "s"}, {"kind", "creative"}})),
              author, kNow);
    item.must(act("submit"), author, kNow);
    item.must(act("accept"), person("han", {"screener"}), kNow);
    ASSERT_EQ(item.state(), "committee");
  }
  static Principal judge(const char* user) { return person(user, {"judge"}); }
};

TEST_F(Committee, AJudgeNeverReviewsHerOwnSuggestion) {
  const Principal author = person("j1", {"proposer", "judge"});
  to_committee(author);
  expect_no_step(item, review(scores()), author, kNow, Refusal::Code::FourEyes,
                 {"you submitted this item", "never reviews their own item"});
  EXPECT_TRUE(item.allowed(author, kNow).empty());
  // Nor does her deputy give her review, and nor does she, standing in for another judge.
  const Principal deputy = person("d", {}, {{"j1", {"judge"}}});
  expect_no_step(item, review(scores()), deputy, kNow, Refusal::Code::FourEyes,
                 {"j1 submitted this item"});
  const Principal standing_in = person("j1", {"proposer", "judge"}, {{"j2", {"judge"}}});
  expect_no_step(item, review(scores()), standing_in, kNow, Refusal::Code::FourEyes);
  // She cannot make up the quorum by recusing either: she is out already; the others decide.
  for (const char* j : {"j2", "j3", "j4"}) item.must(review(scores()), judge(j), kNow);
  EXPECT_EQ(item.state(), "adopted");
}

TEST_F(Committee, ADeputyWhoIsAlsoAJudgeReviewsOnceNotTwice) {
  to_committee();
  const Principal d = person("d", {"judge"}, {{"j9", {"judge"}}});
  const Step own = item.must(review(scores()), d, kNow);
  EXPECT_EQ(own.event.on_behalf_of, "");
  EXPECT_EQ(item.instance().reviews.back().reviewer, "d");
  EXPECT_EQ(item.instance().reviews.back().on_behalf_of, "");
  EXPECT_TRUE(item.allowed(d, kNow).empty());
  expect_no_step(item, review(scores()), d, kNow, Refusal::Code::AlreadyReviewed,
                 {"(your own review)", "the absent member's or their own, not both"});
  // j9, back at work, gives their own review.
  item.must(review(scores()), judge("j9"), kNow);
  EXPECT_EQ(item.instance().reviews.size(), 2u);
}

TEST_F(Committee, ADeputyGivingTheAbsentMembersReviewCannotAddTheirOwn) {
  to_committee();
  const Principal d = person("d", {"judge"}, {{"j9", {"judge"}}});
  // d's own review first is the default; to give j9's, d must have none: j9's review is given
  // by a deputy who is not a judge.
  const Principal lee = person("lee", {}, {{"j9", {"judge"}}});
  const Step step = item.must(review(scores()), lee, kNow);
  EXPECT_EQ(step.event.actor, "lee");
  EXPECT_EQ(step.event.on_behalf_of, "j9");
  const ReviewRecord& r = item.instance().reviews.back();
  EXPECT_EQ(r.reviewer, "lee");
  EXPECT_EQ(r.on_behalf_of, "j9");
  EXPECT_EQ(r.member(), "j9");
  expect_no_step(item, review(scores()), lee, kNow, Refusal::Code::AlreadyReviewed, {"(for j9)"});
  expect_no_step(item, review(scores()), judge("j9"), kNow, Refusal::Code::AlreadyReviewed,
                 {"already reviewed", "given by lee standing in"});
  // d, judge and j9's deputy: j9's review is in, d gives their own, once.
  item.must(review(scores()), d, kNow);
  EXPECT_EQ(item.instance().reviews.back().on_behalf_of, "");
  expect_no_step(item, review(scores()), d, kNow, Refusal::Code::AlreadyReviewed);
}

TEST_F(Committee, ADeclaredConflictExcludesTheMemberAndTheQuorumCountsTheOthers) {
  to_committee();
  expect_no_step(item, recuse(""), judge("j2"), kNow, Refusal::Code::MissingComment);
  expect_no_step(item, recuse("my team's idea", values({{"effect", "1"}})), judge("j2"), kNow,
                 Refusal::Code::NotSettable, {"no scores"});
  expect_no_step(item, recuse("x"), person("han", {"screener"}), kNow, Refusal::Code::NotReviewer);
  const std::int64_t before = item.instance().revision;
  const Step step = item.must(recuse("the proposer is in my team"), judge("j2"), kNow);
  EXPECT_EQ(step.event.kind, "review");
  EXPECT_EQ(step.event.action, "recuse");
  EXPECT_EQ(step.event.comment, "the proposer is in my team");
  EXPECT_EQ(step.event.from, "committee");
  EXPECT_EQ(step.event.to, "committee");
  EXPECT_EQ(step.instance.revision, before + 1);
  EXPECT_TRUE(item.instance().reviews.back().recused);
  expect_no_step(item, review(scores()), judge("j2"), kNow, Refusal::Code::Recused,
                 {"declared a conflict of interest"});
  expect_no_step(item, recuse("again"), judge("j2"), kNow, Refusal::Code::Recused);
  EXPECT_TRUE(item.allowed(judge("j2"), kNow).empty());
  // A deputy does not give a recused member's review.
  expect_no_step(item, review(scores()), person("lee", {}, {{"j2", {"judge"}}}), kNow,
                 Refusal::Code::Recused, {"j2 has declared a conflict of interest"});

  item.must(review(scores()), judge("j1"), kNow);
  // Declaring after reviewing is refused: the review stands.
  expect_no_step(item, recuse("late"), judge("j1"), kNow, Refusal::Code::AlreadyReviewed,
                 {"declared before reviewing"});
  item.must(review(scores()), judge("j3"), kNow);
  EXPECT_EQ(item.state(), "committee");  // two reviews: the recusal does not count
  // The action word works too (`dojang act ITEM recuse`).
  item.must(act("recuse", {}, "my brother's suggestion"), judge("j5"), kNow);
  item.must(review(scores("reject")), judge("j4"), kNow);
  EXPECT_EQ(item.state(), "adopted");  // 2 of 3 approve, counted among the three reviews
  EXPECT_EQ(item.slot("average"), Value{70});
}

TEST_F(Committee, BlindScoresAreSeenByOthersOnlyAfterTheQuorum) {
  ASSERT_TRUE(item.def().states[item.def().state_index("committee")].review->blind);
  to_committee();
  item.must(review(scores()), judge("j1"), kNow);
  item.must(review(scores()), person("lee", {}, {{"j2", {"judge"}}}), kNow);
  item.must(recuse("conflict"), judge("j5"), kNow);
  EXPECT_EQ(visible_reviews(item.def(), item.instance(), judge("j1")).size(), 2u);  // own + j5's
  EXPECT_EQ(visible_reviews(item.def(), item.instance(), judge("j3")).size(), 1u);  // j5's only
  EXPECT_EQ(visible_reviews(item.def(), item.instance(), person("lee")).size(), 2u);
  EXPECT_EQ(visible_reviews(item.def(), item.instance(), person("j2")).size(), 2u);
  EXPECT_EQ(visible_reviews(item.def(), item.instance(), person("han", {"office"})).size(), 1u);
  item.must(review(scores()), judge("j3"), kNow);
  EXPECT_EQ(item.state(), "adopted");
  for (const char* who : {"j1", "j3", "han", "j4"})
    EXPECT_EQ(visible_reviews(item.def(), item.instance(), person(who)).size(), 4u) << who;
}

TEST(CommitteeOpen, OutsideABlindReviewUnderWayEveryReviewIsSeen) {
  const auto def = load_workflow("suggestion.flow");
  Instance in;
  in.state = def->state_index("screening");
  in.reviews = {ReviewRecord{0, "j1", {}, Value{true}, "", false},
                ReviewRecord{0, "j2", {}, Value{true}, "", false}};
  EXPECT_EQ(visible_reviews(*def, in, person("nobody")).size(), 2u);
  in.state = def->state_index("committee");
  EXPECT_EQ(visible_reviews(*def, in, person("nobody")).size(), 0u);
  EXPECT_EQ(visible_reviews(*def, in, person("j2")).size(), 1u);
}

}  // namespace
}  // namespace dojang::engine::test_rt
