// Rankings in the store: the cohort waiting in a state, and every member's step written in one
// transaction with the run row — or nothing at all (a member moved meanwhile, a group ranked
// twice).

#include <latch>
#include <thread>

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

// A ranking's step for one member: the store does not care how it was decided.
engine::Step rank_step(const engine::Instance& before, int place, engine::Date at) {
  engine::Step step = next_step(before, "awards", at);
  step.event.kind = "rank";
  step.event.actor = "park";
  step.event.on_behalf_of.clear();
  step.event.comment = std::to_string(place) + "위 / 3";
  step.notifications.clear();
  return step;
}

// Every member ranked in cohort order, at 90000.
std::vector<engine::Step> rank_all(const std::vector<engine::Instance>& cohort) {
  std::vector<engine::Step> steps;
  for (std::size_t i = 0; i < cohort.size(); ++i)
    steps.push_back(rank_step(cohort[i], static_cast<int>(i) + 1, engine::Date{90000}));
  return steps;
}

class RankingStoreTest : public StoreTest {
 protected:
  // Three items waiting in "draft" (start_step's state) and one elsewhere.
  std::vector<engine::Instance> waiting(Store& store) {
    std::vector<engine::Instance> out;
    for (const char* id : {"u-1", "u-2", "u-3", "u-4"}) {
      auto committed = store.commit(start_step(id, engine::Date{1000}), "");
      EXPECT_TRUE(committed) << committed.error().message;
    }
    auto moved = store.instance("u-4");
    EXPECT_TRUE(moved);
    EXPECT_TRUE(store.commit(next_step(*moved, "submit", engine::Date{1500}), ""));
    auto cohort = store.cohort("innovation_task", "draft");
    EXPECT_TRUE(cohort) << cohort.error().message;
    return cohort ? *cohort : out;
  }

  static RankingRun run_of(const std::string& group) {
    return RankingRun{"innovation_task", "awards", group, 1, engine::Date{90000}, "park"};
  }
};

TEST_P(RankingStoreTest, TheCohortIsEveryItemWaitingInTheStateWithItsTimers) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<engine::Instance> cohort = waiting(*store);
  ASSERT_EQ(cohort.size(), 3u);
  EXPECT_EQ(cohort[0].id, "u-1");
  EXPECT_EQ(cohort[2].id, "u-3");
  auto one = store->instance("u-2");
  ASSERT_TRUE(one);
  expect_same_instance(cohort[1], *one);
  EXPECT_EQ(cohort[1].timers.size(), 1u);
  auto elsewhere = store->cohort("innovation_task", "state1");
  ASSERT_TRUE(elsewhere);
  ASSERT_EQ(elsewhere->size(), 1u);
  EXPECT_EQ((*elsewhere)[0].id, "u-4");
  EXPECT_TRUE(store->cohort("suggestion", "draft")->empty());
}

TEST_P(RankingStoreTest, CommitsEveryStepAndTheRunTogether) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<engine::Instance> cohort = waiting(*store);
  ASSERT_EQ(cohort.size(), 3u);
  const std::vector<engine::Step> steps = rank_all(cohort);
  auto done = store->commit_ranking(run_of("2026"), steps);
  ASSERT_TRUE(done) << done.error().message;
  ASSERT_EQ(done->size(), 3u);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ((*done)[i].seq, 2);
    auto stored = store->instance(cohort[i].id);
    ASSERT_TRUE(stored);
    expect_same_instance(*stored, steps[i].instance);
    auto events = store->history(cohort[i].id);
    ASSERT_TRUE(events);
    ASSERT_EQ(events->size(), 2u);
    expect_same_event((*events)[1].event, steps[i].event);
    EXPECT_EQ((*events)[1].hash, (*done)[i].hash);
  }
  auto run = store->ranking_run("innovation_task", "awards", "2026");
  ASSERT_TRUE(run) << run.error().message;
  ASSERT_TRUE(run->has_value());
  EXPECT_EQ(**run, run_of("2026"));
  EXPECT_FALSE(store->ranking_run("innovation_task", "awards", "2025")->has_value());
  auto audit = store->verify(std::nullopt);
  ASSERT_TRUE(audit) << audit.error().message;
  auto raw = raw_session();
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM waiting WHERE role = 'auditor'"), 4);
  EXPECT_TRUE(store->cohort("innovation_task", "draft")->empty());
}

