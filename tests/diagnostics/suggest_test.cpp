// Edit distance and "did you mean".

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "dojang/dsl/suggest.hpp"

namespace dojang::dsl {
namespace {

TEST(EditDistance, Basics) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "ab"), 2u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("score", "scor"), 1u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(EditDistance, TranspositionCostsOne) {
  EXPECT_EQ(edit_distance("reveiw", "review"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);  // optimal string alignment, not full Damerau
}

TEST(EditDistance, CountsCodePoints) {
  EXPECT_EQ(edit_distance("검토", "검퇴"), 1u);
  EXPECT_EQ(edit_distance("승인", "인승"), 1u);
  EXPECT_EQ(edit_distance("a가", "a"), 1u);
}

TEST(DidYouMean, Transposition) {
  const std::vector<std::string> states{"draft", "review", "approved"};
  EXPECT_EQ(did_you_mean("reveiw", states), "review");
}

TEST(DidYouMean, ShortNamesAllowOneEdit) {
  const std::vector<std::string> fields{"title", "score"};
  EXPECT_EQ(did_you_mean("scor", fields), "score");
  EXPECT_EQ(did_you_mean("scre", fields), "score");
  EXPECT_EQ(did_you_mean("sc", fields), std::nullopt);
}

TEST(DidYouMean, LimitGrowsWithLengthUpToThree) {
  const std::vector<std::string> names{"completed_review"};
  EXPECT_EQ(did_you_mean("complted_reviw", names), "completed_review");  // 2 edits
  EXPECT_EQ(did_you_mean("compltd_reviw", names), "completed_review");   // 3 edits
  EXPECT_EQ(did_you_mean("cmpltd_reviw", names), std::nullopt);          // 4 edits
  const std::vector<std::string> six{"review"};
  EXPECT_EQ(did_you_mean("revxxx", six), std::nullopt);  // 3 edits > 6/3
}

TEST(DidYouMean, NothingWhenFar) {
  const std::vector<std::string> states{"draft", "review", "approved"};
  EXPECT_EQ(did_you_mean("rejected", states), std::nullopt);
  EXPECT_EQ(did_you_mean("x", std::vector<std::string>{}), std::nullopt);
}

TEST(DidYouMean, NeverTheNameItself) {
  const std::vector<std::string> names{"review", "reviews"};
  EXPECT_EQ(did_you_mean("review", names), "reviews");
  const std::vector<std::string> only{"review"};
  EXPECT_EQ(did_you_mean("review", only), std::nullopt);
}

TEST(DidYouMean, TiesGoToTheFirstCandidate) {
  const std::vector<std::string> names{"cat", "bat", "hat"};
  EXPECT_EQ(did_you_mean("mat", names), "cat");
  const std::vector<std::string> reversed{"hat", "bat", "cat"};
  EXPECT_EQ(did_you_mean("mat", reversed), "hat");
  const std::vector<std::string> closer_later{"scores", "score"};
  EXPECT_EQ(did_you_mean("scor", closer_later), "score");
}

TEST(DidYouMean, EmptyNameSuggestsNothing) {
  const std::vector<std::string> names{"a", "b"};
  EXPECT_EQ(did_you_mean("", names), std::nullopt);
}

}  // namespace
}  // namespace dojang::dsl
