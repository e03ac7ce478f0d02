// Orders to start other procedures (Step::starts): written with their step in the same
// transaction, listed while pending, marked once the item is started.

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

engine::StartOrder task_order() {
  return {"innovation_task",
          {{"title", engine::Value{"민원 서식 간소화"}},
           {"area", engine::Value{"customer"}},
           {"budget", engine::Value{1.5}},
           {"due", engine::Value{engine::Date{86400 * 3}}},
           {"kpi", engine::Value{}}}};
}

TEST_P(StoreTest, AStepWithoutStartsWritesNoOrder) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("c-1", engine::Date{1000});
  ASSERT_TRUE(store->commit(start, ""));
  ASSERT_TRUE(store->commit(next_step(start.instance, "assign", engine::Date{2000}), ""));
  auto pending = store->pending_starts(std::nullopt, 10);
  ASSERT_TRUE(pending) << pending.error().message;
  EXPECT_TRUE(pending->empty());
  auto raw = raw_session();
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM start_orders"), 0);
}

TEST_P(StoreTest, OrdersAreKeptWithTheirStepAndMarkedOnce) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("c-1", engine::Date{1000});
  ASSERT_TRUE(store->commit(start, ""));
  engine::Step act = next_step(start.instance, "propose_task", engine::Date{2000});
  act.starts = {task_order(), engine::StartOrder{"report", {}}};
  ASSERT_TRUE(store->commit(act, "k-1"));

  auto pending = store->pending_starts(std::nullopt, 10);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(pending->size(), 2u);
  const StartOrderRow& first = (*pending)[0];
  EXPECT_EQ(first.instance, "c-1");
  EXPECT_EQ(first.seq, 2);
  EXPECT_EQ(first.n, 0);
  EXPECT_EQ(first.order, task_order());  // every kind of value, null included, read back
  EXPECT_EQ(first.created_at, engine::Date{2000});
  EXPECT_FALSE(first.started_instance.has_value());
  EXPECT_EQ((*pending)[1].n, 1);
  EXPECT_EQ((*pending)[1].order, (engine::StartOrder{"report", {}}));

  ASSERT_TRUE(store->mark_started("c-1", 2, 0, "innovation_task-1"));
  // Marking again with the same item is fine (a retry); with another one it is a conflict.
  ASSERT_TRUE(store->mark_started("c-1", 2, 0, "innovation_task-1"));
  auto twice = store->mark_started("c-1", 2, 0, "innovation_task-2");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Error::Code::Conflict);
  EXPECT_NE(twice.error().message.find("innovation_task-1"), std::string::npos);
  auto missing = store->mark_started("c-1", 2, 5, "x-1");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Error::Code::NotFound);

  auto left = store->pending_starts(std::string("c-1"), 10);
  ASSERT_TRUE(left) << left.error().message;
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ((*left)[0].n, 1);
  auto all = store->start_orders("c-1");
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].started_instance, std::optional<std::string>("innovation_task-1"));
  EXPECT_FALSE((*all)[1].started_instance.has_value());
}

TEST_P(StoreTest, PendingOrdersByInstanceOldestFirstWithinTheLimit) {
  auto store = open_store();
  ASSERT_TRUE(store);
  for (const char* id : {"c-1", "c-2"}) {
    engine::Step start = start_step(id, engine::Date{1000});
    ASSERT_TRUE(store->commit(start, ""));
    engine::Step act = next_step(start.instance, "propose_task",
                                 engine::Date{id == std::string("c-1") ? 3000 : 2000});
    act.starts = {task_order()};
    ASSERT_TRUE(store->commit(act, ""));
  }
  auto pending = store->pending_starts(std::nullopt, 10);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].instance, "c-2");
  EXPECT_EQ((*pending)[1].instance, "c-1");
  auto one = store->pending_starts(std::nullopt, 1);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->size(), 1u);
  auto of_c1 = store->pending_starts(std::string("c-1"), 10);
  ASSERT_TRUE(of_c1);
  ASSERT_EQ(of_c1->size(), 1u);
  EXPECT_EQ((*of_c1)[0].instance, "c-1");
  auto none = store->pending_starts(std::string("nobody"), 10);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(StoreTest, ARefusedCommitWritesNoOrder) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("c-1", engine::Date{1000});
  ASSERT_TRUE(store->commit(start, ""));
  ASSERT_TRUE(store->commit(next_step(start.instance, "assign", engine::Date{2000}), ""));
  // Built on revision 1, which is gone: a conflict, and its orders go with it.
  engine::Step stale = next_step(start.instance, "propose_task", engine::Date{3000});
  stale.starts = {task_order()};
  auto refused = store->commit(stale, "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Error::Code::Conflict);
  auto raw = raw_session();
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM start_orders"), 0);
  // The same step with a key already taken rolls back, orders included.
  ASSERT_TRUE(
      store->commit(next_step(*store->instance("c-1"), "note", engine::Date{3500}), "used"));
  engine::Step again = next_step(*store->instance("c-1"), "propose_task", engine::Date{4000});
  again.starts = {task_order()};
  auto duplicate = store->commit(again, "used");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM start_orders"), 0);
}

}  // namespace
}  // namespace dojang::store::testing