TEST_P(RankingStoreTest, AMemberMovedMeanwhileIsAConflictAndNothingIsWritten) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<engine::Instance> cohort = waiting(*store);
  ASSERT_EQ(cohort.size(), 3u);
  // Someone else acts on the last member after the cohort was read.
  ASSERT_TRUE(store->commit(next_step(cohort[2], "withdraw", engine::Date{80000}), ""));
  const std::vector<engine::Step> steps = rank_all(cohort);
  auto done = store->commit_ranking(run_of("2026"), steps);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, Error::Code::Conflict);
  EXPECT_NE(done.error().message.find("u-3"), std::string::npos) << done.error().message;
  for (const char* id : {"u-1", "u-2"}) {
    auto stored = store->instance(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->revision, 1) << id;
    EXPECT_EQ(store->history(id)->size(), 1u) << id;
  }
  EXPECT_FALSE(store->ranking_run("innovation_task", "awards", "2026")->has_value());
  auto raw = raw_session();
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM ranking_runs"), 0);
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM history WHERE kind = 'rank'"), 0);
}

TEST_P(RankingStoreTest, RankingAGroupTwiceIsADuplicateThatSaysWhenAndByWhom) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<engine::Instance> cohort = waiting(*store);
  ASSERT_EQ(cohort.size(), 3u);
  ASSERT_TRUE(
      store->commit_ranking(run_of("2026"), {rank_step(cohort[0], 1, engine::Date{90000})}));
  // The other members, ranked again for the same group by someone else.
  RankingRun again = run_of("2026");
  again.actor = "choi";
  auto twice = store->commit_ranking(again, {rank_step(cohort[1], 1, engine::Date{95000})});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Error::Code::Duplicate);
  for (const char* word : {"awards", "2026", "already", "1970-01-02 01:00 UTC", "park"})
    EXPECT_NE(twice.error().message.find(word), std::string::npos) << twice.error().message;
  auto untouched = store->instance(cohort[1].id);
  ASSERT_TRUE(untouched);
  EXPECT_EQ(untouched->revision, 1);
  // Another group is another run.
  ASSERT_TRUE(
      store->commit_ranking(run_of("2027"), {rank_step(cohort[1], 1, engine::Date{96000})}));
}

TEST_P(RankingStoreTest, TwoProcessesRankingOneGroupAtOnceRankItOnce) {
  auto setup = open_store();
  ASSERT_TRUE(setup);
  const std::vector<engine::Instance> cohort = waiting(*setup);
  ASSERT_EQ(cohort.size(), 3u);
  const std::vector<engine::Step> steps = rank_all(cohort);
  std::latch go(2);
  std::vector<Result<std::vector<CommitOutcome>>> results(2, std::unexpected(Error{}));
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      auto store = Store::open(m_url);
      if (!store) return;
      go.arrive_and_wait();
      results[t] = (*store)->commit_ranking(run_of("2026"), steps);
    });
  }
  for (std::thread& t : threads) t.join();
  const int won = (results[0] ? 1 : 0) + (results[1] ? 1 : 0);
  EXPECT_EQ(won, 1);
  for (const auto& r : results) {
    if (!r) {
      EXPECT_TRUE(r.error().code == Error::Code::Duplicate ||
                  r.error().code == Error::Code::Conflict)
          << r.error().message;
    }
  }
  auto raw = raw_session();
  EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM history WHERE kind = 'rank'"), 3);
}

