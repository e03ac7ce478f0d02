// The history hash chain: it verifies, and tampering with a stored event shows up.

#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

// Commits a start and `moves` more steps; returns the instance as last committed.
engine::Instance run(Store& store, const std::string& id, int moves) {
  engine::Step step = start_step(id, engine::Date{1000});
  EXPECT_TRUE(store.commit(step, ""));
  for (int i = 0; i < moves; ++i) {
    step = next_step(step.instance, "move", engine::Date{2000 + i});
    EXPECT_TRUE(store.commit(step, ""));
  }
  return step.instance;
}

TEST_P(StoreTest, EveryHashChainVerifies) {
  auto store = open_store();
  ASSERT_TRUE(store);
  run(*store, "a-1", 2);
  run(*store, "a-2", 0);
  auto report = store->verify(std::nullopt);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->instances, 2);
  EXPECT_EQ(report->events, 4);
  auto one = store->verify("a-1");
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->ok());
  EXPECT_EQ(one->events, 3);
  EXPECT_EQ(store->verify("a-404").error().code, Error::Code::NotFound);
}

TEST_P(StoreTest, AChangedCommentIsReportedWithItsInstanceAndSeq) {
  auto store = open_store();
  ASSERT_TRUE(store);
  run(*store, "a-1", 3);
  run(*store, "a-2", 3);
  {
    auto raw = raw_session();
    std::string comment = "원래 반려였음", instance = "a-1";
    long long seq = 2;
    *raw << "UPDATE history SET comment = :c WHERE instance = :i AND seq = :s", soci::use(comment),
        soci::use(instance), soci::use(seq);
  }
  auto report = store->verify(std::nullopt);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].instance, "a-1");
  EXPECT_EQ(report->problems[0].seq, 2);
  EXPECT_NE(report->problems[0].reason.find("does not match its hash"), std::string::npos)
      << report->problems[0].reason;
  EXPECT_FALSE(store->verify("a-1").value().ok());
  EXPECT_TRUE(store->verify("a-2").value().ok());
}

TEST_P(StoreTest, RemovedOrChangedEventsBreakTheChain) {
  auto store = open_store();
  ASSERT_TRUE(store);
  run(*store, "cut", 3);      // events 1..4: the last one is removed
  run(*store, "payload", 2);  // events 1..3: a changed field value in event 2
  run(*store, "hash", 2);     // events 1..3: the hash of event 2 replaced
  {
    auto raw = raw_session();
    *raw << "DELETE FROM history WHERE instance = 'cut' AND seq = 4";
    *raw << "UPDATE history SET payload = REPLACE(payload, '12.5', '13.5')"
            " WHERE instance = 'payload' AND seq = 1";
    *raw << "UPDATE history SET hash = 'ffff' WHERE instance = 'hash' AND seq = 2";
  }
  auto report = store->verify(std::nullopt);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->problems.size(), 3u);
  EXPECT_EQ(report->problems[0].instance, "cut");
  EXPECT_EQ(report->problems[0].seq, 4);
  EXPECT_EQ(report->problems[1].instance, "hash");
  EXPECT_EQ(report->problems[1].seq, 2);
  EXPECT_EQ(report->problems[2].instance, "payload");
  EXPECT_EQ(report->problems[2].seq, 1);
}

}  // namespace
}  // namespace dojang::store::testing
