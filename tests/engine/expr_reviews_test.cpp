// Review aggregates and approvals: only the reviews of the right block count.

#include <gtest/gtest.h>

#include "dojang/engine/expression.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using namespace test_ir;

// Block 1 (two criteria, with votes) and block 2 (one criterion), interleaved.
Scene committee() {
  Scene s;
  s.reviews = {
      review_record(1, "kim", {Value{30}, Value{8}}, Value{true}),
      review_record(2, "lee", {Value{100}}, Value{false}),
      review_record(1, "park", {Value{20}, Value{}}, Value{true}),
      review_record(1, "choi", {Value{40}}, Value{false}),
      review_record(2, "jung", {Value{50}}, Value{true}),
  };
  return s;
}

TEST(ReviewAggregates, OnlyTheBlocksReviewsCount) {
  Scene s = committee();
  EXPECT_EQ(s.eval(review(Op::ReviewSum, 1, 0)), Value{90});
  EXPECT_EQ(s.eval(review(Op::ReviewAvg, 1, 0)), Value{30});
  EXPECT_EQ(s.eval(review(Op::ReviewMin, 1, 0)), Value{20});
  EXPECT_EQ(s.eval(review(Op::ReviewMax, 1, 0)), Value{40});
  EXPECT_EQ(s.eval(review(Op::ReviewCount, 1)), Value{3});
  EXPECT_EQ(s.eval(review(Op::ReviewSum, 2, 0)), Value{150});
  EXPECT_EQ(s.eval(review(Op::ReviewAvg, 2, 0)), Value{75});
  EXPECT_EQ(s.eval(review(Op::ReviewCount, 2)), Value{2});
}

TEST(ReviewAggregates, NullAndMissingScoresAreSkipped) {
  Scene s = committee();
  // Criterion 1 of block 1: kim 8, park null, choi has no second score.
  EXPECT_EQ(s.eval(review(Op::ReviewSum, 1, 1)), Value{8});
  EXPECT_EQ(s.eval(review(Op::ReviewAvg, 1, 1)), Value{8});
  EXPECT_EQ(s.eval(review(Op::ReviewMin, 1, 1)), Value{8});
  // Criterion 5 does not exist anywhere.
  EXPECT_EQ(s.eval(review(Op::ReviewSum, 1, 5)), Value{0});
  EXPECT_EQ(s.eval(review(Op::ReviewAvg, 1, 5)), Value{});
  EXPECT_EQ(s.eval(review(Op::ReviewMax, 1, 5)), Value{});
}

TEST(ReviewAggregates, WrongKindScoresAreSkipped) {
  Scene s;
  s.reviews = {review_record(0, "a", {Value{"ten"}}), review_record(0, "b", {Value{4}})};
  EXPECT_EQ(s.eval(review(Op::ReviewSum, 0, 0)), Value{4});
  EXPECT_EQ(s.eval(review(Op::ReviewAvg, 0, 0)), Value{4});
  EXPECT_EQ(s.eval(review(Op::ReviewCount, 0)), Value{2});
}

TEST(ReviewAggregates, NoReviews) {
  Scene s = committee();
  EXPECT_EQ(s.eval(review(Op::ReviewSum, 7, 0)), Value{0});
  EXPECT_EQ(s.eval(review(Op::ReviewAvg, 7, 0)), Value{});
  EXPECT_EQ(s.eval(review(Op::ReviewMin, 7, 0)), Value{});
  EXPECT_EQ(s.eval(review(Op::ReviewMax, 7, 0)), Value{});
  EXPECT_EQ(s.eval(review(Op::ReviewCount, 7)), Value{0});
  EXPECT_EQ(s.eval(review(Op::Approvals, 7)), Value{0});
}

TEST(ReviewAggregates, AverageInAGuard) {
  Scene s = committee();
  EXPECT_EQ(s.test(bin(Op::Ge, review(Op::ReviewAvg, 1, 0), num(30))), Truth::True);
  EXPECT_EQ(s.test(bin(Op::Ge, review(Op::ReviewAvg, 7, 0), num(30))), Truth::Null);
}

