// Values staff type that are refused: negative money, a day that does not exist, a fraction of a
// whole score or count. Each refusal changes nothing. And what a refused recall says.

#include <gtest/gtest.h>

#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2024, 4, 1, 2);
const Principal kClerk = person("kim", {"clerk"});

Item drafted() {
  Item item(purchase());
  item.must(start_request(values({{"title", "복사기"}, {"amount", "300"}})), kClerk, kNow);
  return item;
}

TEST(ValueRefusals, MoneyIsNeverNegative) {
  Item item = drafted();
  expect_no_step(item, act("edit", values({{"amount", "-5"}})), kClerk, kNow,
                 Refusal::Code::BadValue, {"'금액'", "cannot be negative", "'-5'"});
  const Outcome start =
      apply(*purchase(), Instance{}, start_request(values({{"title", "t"}, {"amount", "-1"}})),
            kClerk, kNow);
  expect_refused(start, Refusal::Code::BadValue, {"'금액'", "cannot be negative"});
  item.must(act("edit", values({{"amount", "0"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("amount"), won(0));
}

// A committee's scores and the counts of people and things are whole numbers, unless the score
// is declared with decimal bounds.
constexpr const char* kScores = R"flow(
workflow idea "제안" {
  roles {
    proposer "제안자"
    judge    "심사위원"
  }
  fields {
    title      "제목"   text required
    creativity "창의성" score 1..5
    progress   "추진율" score 0.0..100.0
    members    "인원"   count
    budget     "예산"   number
  }
  start draft
  state draft "작성" {
    on submit by proposer -> judging requires title
    on edit by proposer sets creativity, progress, members, budget
  }
  state judging "심사" {
    review by judge quorum 1 {
      criterion effect "효과성" score 0..20
      criterion detail "구체성" score 0.0..10.0
      then -> done
    }
  }
  final done "완료"
}
)flow";

struct WholeNumbers : ::testing::Test {
  Item item{compile_flow("idea.flow", kScores)};
  const Principal proposer = person("kim", {"proposer"});
  const Principal judge = person("lee", {"judge"});
  void SetUp() override {
    item.must(start_request(values({{"title", "민원 서식 간소화"}})), proposer, kNow);
  }
};

TEST_F(WholeNumbers, AScoreWithWholeBoundsRefusesAFraction) {
  expect_no_step(item, act("edit", values({{"creativity", "3.5"}})), proposer, kNow,
                 Refusal::Code::BadValue);
  const Outcome refused = apply(item.def(), item.instance(),
                                act("edit", values({{"creativity", "3.5"}})), proposer, kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "'창의성' takes whole numbers from 1 to 5; 3.5 is not");
  // Outside the range it is refused as before; a whole number inside is taken.
  expect_no_step(item, act("edit", values({{"creativity", "6"}})), proposer, kNow,
                 Refusal::Code::BadValue, {"'창의성' needs a number from 1 to 5", "'6' is not"});
  item.must(act("edit", values({{"creativity", "4"}})), proposer, kNow);
  EXPECT_EQ(item.slot("creativity"), Value{4});
  item.must(act("edit", values({{"creativity", "5.0"}})), proposer, kNow);  // written as 5.0
  EXPECT_EQ(item.slot("creativity"), Value{5});
}

TEST_F(WholeNumbers, DecimalBoundsTakeAFraction) {
  item.must(act("edit", values({{"progress", "49.5"}})), proposer, kNow);
  EXPECT_EQ(item.slot("progress"), Value{49.5});
  item.must(act("edit", values({{"budget", "2.5"}})), proposer, kNow);  // a plain number
  EXPECT_EQ(item.slot("budget"), Value{2.5});
}

TEST_F(WholeNumbers, ACountIsAWholeNumberZeroOrMore) {
  for (const char* bad : {"2.5", "-1"}) {
    SCOPED_TRACE(bad);
    const Outcome refused =
        apply(item.def(), item.instance(), act("edit", values({{"members", bad}})), proposer, kNow);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Refusal::Code::BadValue);
    EXPECT_EQ(refused.error().message,
              "'인원' takes whole numbers, 0 or more; " + std::string(bad) + " is not");
  }
  expect_no_step(item, act("edit", values({{"members", "several"}})), proposer, kNow,
                 Refusal::Code::BadValue, {"'인원' needs a whole number, 0 or more"});
  item.must(act("edit", values({{"members", "1,200"}})), proposer, kNow);
  EXPECT_EQ(item.slot("members"), Value{1200});
  item.must(act("edit", values({{"members", "0"}})), proposer, kNow);
  EXPECT_EQ(item.slot("members"), Value{0});
  EXPECT_EQ(item.def().fields[item.def().field_index("members")].type.kind, FieldKind::Number);
}

TEST_F(WholeNumbers, ACriterionWithWholeBoundsRefusesAFractionInAReview) {
  item.must(act("submit"), proposer, kNow);
  expect_no_step(item, review(values({{"effect", "12.5"}, {"detail", "7"}})), judge, kNow,
                 Refusal::Code::BadValue,
                 {"'효과성' takes whole numbers from 0 to 20; 12.5 is not"});
  const Step reviewed =
      item.must(review(values({{"effect", "12"}, {"detail", "7.5"}})), judge, kNow);
  EXPECT_EQ(item.state(), "done");
  EXPECT_FALSE(reviewed.event.changes.empty());
}

TEST(ValueRefusals, ADayThatDoesNotExistIsCalledThat) {
  Item item = drafted();
  expect_no_step(item, act("edit", values({{"due", "2023-02-29"}})), kClerk, kNow,
                 Refusal::Code::BadValue, {"'납기'", "2023-02-29 does not exist"});
  expect_no_step(item, act("edit", values({{"due", "2024-13-01"}})), kClerk, kNow,
                 Refusal::Code::BadValue, {"2024-13-01 does not exist"});
  expect_no_step(item, act("edit", values({{"due", "next week"}})), kClerk, kNow,
                 Refusal::Code::BadValue, {"YYYY-MM-DD"});
  item.must(act("edit", values({{"due", "2024-02-29"}})), kClerk, kNow);
}

TEST(ValueRefusals, AFieldGivenTwiceInOneRequestIsRefused) {
  Item item = drafted();
  expect_no_step(item, act("edit", values({{"memo", "a"}, {"amount", "5"}, {"memo", "b"}})), kClerk,
                 kNow, Refusal::Code::BadValue, {"'memo' is given twice"});
  const Outcome start = apply(
      *purchase(), Instance{},
      start_request(values({{"title", "t"}, {"amount", "1"}, {"amount", "2"}})), kClerk, kNow);
  expect_refused(start, Refusal::Code::BadValue, {"'amount' is given twice"});
}

TEST(ValueRefusals, AnActionThatOnlyRecordsNeedsSomethingToRecord) {
  Item item = drafted();
  item.must(act("submit"), kClerk, kNow);
  const Principal boss = person("park", {"boss"});
  expect_no_step(item, act("rate"), boss, kNow, Refusal::Code::MissingField,
                 {"'rate' records values and was given nothing to record", "rating"});
  item.must(act("rate", {}, "평점은 다음 주에"), boss, kNow);
  item.must(act("rate", values({{"rating", "4"}})), boss, kNow);
}

TEST(ValueRefusals, ARefusedRecallSaysWhatHappened) {
  Item item = drafted();
  item.must(act("submit"), kClerk, kNow);
  item.must(act("rate", values({{"rating", "4"}})), person("park", {"boss"}), kNow);
  expect_no_step(
      item, recall_request(), kClerk, kNow, Refusal::Code::NotRecallable,
      {"nothing to recall", "the item is in 결재 (approval)", "the next step has acted"});
}

}  // namespace
}  // namespace dojang::engine::test_rt
