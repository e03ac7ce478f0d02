// engine::rank while members of its cohort are still being scored: the procedure's
// `while scoring refuse|wait` decides, and nobody is left out of the ranking.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dojang/engine/cohort.hpp"
#include "dojang/engine/rank_support.hpp"
#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

constexpr const char* kScored = R"flow(
workflow unit_score "부서 평가" {
  roles {
    unit  "부서"
    admin "관리자"
    judge "평가위원"
  }
  fields {
    name     "부서명" text   required
    year     "연도"   number required
    place_no "순위"   number
  }
  let total = avg(reviews.points)
  start draft
  state draft "작성" {
    on submit by unit -> scoring requires name, year
  }
  state scoring "평가위원 심사" {
    review by judge quorum 2 {
      criterion points "점수" score 0..100
      then -> evaluated
    }
  }
  state evaluated "평가 완료" {
    rank awards by admin per year "우수부서 선정" {
      order total desc
      ties earliest
      RULE
      place into place_no
      top 1  -> best
      rest   -> ordinary
    }
    on rescore by admin -> scoring
  }
  final best     "최우수"
  final ordinary "일반"
}
)flow";

const Date kDay1 = ymd(2026, 10, 1, 1);
const Date kRankDay = ymd(2026, 11, 30, 1);

std::shared_ptr<const Definition> scored(const std::string& rule) {
  std::string text = kScored;
  text.replace(text.find("RULE"), 4, rule);
  return compile_flow("unit_score.flow", text);
}

struct CohortScoring : ::testing::Test {
  std::shared_ptr<const Definition> def = scored("while scoring refuse");
  Principal admin = person("park", {"admin"});
  Principal staff = person("kim", {"unit"});
  Index evaluated = def->state_index("evaluated");

  // A unit submitted on `day` and scored by `judges` judges (2 is the quorum: it moves on).
  Instance unit(const Definition& d, const std::string& id, int judges, const char* year = "2026",
                int day = 0) {
    auto shared = std::shared_ptr<const Definition>(std::shared_ptr<const Definition>{}, &d);
    Item item(shared);
    const Date at{kDay1.seconds + day * kDay};
    item.must(start_request(values({{"name", id.c_str()}, {"year", year}}), id), staff, at);
    item.must(act("submit"), staff, at);
    for (int j = 0; j < judges; ++j) {
      const std::string points = std::to_string(60 + 10 * j + day);
      item.must(review(values({{"points", points.c_str()}})),
                person("j" + std::to_string(j), {"judge"}), at);
    }
    return item.instance();
  }
};

TEST_F(CohortScoring, TheScoringStatesAreTheReviewsThatLeadToTheRanking) {
  EXPECT_EQ(scoring_states(*def, evaluated), std::vector<Index>{def->state_index("scoring")});
  EXPECT_TRUE(scoring_states(*def, def->state_index("scoring")).empty());  // no ranking there
}

TEST_F(CohortScoring, RefuseNamesTheStateAndHowManyAreStillBeingScored) {
  const std::vector<Instance> cohort = {unit(*def, "u-1", 2), unit(*def, "u-2", 2, "2026", 1)};
  const std::vector<Instance> scoring = {unit(*def, "u-3", 1), unit(*def, "u-4", 0)};
  ASSERT_EQ(def->states[scoring[0].state].name, "scoring");
  auto ranked = rank(*def, evaluated, cohort, scoring, admin, false, kRankDay);
  ASSERT_FALSE(ranked);
  EXPECT_EQ(ranked.error().code, Refusal::Code::StillScoring);
  EXPECT_EQ(code_name(ranked.error().code), "still_scoring");
  EXPECT_EQ(ranked.error().message,
            "ranking 우수부서 선정 ('awards') for '연도' 2026 cannot run yet: 2 items are still "
            "being scored: 2 in 평가위원 심사 (scoring) (u-3, u-4). Ranking now would leave them "
            "out; rank once they are scored");
  // The timer is refused the same way: a ranking by the clock leaves nobody out either.
  auto timed = rank(*def, evaluated, cohort, scoring, staff, true, kRankDay);
  ASSERT_FALSE(timed);
  EXPECT_EQ(timed.error().code, Refusal::Code::StillScoring);
}