TEST_P(RankingStoreTest, ARankingStepIsWrittenAsACommitIsWithItsStartOrders) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<engine::Instance> cohort = waiting(*store);
  ASSERT_EQ(cohort.size(), 3u);
  engine::Step first = rank_step(cohort[0], 1, engine::Date{90000});
  first.starts = {engine::StartOrder{"report", {{"title", engine::Value{"1위 과제 보고"}}}}};
  auto done =
      store->commit_ranking(run_of("2026"), {first, rank_step(cohort[1], 2, engine::Date{90000})});
  ASSERT_TRUE(done) << done.error().message;
  auto pending = store->pending_starts(std::nullopt, 10);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].instance, "u-1");
  EXPECT_EQ((*pending)[0].seq, 2);
  EXPECT_EQ((*pending)[0].order, first.starts[0]);
  EXPECT_EQ((*pending)[0].created_at, engine::Date{90000});

  // A ranking moves items that exist: a new one is refused before anything is written.
  auto fresh = store->commit_ranking(run_of("2027"), {start_step("u-9", engine::Date{90000})});
  ASSERT_FALSE(fresh);
  EXPECT_EQ(fresh.error().code, Error::Code::Invalid);
  EXPECT_NE(fresh.error().message.find("u-9"), std::string::npos) << fresh.error().message;
  EXPECT_FALSE(store->ranking_run("innovation_task", "awards", "2027")->has_value());
  EXPECT_EQ(store->instance("u-9").error().code, Error::Code::NotFound);
}

TEST_P(RankingStoreTest, TheNextCommitChainsToTheRankingsEventWithItsTimers) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<engine::Instance> cohort = waiting(*store);
  ASSERT_EQ(cohort.size(), 3u);
  engine::Step ranked = rank_step(cohort[0], 1, engine::Date{90000});
  ranked.instance.timers.clear();  // the ranking ends the member's deadline
  auto done = store->commit_ranking(run_of("2026"), {ranked});
  ASSERT_TRUE(done) << done.error().message;

  // The same Store goes on from the ranking's event: timers put back, then kept as they are.
  auto raw = raw_session();
  engine::Step before = ranked;
  for (long long at : {91000, 92000}) {
    engine::Step next = next_step(before.instance, "award", engine::Date{at});
    next.instance.timers = cohort[0].timers;
    auto committed = store->commit(next, "");
    ASSERT_TRUE(committed) << committed.error().message;
    EXPECT_EQ(store->instance("u-1").value().timers, cohort[0].timers) << "at " << at;
    EXPECT_EQ(count(*raw, "SELECT COUNT(*) FROM timers WHERE instance = 'u-1'"),
              static_cast<long long>(cohort[0].timers.size()));
    before = std::move(next);
  }
  auto events = store->history("u-1");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 4u);
  EXPECT_EQ((*events)[1].hash, (*done)[0].hash);
  EXPECT_EQ((*events)[2].prev_hash, (*done)[0].hash);
  EXPECT_TRUE(store->verify("u-1").value().ok());
}

TEST_P(RankingStoreTest, ARankingThatFailedLeavesNothingRememberedOfItsSteps) {
  auto mine = open_store();
  auto theirs = open_store();
  ASSERT_TRUE(mine && theirs);
  const std::vector<engine::Instance> cohort = waiting(*mine);
  ASSERT_EQ(cohort.size(), 3u);
  // u-1 and u-2 are written inside the ranking's transaction before u-3 is found moved.
  ASSERT_TRUE(mine->commit(next_step(cohort[2], "withdraw", engine::Date{80000}), ""));
  const std::vector<engine::Step> steps = rank_all(cohort);
  auto refused = mine->commit_ranking(run_of("2026"), steps);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Error::Code::Conflict);

  // Another writer takes event 2 of u-1; `mine` goes on from it without loading u-1 again, so
  // that only what it remembers (if anything) stands for the previous hash.
  engine::Step second = next_step(cohort[0], "submit", engine::Date{85000});
  auto theirs_done = theirs->commit(second, "");
  ASSERT_TRUE(theirs_done) << theirs_done.error().message;
  auto third = mine->commit(next_step(second.instance, "approve", engine::Date{86000}), "");
  ASSERT_TRUE(third) << third.error().message;
  auto events = mine->history("u-1");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[2].prev_hash, theirs_done->hash);
  EXPECT_TRUE(mine->verify("u-1").value().ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, RankingStoreTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace dojang::store::testing
