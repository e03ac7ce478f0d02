// Values staff type that are refused: negative money, a day that does not exist. Each refusal
// changes nothing. And what a refused recall says.

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
  EXPECT_EQ(item.slot("amount"), Value{0});
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
  expect_no_step(item, act("edit", values({{"memo", "a"}, {"amount", "5"}, {"memo", "b"}})),
                 kClerk, kNow, Refusal::Code::BadValue, {"'memo' is given twice"});
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