TEST_F(CohortScoring, WaitIsAResultOfItsOwnThatTheCallerTriesAgain) {
  auto waiting = scored("while scoring wait");
  const Index at = waiting->state_index("evaluated");
  const std::vector<Instance> cohort = {unit(*waiting, "u-1", 2)};
  const std::vector<Instance> scoring = {unit(*waiting, "u-3", 1)};
  auto ranked = rank(*waiting, at, cohort, scoring, staff, true, kRankDay);
  ASSERT_FALSE(ranked);
  EXPECT_EQ(ranked.error().code, Refusal::Code::WaitForScoring);
  EXPECT_EQ(code_name(ranked.error().code), "wait_for_scoring");
  EXPECT_EQ(ranked.error().message,
            "ranking 우수부서 선정 ('awards') for '연도' 2026 waits: 1 item is still being scored: "
            "1 in 평가위원 심사 (scoring) (u-3). It runs once they are scored (the procedure says "
            "'while scoring wait')");
  // Once the last unit is scored it joins the cohort, and the ranking runs with every unit.
  const std::vector<Instance> all = {cohort[0], unit(*waiting, "u-3", 2)};
  auto done = rank(*waiting, at, all, {}, staff, true, kRankDay);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->steps.size(), 2u);
}

TEST_F(CohortScoring, OnlyTheCohortsGroupAndVersionCount) {
  const std::vector<Instance> cohort = {unit(*def, "u-1", 2), unit(*def, "u-2", 2, "2026", 1)};
  Instance other_year = unit(*def, "u-3", 1, "2025");
  Instance other_version = unit(*def, "u-4", 1);
  other_version.version = cohort[0].version + 1;
  Instance drafted = unit(*def, "u-5", 0);
  drafted.state = def->state_index("draft");  // not submitted yet: not being scored
  const std::vector<Instance> scoring = {other_year, other_version, drafted, cohort[0]};
  auto ranked = rank(*def, evaluated, cohort, scoring, admin, false, kRankDay);
  ASSERT_TRUE(ranked) << ranked.error().message;
  EXPECT_EQ(ranked->steps.size(), 2u);
}

TEST_F(CohortScoring, AMemberWhoseReviewInTheRankingStateIsShortIsBeingScored) {
  // A ranking in the state of the review itself: the members still short of the quorum wait.
  auto same = compile_flow("same.flow", R"flow(
workflow same "심사" {
  roles { unit admin judge }
  fields { name text required }
  let total = avg(reviews.points)
  start draft
  state draft { on submit by unit -> judging requires name }
  state judging "심사" {
    review by judge quorum 2 {
      criterion points score 0..10
    }
    rank pick by admin {
      order total desc
      ties earliest
      top 1 -> chosen
      rest  -> other
    }
  }
  final chosen
  final other
}
)flow");
  const Index judging = same->state_index("judging");
  EXPECT_EQ(scoring_states(*same, judging), std::vector<Index>{judging});
  auto shared = same;
  auto scored_by = [&](const std::string& id, int judges) {
    Item item(shared);
    item.must(start_request(values({{"name", id.c_str()}}), id), staff, kDay1);
    item.must(act("submit"), staff, kDay1);
    for (int j = 0; j < judges; ++j)
      item.must(review(values({{"points", "7"}})), person("j" + std::to_string(j), {"judge"}),
                kDay1);
    return item.instance();
  };
  const std::vector<Instance> cohort = {scored_by("s-1", 2), scored_by("s-2", 1)};
  auto ranked = rank(*same, judging, cohort, admin, false, kRankDay);  // the older overload too
  ASSERT_FALSE(ranked);
  EXPECT_EQ(ranked.error().code, Refusal::Code::StillScoring);
  EXPECT_NE(ranked.error().message.find("1 in 심사 (judging) (s-2)"), std::string::npos)
      << ranked.error().message;
}

}  // namespace
}  // namespace dojang::engine::test_rt
