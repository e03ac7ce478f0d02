// Money is exact: fields parse what people type into a base::Decimal, sums are exact, money ×
// and ÷ a number round half away from zero to 4 places, money compares with money and with
// number literals (also in decision tables), and messages show it with separators.

#include <gtest/gtest.h>

#include "dojang/dsl/compile.hpp"
#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2024, 4, 1, 2);
const Principal kClerk = person("kim", {"clerk"});
const Principal kBoss = person("lee", {"boss"});

Value money(const char* text) {
  const auto d = Decimal::parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d ? Value{*d} : Value{};
}

constexpr const char* kGrant = R"flow(
workflow grant "지원금" {
  roles {
    clerk "담당자"
    boss  "과장"
  }
  fields {
    title  "제목"   text required
    budget "예산"   money required
    spent  "집행액" money
    people "인원"   count
  }
  let left = budget - spent
  let share = budget / people
  let tenth = budget * 0.1
  let biggest = max(budget, spent, 5000000)
  let ratio = spent / budget
  let rounded = round(budget / 3, 0)
  let negative = abs(-budget)
  let both = sum([budget, spent])
  table bonus "장려금" hit first {
    given budget
    yields level text, amount money
    row >= 1000000 -> "큰 사업", 100000.5
    row >= 1000    -> "작은 사업", 1000
    row -          -> "없음", 0
  }
  start draft
  state draft "작성" {
    on submit by clerk -> review notify boss "'{title}' 예산 {budget}, 장려금 {bonus.amount}원, 잔액 {left}"
    on edit by clerk sets title, budget, spent, people
  }
  state review "검토" {
    on big by boss -> done when budget >= 1000000 and left > 0
    on small by boss -> done when budget < 1000000
  }
  final done "완료"
}
)flow";

std::shared_ptr<const Definition> grant() {
  static const std::shared_ptr<const Definition> def = compile_flow("grant.flow", kGrant);
  return def;
}

