// What a Store remembers between commits (the newest event's hash and timers of each instance,
// which spare round trips on PostgreSQL) never stands in for what is in the database: other
// writers, failed commits, changed and unchanged timers and waiting roles.

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

long long number(soci::session& sql, const std::string& query, const std::string& id) {
  long long n = -1;
  sql << query, soci::into(n), soci::use(id);
  return n;
}

TEST_P(StoreTest, AStoreDoesNotTrustWhatItRememberedOnceAnotherWroteAfterIt) {
  auto mine = open_store();
  auto theirs = open_store();
  ASSERT_TRUE(mine && theirs);
  engine::Step start = start_step("h-1", engine::Date{1000});
  ASSERT_TRUE(mine->commit(start, ""));
  engine::Step second = next_step(start.instance, "submit", engine::Date{2000});
  ASSERT_TRUE(mine->commit(second, ""));

  engine::Instance loaded = theirs->instance("h-1").value();
  engine::Step third = next_step(loaded, "approve", engine::Date{3000});
  auto theirs_done = theirs->commit(third, "");
  ASSERT_TRUE(theirs_done) << theirs_done.error().message;

  // Built on what `mine` wrote last: the other writer came first.
  engine::Step late = next_step(second.instance, "reject", engine::Date{3500});
  auto refused = mine->commit(late, "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Error::Code::Conflict);
  EXPECT_NE(refused.error().message.find("revision 3"), std::string::npos)
      << refused.error().message;

  // After loading again, `mine` chains to the other writer's event.
  engine::Step fourth = next_step(mine->instance("h-1").value(), "close", engine::Date{4000});
  auto done = mine->commit(fourth, "");
  ASSERT_TRUE(done) << done.error().message;
  auto events = mine->history("h-1").value();
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[2].hash, theirs_done->hash);
  EXPECT_EQ(events[3].prev_hash, theirs_done->hash);
  EXPECT_EQ(events[3].hash, done->hash);
  EXPECT_TRUE(mine->verify("h-1").value().ok());

  // And the other writer, which remembers revision 3, is refused in turn.
  engine::Step stale = next_step(third.instance, "reopen", engine::Date{5000});
  EXPECT_EQ(theirs->commit(stale, "").error().code, Error::Code::Conflict);
}

TEST_P(StoreTest, TimersAndWaitingRowsFollowEveryStepChangedOrNot) {
  auto store = open_store();
  ASSERT_TRUE(store);
  auto raw = raw_session();
  ASSERT_TRUE(raw);
  engine::Step step = start_step("h-2", engine::Date{1000});
  step.instance.timers = {{0, 0, engine::Date{5000}}, {0, 1, engine::Date{9000}}};
  ASSERT_TRUE(store->commit(step, ""));

  auto commit = [&](std::vector<engine::PendingTimer> timers, std::vector<std::string> roles,
                    long long at) {
    engine::Step next = next_step(step.instance, "move", engine::Date{at});
    next.instance.timers = std::move(timers);
    next.waiting_roles = std::move(roles);
    auto done = store->commit(next, "");
    ASSERT_TRUE(done) << done.error().message;
    step = std::move(next);
    EXPECT_EQ(store->instance("h-2").value().timers, step.instance.timers) << "at " << at;
    EXPECT_EQ(number(*raw, "SELECT count(*) FROM timers WHERE instance = :i", "h-2"),
              static_cast<long long>(step.instance.timers.size()));
    // Each waiting row carries the instance's updated_at, which orders the inboxes.
    EXPECT_EQ(number(*raw,
                     "SELECT count(*) FROM waiting w JOIN instances i ON i.id = w.instance"
                     " WHERE w.instance = :i AND w.updated_at = i.updated_at",
                     "h-2"),
              number(*raw, "SELECT count(*) FROM waiting WHERE instance = :i", "h-2"));
  };
  const std::vector<engine::PendingTimer> kept = step.instance.timers;
  commit(kept, {"office", "auditor"}, 2000);  // the same timers
  commit(kept, {"auditor", "auditor"}, 3000);
  EXPECT_EQ(store->inbox({"office"}, 10).value().size(), 0u);
  ASSERT_EQ(store->inbox({"auditor"}, 10).value().size(), 1u);
  EXPECT_EQ(store->inbox({"auditor"}, 10).value()[0].updated_at, engine::Date{3000});
  commit({{3, 2, engine::Date{7000}}}, {"office"}, 4000);  // changed
  EXPECT_EQ(store->inbox({"auditor"}, 10).value().size(), 0u);
  EXPECT_EQ(store->inbox({"office"}, 10).value().size(), 1u);
  commit({}, {}, 5000);  // none left
  EXPECT_EQ(store->inbox({"office"}, 10).value().size(), 0u);
  commit({{4, 0, engine::Date{8000}}}, {"office"}, 6000);  // back again

  // A timer that is still pending fires once it is due.
  auto due = store->claim_due_timers(engine::Date{8000}, 10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].timer, step.instance.timers[0]);
  EXPECT_TRUE(store->verify("h-2").value().ok());
}

TEST_P(StoreTest, AFailedCommitLeavesTheStoreAbleToCommitTheNextStep) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("h-3", engine::Date{1000});
  ASSERT_TRUE(store->commit(start, "key-1"));
  auto again = store->commit(start, "");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Error::Code::Duplicate);
  EXPECT_NE(again.error().message.find("'h-3' already exists"), std::string::npos)
      << again.error().message;

  engine::Step second = next_step(start.instance, "submit", engine::Date{2000});
  auto taken = store->commit(second, "key-1");  // the key of the start
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, Error::Code::Duplicate);
  EXPECT_NE(taken.error().message.find("idempotency key 'key-1'"), std::string::npos)
      << taken.error().message;
  EXPECT_EQ(store->instance("h-3").value().revision, 1);  // nothing of it was written
  EXPECT_EQ(store->history("h-3").value().size(), 1u);

  auto done = store->commit(second, "key-2");
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->seq, 2);
  auto hit = store->find_idempotency_key("key-2").value();
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->hash, done->hash);
  EXPECT_EQ(store->outbox(10).value().size(), 2u);  // one notification per committed step
  EXPECT_TRUE(store->verify("h-3").value().ok());

  EXPECT_EQ(store->commit(next_step(start.instance, "x", engine::Date{2500}), "").error().code,
            Error::Code::Conflict);
  engine::Step gone = next_step(second.instance, "x", engine::Date{3000});
  gone.instance.id = gone.instance.id + "-missing";
  EXPECT_EQ(store->commit(gone, "").error().code, Error::Code::NotFound);
}

}  // namespace
}  // namespace dojang::store::testing
