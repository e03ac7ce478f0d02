// What goes in comes back: Korean text in every text column, and numbers bit for bit.

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

TEST_P(StoreTest, KoreanTextRoundTripsInEveryTextColumn) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ASSERT_TRUE(
      store->deploy("혁신과제", "workflow 혁신과제 { 상태 초안 }", "해시", engine::Date{1}));
  auto definition = store->definition("혁신과제", std::nullopt);
  ASSERT_TRUE(definition);
  EXPECT_EQ(definition->source, "workflow 혁신과제 { 상태 초안 }");
  EXPECT_EQ(definition->hash, "해시");

  Directory d;
  d.people = {{"김민수", "김민수 주무관", "혁신기획과", {"팀장", "직원"}, "", ""},
              {"박철수", "박철수 과장", "총무과", {"과장"}, "", ""}};
  d.deputies = {{"김민수", "박철수", engine::Date{0}, engine::Date{100}}};
  ASSERT_TRUE(store->load_directory(d));
  auto who = store->principal("김민수", engine::Date{50});
  ASSERT_TRUE(who);
  EXPECT_EQ(who->roles.size(), 2u);
  EXPECT_TRUE(std::find(who->roles.begin(), who->roles.end(), "팀장") != who->roles.end());
  ASSERT_EQ(who->acting_for.size(), 1u);
  EXPECT_EQ(who->acting_for[0].user, "박철수");
  EXPECT_EQ(who->acting_for[0].roles, std::vector<std::string>{"과장"});

  auto id = store->next_instance_id("혁신과제");
  ASSERT_TRUE(id);
  EXPECT_EQ(*id, "혁신과제-000001");
  engine::Step start = start_step(*id, engine::Date{1000});
  start.instance.workflow = "혁신과제";
  start.instance.submitter = "김민수";
  start.instance.slots[0] = engine::Value("종이 없는 민원 처리 — \"따옴표\"\\ 와 \n 줄바꿈");
  start.event.kind = "시작";
  start.event.action = "등록";
  start.event.actor = "김민수";
  start.event.on_behalf_of = "박철수";
  start.event.from = "없음";
  start.event.to = "초안";
  start.event.route = {"예산확인"};
  start.event.comment = "검토 부탁드립니다 🙏";
  start.event.changes = {{"제목", engine::Value("종이 없는 민원 처리")}};
  start.event.notes = {"0으로 나눔"};
  start.notifications = {{"팀장", "새 과제: 종이 없는 민원 처리"}};
  start.waiting_roles = {"팀장"};
  ASSERT_TRUE(store->commit(start, "키-1"));

  auto back = store->instance(*id);
  ASSERT_TRUE(back);
  expect_same_instance(*back, start.instance);
  auto events = store->history(*id);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  expect_same_event((*events)[0].event, start.event);
  auto hit = store->find_idempotency_key("키-1");
  ASSERT_TRUE(hit);
  ASSERT_TRUE(hit->has_value());
  expect_same_event((*hit)->event, start.event);
  auto inbox = store->inbox({"팀장"}, 5);
  ASSERT_TRUE(inbox);
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ((*inbox)[0].state_name, "초안");
  EXPECT_EQ((*inbox)[0].workflow, "혁신과제");
  EXPECT_EQ((*inbox)[0].submitter, "김민수");
  auto outbox = store->outbox(5);
  ASSERT_TRUE(outbox);
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ((*outbox)[0].role, "팀장");
  EXPECT_EQ((*outbox)[0].message, "새 과제: 종이 없는 민원 처리");
  auto due = store->claim_due_timers(engine::Date{1000 + 86400}, 5);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].instance, *id);
  EXPECT_TRUE(store->verify(*id).value().ok());

  // The directory's names are not read back by the store's API: look at the table itself.
  auto raw = raw_session();
  std::string name, department, person = "김민수";
  *raw << "SELECT name, department FROM directory_people WHERE id = :i", soci::into(name),
      soci::into(department), soci::use(person);
  EXPECT_EQ(name, "김민수 주무관");
  EXPECT_EQ(department, "혁신기획과");
}

std::uint64_t bits(double d) {
  return std::bit_cast<std::uint64_t>(d);
}