TEST(Money, FieldsHoldExactlyWhatWasTyped) {
  Item item(grant());
  item.must(start_request(values({{"title", "t"}, {"budget", "0.1"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("budget"), money("0.1"));
  item.must(act("edit", values({{"budget", "1,000,000"}, {"spent", "0.3"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("budget"), money("1000000"));
  EXPECT_EQ(item.slot("spent"), money("0.3"));
  // 1000000 - 0.3 exactly, not 999999.7000000001.
  EXPECT_EQ(item.slot("left"), money("999999.7"));
  EXPECT_EQ(to_string(item.slot("left")), "999999.7");
}

TEST(Money, ArithmeticIsExactOrRoundedHalfAwayFromZero) {
  Item item(grant());
  item.must(start_request(values(
                {{"title", "t"}, {"budget", "1000000"}, {"spent", "250000.25"}, {"people", "3"}})),
            kClerk, kNow);
  EXPECT_EQ(item.slot("left"), money("749999.75"));
  EXPECT_EQ(item.slot("share"), money("333333.3333"));  // 1000000 / 3, to 4 places
  EXPECT_EQ(item.slot("tenth"), money("100000"));       // × 0.1 as written, not its double
  EXPECT_EQ(item.slot("biggest"), money("5000000"));    // the number taken as money
  EXPECT_EQ(item.slot("ratio"), Value{0.25000025});     // money / money is a number
  EXPECT_EQ(item.slot("rounded"), money("333333"));
  EXPECT_EQ(item.slot("negative"), money("1000000"));
  EXPECT_EQ(item.slot("both"), money("1250000.25"));  // a list of money sums to money
  item.must(act("edit", values({{"budget", "20"}, {"people", "3"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("share"), money("6.6667"));  // 6.66666… rounds up
  item.must(act("edit", values({{"people", "0"}})), kClerk, kNow);
  EXPECT_TRUE(item.slot("share").is_null());  // division by zero
}

TEST(Money, TablesCompareMoneyWithNumberLiterals) {
  Item item(grant());
  item.must(start_request(values({{"title", "t"}, {"budget", "1000000"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("bonus.level"), Value{"큰 사업"});
  EXPECT_EQ(item.slot("bonus.amount"), money("100000.5"));  // a money output: money
  item.must(act("edit", values({{"budget", "999999.9999"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("bonus.level"), Value{"작은 사업"});
  EXPECT_EQ(item.slot("bonus.amount"), money("1000"));
  item.must(act("edit", values({{"budget", "999.9999"}})), kClerk, kNow);
  EXPECT_EQ(item.slot("bonus.level"), Value{"없음"});
}

TEST(Money, GuardsCompareMoney) {
  Item big(grant());
  big.must(start_request(values({{"title", "t"}, {"budget", "1,000,000"}, {"spent", "0"}})), kClerk,
           kNow);
  big.must(act("submit"), kClerk, kNow);
  EXPECT_FALSE(big.apply(act("small"), kBoss, kNow).has_value());
  big.must(act("big"), kBoss, kNow);
  EXPECT_EQ(big.state(), "done");
  Item small(grant());
  small.must(start_request(values({{"title", "t"}, {"budget", "999999.9999"}})), kClerk, kNow);
  small.must(act("submit"), kClerk, kNow);
  EXPECT_FALSE(small.apply(act("big"), kBoss, kNow).has_value());
  small.must(act("small"), kBoss, kNow);
}

TEST(Money, MessagesShowSeparators) {
  Item item(grant());
  item.must(start_request(values({{"title", "t"}, {"budget", "1000000"}, {"spent", "0.5"}})),
            kClerk, kNow);
  const Step step = item.must(act("submit"), kClerk, kNow);
  ASSERT_EQ(step.notifications.size(), 1u);
  // {bonus.amount}원 gets the unit once.
  EXPECT_EQ(step.notifications[0].message,
            "'t' 예산 1,000,000원, 장려금 100,000.5원, 잔액 999,999.5원");
}

TEST(Money, BadAmountsAreRefusedAndChangeNothing) {
  Item item(grant());
  item.must(start_request(values({{"title", "t"}, {"budget", "100"}})), kClerk, kNow);
  expect_no_step(item, act("edit", values({{"budget", "-5"}})), kClerk, kNow,
                 Refusal::Code::BadValue, {"'예산'", "cannot be negative", "'-5'"});
  expect_no_step(item, act("edit", values({{"budget", "1.23456"}})), kClerk, kNow,
                 Refusal::Code::BadValue,
                 {"'예산' needs an amount of money; '1.23456' is not: an amount has at most 4 "
                  "decimal places"});
  expect_no_step(item, act("edit", values({{"budget", "abc"}})), kClerk, kNow,
                 Refusal::Code::BadValue,
                 {"'예산' needs an amount of money; 'abc' is not: an amount is written with "
                  "digits only"});
  expect_no_step(item, act("edit", values({{"budget", "1,00"}})), kClerk, kNow,
                 Refusal::Code::BadValue, {"commas go between groups of three digits"});
  expect_no_step(item, act("edit", values({{"budget", "99999999999999999"}})), kClerk, kNow,
                 Refusal::Code::BadValue, {"too large"});
  EXPECT_EQ(item.slot("budget"), money("100"));
}

TEST(Money, ANumberStoredInAMoneyFieldReadsAsMoney) {
  // A store written before money was exact holds plain numbers in money fields.
  Item item(grant());
  item.must(start_request(values({{"title", "t"}, {"budget", "5"}, {"spent", "0"}})), kClerk, kNow);
  item.must(act("submit"), kClerk, kNow);
  const Index slot = item.def().fields[item.def().field_index("budget")].slot;
  item.mutable_instance().slots[slot] = Value{2000000.0};
  EXPECT_FALSE(item.apply(act("small"), kBoss, kNow).has_value());
  item.must(act("big"), kBoss, kNow);
}

// The checker types money: what makes no sense is refused in plain words.
std::string errors_of(const std::string& lets) {
  const std::string text = std::string(R"(workflow w "w" {
  roles { clerk "c" }
  fields {
    budget "예산" money
    memo   "메모" text
    due    "납기" date
  }
)") + lets + R"(
  start draft
  state draft "작성" { on done by clerk -> done }
  final done "완료"
}
)";
  const dsl::SourceFile file("w.flow", text);
  const dsl::CompileResult result = dsl::compile(file);
  return dsl::render_all(file, result.diagnostics);
}

TEST(Money, TheCheckerTypesMoney) {
  EXPECT_EQ(errors_of("  let ok = budget * 2 + budget - 1 == 500000 or budget / budget > 0.5"), "");
  EXPECT_NE(errors_of("  let x = budget * budget")
                .find("cannot multiply money and money: 'budget' is money, 'budget' is money"),
            std::string::npos);
  EXPECT_NE(errors_of("  let x = 2 / budget").find("cannot divide a number and money"),
            std::string::npos);
  EXPECT_NE(errors_of("  let x = budget + due").find("cannot add money and a date"),
            std::string::npos);
  EXPECT_NE(errors_of("  let x = budget == memo").find("cannot compare money with text"),
            std::string::npos);
}

}  // namespace
}  // namespace dojang::engine::test_rt
