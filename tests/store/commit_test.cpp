// Committing steps: new and updated instances, stale revisions, racing writers, idempotency.

#include <latch>
#include <thread>

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

TEST_P(StoreTest, CommitsANewInstanceAndThenUpdatesIt) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto id = store->next_instance_id("innovation_task");
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(*id, "innovation_task-000001");

  engine::Step start = start_step(*id, engine::Date{1000});
  auto first = store->commit(start, "");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->seq, 1);
  EXPECT_EQ(first->hash.size(), 64u);
  auto stored = store->instance(*id);
  ASSERT_TRUE(stored) << stored.error().message;
  expect_same_instance(*stored, start.instance);

  engine::Step approve = next_step(*stored, "approve", engine::Date{2000});
  auto second = store->commit(approve, "");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->seq, 2);
  EXPECT_NE(second->hash, first->hash);
  auto updated = store->instance(*id);
  ASSERT_TRUE(updated);
  expect_same_instance(*updated, approve.instance);

  auto events = store->history(*id);
  ASSERT_TRUE(events) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  expect_same_event((*events)[0].event, start.event);
  expect_same_event((*events)[1].event, approve.event);
  EXPECT_EQ((*events)[0].prev_hash, "");
  EXPECT_EQ((*events)[0].hash, first->hash);
  EXPECT_EQ((*events)[1].prev_hash, first->hash);
  EXPECT_EQ((*events)[1].hash, second->hash);

  auto missing = store->instance("innovation_task-999999");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Error::Code::NotFound);
  EXPECT_EQ(store->history("innovation_task-999999").error().code, Error::Code::NotFound);
  EXPECT_EQ(store->commit(start, "").error().code, Error::Code::Duplicate);  // same id again
}

TEST_P(StoreTest, InstanceIdsCountPerWorkflow) {
  auto store = open_store();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->next_instance_id("voc").value(), "voc-000001");
  EXPECT_EQ(store->next_instance_id("voc").value(), "voc-000002");
  EXPECT_EQ(store->next_instance_id("knowledge").value(), "knowledge-000001");
  EXPECT_EQ(store->next_instance_id("voc").value(), "voc-000003");
}

TEST_P(StoreTest, AStaleRevisionIsAConflictAndChangesNothing) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("task-1", engine::Date{1000});
  ASSERT_TRUE(store->commit(start, ""));
  engine::Step approve = next_step(start.instance, "approve", engine::Date{2000});
  ASSERT_TRUE(store->commit(approve, ""));

  engine::Step late = next_step(start.instance, "reject", engine::Date{3000});  // built on rev 1
  late.event.comment = "too late";
  auto refused = store->commit(late, "late-key");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Error::Code::Conflict);
  EXPECT_NE(refused.error().message.find("revision 2"), std::string::npos)
      << refused.error().message;

  auto now = store->instance("task-1");
  ASSERT_TRUE(now);
  expect_same_instance(*now, approve.instance);
  auto events = store->history("task-1");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].event.action, "approve");
  EXPECT_FALSE(store->find_idempotency_key("late-key").value().has_value());
  auto raw = raw_session();
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM outbox"), 2);
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM history"), 2);
}

TEST_P(StoreTest, OfSixteenRacingWritersExactlyOneWins) {
  {
    auto store = open_store();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->commit(start_step("race-1", engine::Date{1000}), ""));
  }
  engine::Instance base = start_step("race-1", engine::Date{1000}).instance;
  constexpr int kWriters = 16;
  std::vector<std::optional<Error::Code>> outcomes(kWriters);
  std::vector<std::string> open_errors(kWriters);
  std::latch ready(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      auto store = Store::open(m_url);
      ready.arrive_and_wait();
      if (!store) {
        open_errors[i] = store.error().message;
        return;
      }
      engine::Step step = next_step(base, "approve-" + std::to_string(i), engine::Date{2000 + i});
      auto done = (*store)->commit(step, "");
      outcomes[i] = done ? std::nullopt : std::optional(done.error().code);
    });
  }
  for (std::thread& t : writers) t.join();
  int wins = 0;
  for (int i = 0; i < kWriters; ++i) {
    ASSERT_EQ(open_errors[i], "") << "writer " << i;
    if (!outcomes[i]) {
      ++wins;
    } else {
      EXPECT_EQ(*outcomes[i], Error::Code::Conflict) << "writer " << i;
    }
  }
  EXPECT_EQ(wins, 1);

  auto store = open_store();
  ASSERT_TRUE(store);
  auto events = store->history("race-1");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].event.seq, 1);
  EXPECT_EQ((*events)[1].event.seq, 2);
  EXPECT_EQ(store->instance("race-1").value().revision, 2);
  auto report = store->verify("race-1");
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok());
}

TEST_P(StoreTest, AnIdempotencyKeyKeepsTheFirstResult) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("task-7", engine::Date{1000});
  auto committed = store->commit(start, "요청-0001");
  ASSERT_TRUE(committed) << committed.error().message;

  auto hit = store->find_idempotency_key("요청-0001");
  ASSERT_TRUE(hit) << hit.error().message;
  ASSERT_TRUE(hit->has_value());
  EXPECT_EQ((*hit)->instance, "task-7");
  EXPECT_EQ((*hit)->seq, 1);
  EXPECT_EQ((*hit)->hash, committed->hash);
  expect_same_event((*hit)->event, start.event);

  auto none = store->find_idempotency_key("never-used");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());

  // The same key on another step: refused, and that step leaves no trace.
  engine::Step approve = next_step(start.instance, "approve", engine::Date{2000});
  auto again = store->commit(approve, "요청-0001");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Error::Code::Duplicate);
  EXPECT_EQ(store->instance("task-7").value().revision, 1);
  EXPECT_EQ(store->history("task-7").value().size(), 1u);
}

TEST_P(StoreTest, RejectsAStepWhoseEventDoesNotMatchItsRevision) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step step = start_step("task-9", engine::Date{1000});
  step.event.seq = 5;
  auto refused = store->commit(step, "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Error::Code::Invalid);
  EXPECT_EQ(store->instance("task-9").error().code, Error::Code::NotFound);
}

}  // namespace
}  // namespace dojang::store::testing
