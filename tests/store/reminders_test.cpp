// A reminder (a deadline that only notifies) is recorded in the history and the outbox but is no
// revision: whoever loaded the item before it can still act with that revision, and its sender can
// still recall it; the chain and `audit verify` hold, on both backends.

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/source_file.hpp"
#include "dojang/engine/replay.hpp"
#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

constexpr const char* kFlow = R"flow(
workflow errand "심부름" {
  roles {
    clerk "담당자"
    boss  "과장"
  }
  fields {
    title "제목" text required
  }
  start draft
  state draft "작성" {
    on submit by clerk -> approval recallable
  }
  state approval "결재" {
    on approve by boss -> done not by submitter
    deadline 3d -> notify boss "'{title}' 결재가 밀려 있습니다"
  }
  final done "완료"
}
)flow";

constexpr std::int64_t kDay = 24 * 3600;
const engine::Date kNow{1'700'000'000};

class Reminders : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const dsl::SourceFile file("errand.flow", kFlow);
    dsl::CompileResult compiled = dsl::compile(file);
    ASSERT_TRUE(compiled.ok());
    def = compiled.definition;
    store = open_store();
    ASSERT_TRUE(store);
  }

  // Applies and commits; the committed instance as the store reads it back.
  engine::Instance commit(const engine::Instance& before, const engine::Request& request,
                          const engine::Principal& who, engine::Date at) {
    auto step = engine::apply(*def, before, request, who, at);
    EXPECT_TRUE(step) << (step ? "" : step.error().message);
    if (!step) return before;
    auto done = store->commit(*step, "");
    EXPECT_TRUE(done) << (done ? "" : done.error().message);
    auto back = store->instance(step->instance.id);
    EXPECT_TRUE(back);
    return back ? *back : before;
  }

  // An errand started and submitted by the clerk, then reminded of by the system.
  void submit_and_remind() {
    engine::Request start;
    start.kind = engine::Request::Kind::Start;
    start.new_id = "errand-1";
    start.set = {{"title", "복사용지"}};
    engine::Instance item = commit({}, start, clerk, kNow);
    engine::Request submit;
    submit.action = "submit";
    submitted = commit(item, submit, clerk, kNow);
    ASSERT_EQ(submitted.timers.size(), 1u);
    auto due = store->claim_due_timers(engine::Date{kNow.seconds + 3 * kDay}, 10);
    ASSERT_TRUE(due);
    ASSERT_EQ(due->size(), 1u);
    engine::Request fire;
    fire.kind = engine::Request::Kind::Fire;
    fire.timer = (*due)[0].timer;
    reminded = commit(submitted, fire, system, engine::Date{kNow.seconds + 3 * kDay});
  }

  std::shared_ptr<const engine::Definition> def;
  std::unique_ptr<Store> store;
  const engine::Principal clerk{"kim", {"clerk"}, {}, "", nullptr};
  const engine::Principal boss{"park", {"boss"}, {}, "", nullptr};
  const engine::Principal system{"system", {}, {}, "", nullptr};
  engine::Instance submitted, reminded;
};

TEST_P(Reminders, KeepTheRevisionAndAreRecorded) {
  submit_and_remind();
  if (HasFatalFailure()) return;
  EXPECT_EQ(reminded.revision, submitted.revision);
  EXPECT_EQ(reminded.revision, 2);
  EXPECT_EQ(reminded.reminders, 1);
  EXPECT_EQ(reminded.recall, submitted.recall);
  EXPECT_EQ(reminded.updated_at, submitted.updated_at);
  EXPECT_TRUE(reminded.timers.empty());
  auto due = store->claim_due_timers(engine::Date{kNow.seconds + 30 * kDay}, 10);
  ASSERT_TRUE(due);
  EXPECT_TRUE(due->empty());  // fired once

  auto history = store->history("errand-1");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u);
  const engine::HistoryEvent& ev = (*history)[2].event;
  EXPECT_EQ(ev.kind, "reminder");
  EXPECT_EQ(ev.seq, 2);
  EXPECT_EQ(ev.reminder, 1);
  EXPECT_EQ((*history)[2].prev_hash, (*history)[1].hash);

  auto outbox = store->outbox(10);
  ASSERT_TRUE(outbox);
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ((*outbox)[0].role, "boss");
  EXPECT_EQ((*outbox)[0].message, "'복사용지' 결재가 밀려 있습니다");
  EXPECT_EQ((*outbox)[0].seq, 2);

  auto report = store->verify(std::nullopt);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems[0].reason;
  EXPECT_EQ(report->events, 3);
}

TEST_P(Reminders, AnActWithTheOldRevisionStillSucceeds) {
  submit_and_remind();
  if (HasFatalFailure()) return;
  engine::Request approve;
  approve.action = "approve";
  approve.expected_revision = submitted.revision;  // read before the reminder
  const engine::Instance done =
      commit(reminded, approve, boss, engine::Date{kNow.seconds + 4 * kDay});
  EXPECT_EQ(done.revision, 3);
  EXPECT_EQ(def->states[done.state].name, "done");

  auto history = store->history("errand-1");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ((*history)[3].prev_hash, (*history)[2].hash);  // chained after the reminder
  std::vector<engine::HistoryEvent> events;
  for (const StoredEvent& e : *history) events.push_back(e.event);
  auto folded = engine::fold_history(*def, events);
  ASSERT_TRUE(folded) << folded.error();
  EXPECT_EQ(folded->revision, 3);
  EXPECT_EQ(folded->reminders, 1);
  auto report = store->verify(std::string("errand-1"));
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems[0].reason;
}

TEST_P(Reminders, TheSenderCanStillRecall) {
  submit_and_remind();
  if (HasFatalFailure()) return;
  engine::Request recall;
  recall.kind = engine::Request::Kind::Recall;
  recall.expected_revision = submitted.revision;
  const engine::Instance back =
      commit(reminded, recall, clerk, engine::Date{kNow.seconds + 4 * kDay});
  EXPECT_EQ(def->states[back.state].name, "draft");
  EXPECT_EQ(back.revision, 3);
  auto report = store->verify(std::nullopt);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty()) << report->problems[0].reason;
}

// A step built on the item as it was before the reminder (its timer still pending) is a conflict:
// written, it would bring the fired timer back and fork the chain. Loaded again, it goes through.
TEST_P(Reminders, AStepBuiltBeforeTheReminderIsWrittenOnlyAfterAReload) {
  submit_and_remind();
  if (HasFatalFailure()) return;
  engine::Request approve;
  approve.action = "approve";
  auto step = engine::apply(*def, submitted, approve, boss, engine::Date{kNow.seconds + 4 * kDay});
  ASSERT_TRUE(step);
  auto refused = store->commit(*step, "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Error::Code::Conflict);
  EXPECT_NE(refused.error().message.find("reminder"), std::string::npos) << refused.error().message;
  const engine::Instance done =
      commit(reminded, approve, boss, engine::Date{kNow.seconds + 4 * kDay});
  EXPECT_EQ(done.revision, 3);
}

TEST_P(Reminders, ATamperedReminderIsFoundByTheAudit) {
  submit_and_remind();
  if (HasFatalFailure()) return;
  auto raw = raw_session();
  *raw << "UPDATE history SET action = 'deadline 1d' WHERE kind = 'reminder'";
  auto report = store->verify(std::nullopt);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].seq, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, Reminders, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace dojang::store::testing