TEST_P(StoreTest, NumbersComeBackBitForBit) {
  const std::vector<double> numbers = {0.1,
                                       12.5,
                                       -0.0,
                                       1.0 / 3.0,
                                       -1.0442758598704387e-216,
                                       1.9162297225132058e173,
                                       -102167.84850444621,
                                       9007199254740993.0,
                                       1152921504606846976.0,
                                       std::numeric_limits<double>::max(),
                                       std::numeric_limits<double>::denorm_min(),
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(),
                                       std::numeric_limits<double>::quiet_NaN(),
                                       42.0};
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step step = start_step("n-1", engine::Date{1000});
  step.instance.slots.clear();
  for (double d : numbers) step.instance.slots.emplace_back(d);
  step.instance.slots.emplace_back(engine::ValueList{engine::Value(0.1), engine::Value(-0.0)});
  for (double d : numbers) step.event.changes.emplace_back("x", engine::Value(d));
  ASSERT_TRUE(store->commit(step, ""));

  auto back = store->instance("n-1");
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->slots.size(), numbers.size() + 1);
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const double* d = back->slots[i].as_number();
    ASSERT_NE(d, nullptr) << i;
    if (std::isnan(numbers[i])) {
      EXPECT_TRUE(std::isnan(*d));
    } else {
      EXPECT_EQ(bits(*d), bits(numbers[i])) << i << ": " << *d << " vs " << numbers[i];
    }
  }
  const engine::ValueList* list = back->slots.back().as_list();
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_TRUE(std::signbit(*(*list)[1].as_number()));

  auto events = store->history("n-1");
  ASSERT_TRUE(events);
  ASSERT_EQ((*events)[0].event.changes.size(), numbers.size() + 2);
  auto report = store->verify("n-1");
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << (report->ok() ? "" : report->problems[0].reason);
}

engine::Value money(const char* text) {
  return engine::Value(*engine::Decimal::parse(text));
}

TEST_P(StoreTest, MoneyComesBackExactlyAsTaggedText) {
  const std::vector<engine::Value> amounts = {
      money("0.1"),
      money("1000000.5"),
      money("0"),
      money("-3.0001"),
      engine::Value(engine::Decimal::from_units(std::numeric_limits<std::int64_t>::max())),
      engine::Value(engine::Decimal::from_units(std::numeric_limits<std::int64_t>::min()))};
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step step = start_step("m-1", engine::Date{1000});
  step.instance.slots = amounts;
  step.instance.slots.emplace_back(12.5);  // a number stays a number
  step.instance.slots.emplace_back(engine::ValueList{money("0.3"), engine::Value(0.3)});
  for (const engine::Value& v : amounts) step.event.changes.emplace_back("amount", v);
  ASSERT_TRUE(store->commit(step, "key-m"));

  auto back = store->instance("m-1");
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->slots.size(), amounts.size() + 2);
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    ASSERT_NE(back->slots[i].as_money(), nullptr) << i;
    EXPECT_EQ(back->slots[i], amounts[i]) << i;
  }
  ASSERT_NE(back->slots[amounts.size()].as_number(), nullptr);
  const engine::ValueList* list = back->slots.back().as_list();
  ASSERT_NE(list, nullptr);
  EXPECT_EQ((*list)[0], money("0.3"));
  EXPECT_NE((*list)[1].as_number(), nullptr);
  auto events = store->history("m-1");
  ASSERT_TRUE(events);
  expect_same_event((*events)[0].event, step.event);
  auto hit = store->find_idempotency_key("key-m");
  ASSERT_TRUE(hit && hit->has_value());
  expect_same_event((*hit)->event, step.event);
  auto report = store->verify("m-1");
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok()) << (report->ok() ? "" : report->problems[0].reason);

  // Stored as a tagged string, never a JSON number: exact whatever reads it.
  auto raw = raw_session();
  std::string body, payload, id = "m-1";
  *raw << "SELECT body FROM instances WHERE id = :i", soci::into(body), soci::use(id);
  EXPECT_NE(body.find(R"({"money":"1000000.5"})"), std::string::npos) << body;
  EXPECT_NE(body.find(R"({"money":"-922337203685477.5808"})"), std::string::npos) << body;
  EXPECT_NE(body.find(R"(,12.5,)"), std::string::npos) << body;
  *raw << "SELECT payload FROM history WHERE instance = :i", soci::into(payload), soci::use(id);
  EXPECT_NE(payload.find(R"({"money":"0.1"})"), std::string::npos) << payload;
}

TEST_P(StoreTest, APlainNumberOfAnOldStoreStaysANumberAndItsHashHolds) {
  // Before money was exact, a money field was stored as a JSON number. It is read back as that
  // number (the engine reads it as money), so that its event hashes as it did.
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step step = start_step("old-1", engine::Date{1000});
  step.instance.slots = {engine::Value(1000000.0)};
  step.event.changes = {{"amount", engine::Value(1000000.0)}};
  ASSERT_TRUE(store->commit(step, ""));
  auto back = store->instance("old-1");
  ASSERT_TRUE(back);
  ASSERT_NE(back->slots[0].as_number(), nullptr);
  EXPECT_EQ(engine::as_money_value(back->slots[0]), money("1000000"));
  auto report = store->verify("old-1");
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok());
}

}  // namespace
}  // namespace dojang::store::testing
