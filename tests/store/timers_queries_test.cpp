// Timers claimed exactly once, inboxes, instance lists and the outbox.

#include <set>
#include <thread>

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

// An instance whose start set `due` timers due by `now` and `later` timers due after it.
engine::Step with_timers(const std::string& id, int due, int later, engine::Date now) {
  engine::Step step = start_step(id, engine::Date{now.seconds - 100});
  step.instance.timers.clear();
  for (int i = 0; i < due; ++i) {
    step.instance.timers.push_back(
        {0, static_cast<engine::Index>(i), engine::Date{now.seconds - i}});
  }
  for (int i = 0; i < later; ++i) {
    step.instance.timers.push_back(
        {0, static_cast<engine::Index>(100 + i), engine::Date{now.seconds + 1 + i}});
  }
  return step;
}

TEST_P(StoreTest, TwoStoresRacingClaimEachDueTimerOnce) {
  const engine::Date now{50000};
  {
    auto store = open_store();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->commit(with_timers("t-1", 30, 3, now), ""));
    ASSERT_TRUE(store->commit(with_timers("t-2", 20, 2, now), ""));
  }
  std::vector<DueTimer> claimed[2];
  std::string errors[2];
  std::thread claimers[2];
  for (int c = 0; c < 2; ++c) {
    claimers[c] = std::thread([&, c] {
      auto store = Store::open(m_url);
      if (!store) {
        errors[c] = store.error().message;
        return;
      }
      for (;;) {
        auto batch = (*store)->claim_due_timers(now, 3);
        if (!batch) {
          errors[c] = batch.error().message;
          return;
        }
        if (batch->empty()) return;
        claimed[c].insert(claimed[c].end(), batch->begin(), batch->end());
      }
    });
  }
  for (std::thread& t : claimers) t.join();
  ASSERT_EQ(errors[0], "");
  ASSERT_EQ(errors[1], "");
  std::set<std::int64_t> ids;
  for (const auto& list : claimed) {
    for (const DueTimer& t : list) {
      EXPECT_TRUE(ids.insert(t.id).second) << "timer " << t.id << " claimed twice";
      EXPECT_LE(t.timer.due, now);
      EXPECT_LT(t.timer.timer, 100u);
    }
  }
  EXPECT_EQ(ids.size(), 50u);

  auto store = open_store();
  ASSERT_TRUE(store);
  EXPECT_TRUE(store->claim_due_timers(now, 100).value().empty());
  // A released timer is handed out again, once.
  std::int64_t given_back = claimed[0].empty() ? claimed[1][0].id : claimed[0][0].id;
  ASSERT_TRUE(store->release_timer(given_back));
  auto again = store->claim_due_timers(now, 100);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].id, given_back);
  EXPECT_TRUE(store->claim_due_timers(now, 100).value().empty());
  EXPECT_EQ(store->release_timer(999999).error().code, Error::Code::NotFound);
  // A claim nobody fired nor released within the lease goes out again (its process died).
  auto after_lease = store->claim_due_timers(engine::Date{now.seconds + Store::kClaimLease}, 100);
  ASSERT_TRUE(after_lease);
  EXPECT_EQ(after_lease->size(), 50u + 5u);
}

TEST_P(StoreTest, CommittingReplacesTimersAndClaimsVanishWithThem) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("t-9", engine::Date{1000});
  start.instance.timers = {{0, 0, engine::Date{1500}}, {0, 1, engine::Date{9000}}};
  ASSERT_TRUE(store->commit(start, ""));
  auto due = store->claim_due_timers(engine::Date{2000}, 10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].instance, "t-9");
  EXPECT_EQ((*due)[0].timer, start.instance.timers[0]);

  engine::Step fired = next_step(start.instance, "deadline", engine::Date{2000});
  ASSERT_TRUE(store->commit(fired, ""));
  EXPECT_EQ(store->instance("t-9").value().timers, fired.instance.timers);
  EXPECT_EQ(store->release_timer((*due)[0].id).error().code, Error::Code::NotFound);
}

TEST_P(StoreTest, InboxesFollowTheWaitingRoles) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step a = start_step("i-a", engine::Date{1000});
  engine::Step b = start_step("i-b", engine::Date{2000});
  b.instance.workflow = "voc";
  ASSERT_TRUE(store->commit(a, ""));
  ASSERT_TRUE(store->commit(b, ""));

  auto leads = store->inbox({"team_lead"}, 10);
  ASSERT_TRUE(leads) << leads.error().message;
  ASSERT_EQ(leads->size(), 2u);
  EXPECT_EQ((*leads)[0].id, "i-b");  // newest first
  EXPECT_EQ((*leads)[1].id, "i-a");
  EXPECT_EQ((*leads)[1].state_name, "draft");
  EXPECT_EQ((*leads)[1].submitter, "kim");
  EXPECT_EQ((*leads)[1].revision, 1);
  EXPECT_EQ(store->inbox({"team_lead"}, 1).value().size(), 1u);

  engine::Step moved = next_step(a.instance, "submit", engine::Date{3000});
  moved.final = true;
  ASSERT_TRUE(store->commit(moved, ""));
  auto still = store->inbox({"team_lead"}, 10);
  ASSERT_TRUE(still);
  ASSERT_EQ(still->size(), 1u);
  EXPECT_EQ((*still)[0].id, "i-b");
  auto office = store->inbox({"office", "auditor", "nobody"}, 10);
  ASSERT_TRUE(office);
  ASSERT_EQ(office->size(), 1u);  // waiting for two of the roles, listed once
  EXPECT_EQ((*office)[0].id, "i-a");
  EXPECT_EQ((*office)[0].state_name, "state1");
  EXPECT_TRUE((*office)[0].final);
  EXPECT_TRUE(store->inbox({}, 10).value().empty());

  auto all = store->instances(std::nullopt, 10);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, "i-a");
  auto voc = store->instances("voc", 10);
  ASSERT_TRUE(voc);
  ASSERT_EQ(voc->size(), 1u);
  EXPECT_EQ((*voc)[0].workflow, "voc");
}

TEST_P(StoreTest, NotificationsWaitInTheOutboxUntilSent) {
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("o-1", engine::Date{1000});
  start.notifications.push_back({"office", "새 과제가 등록되었습니다"});
  ASSERT_TRUE(store->commit(start, ""));
  auto pending = store->outbox(10);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].role, "team_lead");
  EXPECT_EQ((*pending)[1].message, "새 과제가 등록되었습니다");
  EXPECT_EQ((*pending)[1].instance, "o-1");
  EXPECT_EQ((*pending)[1].seq, 1);
  EXPECT_EQ((*pending)[1].created_at, engine::Date{1000});
  ASSERT_TRUE(store->mark_sent((*pending)[0].id, engine::Date{1001}));
  auto rest = store->outbox(10);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ((*rest)[0].id, (*pending)[1].id);
  EXPECT_EQ(store->mark_sent(424242, engine::Date{1}).error().code, Error::Code::NotFound);
}

}  // namespace
}  // namespace dojang::store::testing