TEST(Approvals, CountsTrueVotesOfTheBlock) {
  Scene s = committee();
  EXPECT_EQ(s.eval(review(Op::Approvals, 1)), Value{2});
  EXPECT_EQ(s.eval(review(Op::Approvals, 2)), Value{1});
}

TEST(ApproveKofN, NeedsNReviewsAndKApprovals) {
  Scene s = committee();  // block 1: 3 reviews, 2 approvals
  EXPECT_EQ(s.test(approve_k_of_n(1, 2, 3)), Truth::True);
  EXPECT_EQ(s.test(approve_k_of_n(1, 3, 3)), Truth::False);
  EXPECT_EQ(s.test(approve_k_of_n(1, 2, 4)), Truth::False);
  EXPECT_EQ(s.test(approve_k_of_n(1, 1, 1)), Truth::True);
  EXPECT_EQ(s.test(approve_k_of_n(2, 1, 2)), Truth::True);
  EXPECT_EQ(s.test(approve_k_of_n(2, 2, 2)), Truth::False);
  EXPECT_EQ(s.test(approve_k_of_n(9, 1, 1)), Truth::False);
}

TEST(ApproveKofN, NullVotesAreNotApprovals) {
  Scene s;
  s.reviews = {review_record(0, "a", {}, Value{true}), review_record(0, "b", {}, Value{}),
               review_record(0, "c", {}, Value{"yes"})};
  EXPECT_EQ(s.eval(review(Op::Approvals, 0)), Value{1});
  EXPECT_EQ(s.test(approve_k_of_n(0, 1, 3)), Truth::True);
  EXPECT_EQ(s.test(approve_k_of_n(0, 2, 3)), Truth::False);
}

TEST(ApproveAll, QuorumAndEveryVoteTrue) {
  Scene s;
  s.reviews = {review_record(3, "a", {}, Value{true}), review_record(3, "b", {}, Value{true}),
               review_record(4, "c", {}, Value{false})};
  EXPECT_EQ(s.test(approve_all(3, 2)), Truth::True);
  EXPECT_EQ(s.test(approve_all(3, 3)), Truth::False);  // quorum not reached
  EXPECT_EQ(s.test(approve_all(4, 1)), Truth::False);  // a rejection
  s.reviews.push_back(review_record(3, "d", {}, Value{}));
  EXPECT_EQ(s.test(approve_all(3, 2)), Truth::False);  // a null vote is not an approval
}

TEST(ApproveAll, NeedsAtLeastOneReview) {
  Scene s;
  EXPECT_EQ(s.test(approve_all(0, 0)), Truth::False);
  s.reviews = {review_record(0, "a", {}, Value{true})};
  EXPECT_EQ(s.test(approve_all(0, 0)), Truth::True);
}

TEST(ApproveAny, AtLeastOneTrueVote) {
  Scene s;
  s.reviews = {review_record(0, "a", {}, Value{false}), review_record(0, "b", {}, Value{}),
               review_record(1, "c", {}, Value{true})};
  EXPECT_EQ(s.test(review(Op::ApproveAny, 0)), Truth::False);
  EXPECT_EQ(s.test(review(Op::ApproveAny, 1)), Truth::True);
  EXPECT_EQ(s.test(review(Op::ApproveAny, 2)), Truth::False);
  s.reviews.push_back(review_record(0, "d", {}, Value{true}));
  EXPECT_EQ(s.test(review(Op::ApproveAny, 0)), Truth::True);
}

TEST(ApproveKofN, CombinedWithAScoreGuard) {
  Scene s = committee();
  const Ir guard =
      bin(Op::And, approve_k_of_n(1, 2, 3), bin(Op::Ge, review(Op::ReviewAvg, 1, 0), num(25)));
  EXPECT_EQ(s.test(guard), Truth::True);
  EXPECT_EQ(s.eval(guard), Value{true});
}

}  // namespace
}  // namespace dojang::engine
