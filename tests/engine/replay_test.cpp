// fold_history on histories that do not hold together: each is refused with where and why.

#include <gtest/gtest.h>

#include "dojang/engine/replay.hpp"
#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

class ReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    def = load_workflow("suggestion.flow");
    ASSERT_TRUE(def);
    ASSERT_GE(def->states.size(), 2u);
    first = def->states[def->start].name;
    second = def->states[def->start == 0 ? 1 : 0].name;
    HistoryEvent start;
    start.seq = 1;
    start.kind = "start";
    start.to = first;
    start.at = Date{1000};
    start.changes = {{"title", Value("제안")}};
    HistoryEvent move;
    move.seq = 2;
    move.kind = "act";
    move.from = first;
    move.to = second;
    move.at = Date{2000};
    move.changes = {{"title", Value("고친 제안")}, {"review.vote", Value(true)}};
    events = {start, move};
  }

  std::shared_ptr<const Definition> def;
  std::string first, second;
  std::vector<HistoryEvent> events;
};

TEST_F(ReplayTest, FoldsTheStateFieldsRevisionAndTimes) {
  const auto folded = fold_history(*def, events);
  ASSERT_TRUE(folded.has_value()) << folded.error();
  EXPECT_EQ(folded->state, def->state_index(second));
  EXPECT_EQ(folded->revision, 2);
  EXPECT_EQ(folded->created_at, Date{1000});
  EXPECT_EQ(folded->updated_at, Date{2000});
  ASSERT_EQ(folded->fields.size(), def->fields.size());
  EXPECT_EQ(folded->fields[def->field_index("title")], Value("고친 제안"));
  EXPECT_TRUE(folded->fields[def->field_index("summary")].is_null());
}

TEST_F(ReplayTest, SaysWhereAHistoryDoesNotHoldTogether) {
  auto refused = [&](std::vector<HistoryEvent> broken, const std::string& words) {
    const auto folded = fold_history(*def, broken);
    ASSERT_FALSE(folded.has_value());
    EXPECT_NE(folded.error().find(words), std::string::npos) << folded.error();
  };
  refused({}, "no event");
  auto gap = events;
  gap[1].seq = 3;
  refused(gap, "gap");
  auto elsewhere = events;
  elsewhere[1].from = second;
  refused(elsewhere, "but the item was in");
  auto nowhere = events;
  nowhere[1].to = "no_such_state";
  refused(nowhere, "'no_such_state'");
  auto stray = events;
  stray[1].changes = {{"no_such_field", Value(1)}};
  refused(stray, "'no_such_field'");
}

}  // namespace
}  // namespace dojang::engine::test_rt
