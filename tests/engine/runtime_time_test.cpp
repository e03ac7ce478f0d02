// Time: deadlines that act or notify, `after` moves, timers that are gone, calendar windows.

#include <gtest/gtest.h>

#include <algorithm>

#include "dojang/engine/replay.hpp"
#include "engine/runtime_test_support.hpp"

namespace dojang::engine::test_rt {
namespace {

const Date kNow = ymd(2024, 12, 2, 0);
const Principal kStaff = person("kim", {"staff"});
const Principal kBoss = person("park", {"boss"});
const Principal kHead = person("choi", {"head"});
const Principal kSystem = person("system");

constexpr const char* kLeave = R"flow(
workflow leave "휴가 신청" {
  roles { staff "직원" boss "과장" head "국장" }
  fields {
    days   "일수" number required
    reason "사유" text
  }
  start draft
  state draft "작성" {
    on submit by staff -> approval
  }
  state approval "결재" {
    on approve by boss -> approved not by submitter
    on escalate by boss -> head_review when days > 0 notify head "{days}일 휴가 결재가 넘어왔습니다"
    on remind by boss with comment
    deadline 3d -> escalate notify boss "휴가 결재 기한이 지났습니다"
    deadline 1d -> remind
    after 10d -> expired
  }
  state head_review "국장 결재" {
    on approve by head -> approved open 11-01 .. 02-28
  }
  final approved "승인"
  final expired "만료"
}
)flow";

struct RuntimeTimers : ::testing::Test {
  Item item{compile_flow("leave.flow", kLeave)};
  void submit(const char* days = "3") {
    item.must(start_request(values({{"days", days}})), kStaff, kNow);
    item.must(act("submit"), kStaff, kNow);
  }
  // The pending timer of the current state with this TimerDef index.
  PendingTimer timer(Index index) {
    for (const PendingTimer& t : item.instance().timers) {
      if (t.timer == index) return t;
    }
    ADD_FAILURE() << "no pending timer " << index;
    return {};
  }
};

TEST_F(RuntimeTimers, EnteringAStateSetsItsTimers) {
  submit();
  const Index approval = item.def().state_index("approval");
  EXPECT_EQ(item.instance().timers,
            (std::vector<PendingTimer>{{approval, 0, Date{kNow.seconds + 3 * kDay}},
                                       {approval, 1, Date{kNow.seconds + 1 * kDay}},
                                       {approval, 2, Date{kNow.seconds + 10 * kDay}}}));
}

TEST_F(RuntimeTimers, DeadlineTakesItsActionAsTheSystem) {
  submit();
  const PendingTimer t = timer(0);
  const Step step = item.must(fire(t), kSystem, t.due);
  EXPECT_EQ(item.state(), "head_review");
  EXPECT_EQ(step.event.kind, "timer");
  EXPECT_EQ(step.event.actor, "system");
  EXPECT_EQ(step.event.action, "escalate");
  EXPECT_EQ(step.event.comment, "deadline 3d");
  ASSERT_EQ(step.notifications.size(), 2u);
  EXPECT_EQ(step.notifications[0], (Notification{"boss", "휴가 결재 기한이 지났습니다"}));
  EXPECT_EQ(step.notifications[1], (Notification{"head", "3일 휴가 결재가 넘어왔습니다"}));
  EXPECT_TRUE(item.instance().timers.empty());  // head_review has none; approval's are gone
  EXPECT_EQ(trail_names(item), (std::vector<std::string>{"draft", "approval"}));
}

TEST_F(RuntimeTimers, DeadlineWhoseActionIsRefusedStillNotifiesAndSaysWhy) {
  submit("0");
  const PendingTimer t = timer(0);
  const Step step = item.must(fire(t), kSystem, t.due);
  EXPECT_EQ(item.state(), "approval");
  EXPECT_EQ(step.event.kind, "timer");
  ASSERT_EQ(step.notifications.size(), 1u);
  ASSERT_EQ(step.event.notes.size(), 1u);
  EXPECT_NE(step.event.notes[0].find("could not take 'escalate'"), std::string::npos);
  EXPECT_NE(step.event.notes[0].find("'days > 0'"), std::string::npos);
  EXPECT_EQ(item.instance().timers.size(), 2u);  // the fired one is gone, the others remain
}

TEST_F(RuntimeTimers, DeadlineTakesAStayActionWithoutAComment) {
  submit();
  const PendingTimer t = timer(1);
  const Step step = item.must(fire(t), kSystem, t.due);
  EXPECT_EQ(step.event.action, "remind");
  EXPECT_EQ(item.state(), "approval");
  EXPECT_EQ(item.instance().timers.size(), 2u);
  EXPECT_EQ(step.waiting_roles, std::vector<std::string>{"boss"});
}

TEST_F(RuntimeTimers, AfterMovesTheItemOn) {
  submit();
  const PendingTimer t = timer(2);
  const Step step = item.must(fire(t), kSystem, t.due);
  EXPECT_EQ(step.event.kind, "timer");
  EXPECT_EQ(step.event.action, "after 10d");
  EXPECT_EQ(step.event.to, "expired");
  EXPECT_TRUE(step.final);
  EXPECT_TRUE(item.instance().timers.empty());
}

TEST_F(RuntimeTimers, ATimerOfAStateLeftIsGone) {
  submit();
  const PendingTimer t = timer(2);
  item.must(act("approve"), kBoss, kNow);
  expect_refused(item.apply(fire(t), kSystem, t.due), Refusal::Code::TimerGone);
}

TEST_F(RuntimeTimers, AFiredTimerCannotFireTwice) {
  submit();
  const PendingTimer t = timer(1);
  item.must(fire(t), kSystem, t.due);
  expect_refused(item.apply(fire(t), kSystem, t.due), Refusal::Code::TimerGone);
}

TEST_F(RuntimeTimers, StayingKeepsTheTimers) {
  submit();
  const std::vector<PendingTimer> before = item.instance().timers;
  item.must(act("remind", {}, "확인 부탁"), kBoss, ymd(2024, 12, 3));
  EXPECT_EQ(item.instance().timers, before);
}

TEST(RuntimeTimer, ReEnteringAStateStartsItsTimersAgain) {
  Item item(purchase());
  const Principal clerk = person("kim", {"clerk"});
  item.must(start_request(values({{"title", "t"}, {"amount", "1"}})), clerk, kNow);
  item.must(act("submit"), clerk, kNow);
  ASSERT_EQ(item.instance().timers.size(), 1u);
  EXPECT_EQ(item.instance().timers[0].due.seconds, kNow.seconds + 3 * kDay);
  item.must(recall_request(), clerk, Date{kNow.seconds + kDay});
  EXPECT_TRUE(item.instance().timers.empty());
  item.must(act("submit"), clerk, Date{kNow.seconds + 2 * kDay});
  ASSERT_EQ(item.instance().timers.size(), 1u);
  EXPECT_EQ(item.instance().timers[0].due.seconds, kNow.seconds + 5 * kDay);
}

// ---- reminders: deadlines that only notify -----------------------------------------------------

struct RuntimeReminder : ::testing::Test {
  Item item{purchase()};
  const Principal clerk = person("kim", {"clerk"});
  Instance submitted;  // the item as the clerk and the boss loaded it, before the reminder
  Step reminder;
  void SetUp() override {
    item.must(start_request(values({{"title", "복사기"}, {"amount", "500"}})), clerk, kNow);
    item.must(act("submit"), clerk, kNow);
    submitted = item.instance();
    ASSERT_EQ(submitted.timers.size(), 1u);  // approval's `deadline 3d -> notify boss`
    const PendingTimer t = submitted.timers[0];
    reminder = item.must(fire(t), kSystem, t.due);
  }
  [[nodiscard]] bool may_recall() const {
    const std::vector<std::string> a = item.allowed(clerk, Date{kNow.seconds + 4 * kDay});
    return std::find(a.begin(), a.end(), "recall") != a.end();
  }
};

TEST_F(RuntimeReminder, IsAnEventButNoRevision) {
  EXPECT_EQ(reminder.event.kind, "reminder");
  EXPECT_EQ(reminder.event.actor, "system");
  EXPECT_EQ(reminder.event.action, "deadline 3d");
  EXPECT_EQ(reminder.event.seq, submitted.revision);  // sent at the revision it found
  EXPECT_EQ(reminder.event.reminder, 1);
  EXPECT_EQ(reminder.event.from, "approval");
  EXPECT_EQ(reminder.event.to, "approval");
  EXPECT_TRUE(reminder.event.changes.empty());
  ASSERT_EQ(reminder.notifications.size(), 1u);
  EXPECT_EQ(reminder.notifications[0].role, "boss");
  EXPECT_NE(reminder.notifications[0].message.find("'복사기' 결재가 밀려 있습니다"),
            std::string::npos);
  const Instance& now = item.instance();
  EXPECT_EQ(now.revision, submitted.revision);
  EXPECT_EQ(now.updated_at, submitted.updated_at);
  EXPECT_EQ(now.recall, submitted.recall);
  EXPECT_EQ(now.reminders, 1);
  EXPECT_TRUE(now.timers.empty());  // the reminder is gone
  EXPECT_EQ(reminder.waiting_roles, std::vector<std::string>{"boss"});
  // Apart from its timer and the count of reminders, the item is as it was.
  Instance same = now;
  same.timers = submitted.timers;
  same.reminders = submitted.reminders;
  EXPECT_EQ(same, submitted);
}

TEST_F(RuntimeReminder, TheSenderCanStillRecall) {
  EXPECT_TRUE(may_recall());
  const Step recalled = item.must(recall_request(), clerk, Date{kNow.seconds + 4 * kDay});
  EXPECT_EQ(item.state(), "draft");
  EXPECT_EQ(recalled.event.seq, submitted.revision + 1);
  EXPECT_EQ(recalled.event.reminder, 0);
  EXPECT_EQ(item.instance().reminders, 1);  // counted for the whole life of the item
}

TEST_F(RuntimeReminder, AnActWithTheRevisionReadBeforeItIsNoConflict) {
  Request approve = act("approve");
  approve.expected_revision = submitted.revision;
  const Step step = item.must(approve, kBoss, Date{kNow.seconds + 4 * kDay});
  EXPECT_EQ(item.state(), "small");
  EXPECT_EQ(step.event.seq, submitted.revision + 1);
  EXPECT_FALSE(may_recall());  // a step after the submit: the chance to recall is over
}

TEST_F(RuntimeReminder, TheHistoryFoldsPastIt) {
  item.must(act("approve"), kBoss, Date{kNow.seconds + 4 * kDay});
  auto folded = fold_history(item.def(), item.history());
  ASSERT_TRUE(folded) << folded.error();
  EXPECT_EQ(folded->revision, item.instance().revision);
  EXPECT_EQ(folded->reminders, 1);
  EXPECT_EQ(folded->state, item.instance().state);
  // A reminder out of its place (numbered 2 with none before it) is a gap in the history.
  std::vector<HistoryEvent> events = item.history();
  events[2].reminder = 2;
  auto broken = fold_history(item.def(), events);
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().find("reminder 2"), std::string::npos) << broken.error();
}

TEST_F(RuntimeReminder, ADeadlineWithAnActionIsStillARevision) {
  Item leave(compile_flow("leave.flow", kLeave));
  leave.must(start_request(values({{"days", "3"}})), kStaff, kNow);
  leave.must(act("submit"), kStaff, kNow);
  const std::int64_t revision = leave.instance().revision;
  const PendingTimer t = leave.instance().timers[1];  // deadline 1d -> remind (an action)
  const Step step = leave.must(fire(t), kSystem, t.due);
  EXPECT_EQ(step.event.kind, "timer");
  EXPECT_EQ(step.event.reminder, 0);
  EXPECT_EQ(leave.instance().revision, revision + 1);
}

// ---- windows ---------------------------------------------------------------------------------

struct RuntimeWindow : ::testing::Test {
  Item item{compile_flow("leave.flow", kLeave)};
  void SetUp() override {
    item.must(start_request(values({{"days", "2"}})), kStaff, kNow);
    item.must(act("submit"), kStaff, kNow);
    item.must(act("escalate"), kBoss, kNow);
  }
  // Whether the head may approve at `when` (the step is not committed).
  bool approve_at(Date when) {
    const Outcome out = apply(item.def(), item.instance(), act("approve"), kHead, when);
    if (!out) {
      EXPECT_EQ(out.error().code, Refusal::Code::OutsideWindow) << out.error().message;
    }
    return out.has_value();
  }
};

TEST_F(RuntimeWindow, InsideAWindowOverTheYearEnd) {
  for (const Date d :
       {ymd(2024, 11, 1, 0), ymd(2024, 12, 31, 12), ymd(2025, 1, 15), ymd(2025, 2, 28, 14)}) {
    EXPECT_TRUE(approve_at(d)) << to_string(Value{d});
  }
}

TEST_F(RuntimeWindow, OutsideAWindowOverTheYearEnd) {
  for (const Date d : {ymd(2025, 3, 1, 0), ymd(2025, 6, 30), ymd(2024, 10, 31, 14)}) {
    EXPECT_FALSE(approve_at(d)) << to_string(Value{d});
    EXPECT_EQ(item.state(), "head_review");
  }
}

TEST_F(RuntimeWindow, TheDayIsKoreanTime) {
  // 2025-02-28 14:59:59Z is 23:59:59 in Seoul, still inside; a second later it is March.
  EXPECT_FALSE(approve_at(ymd(2025, 2, 28, 15)));
  EXPECT_EQ(item.allowed(kHead, ymd(2025, 2, 28, 15)), std::vector<std::string>{});
  EXPECT_EQ(item.allowed(kHead, ymd(2025, 2, 28, 14, 59, 59)), std::vector<std::string>{"approve"});
  // 2024-10-31 15:00Z is already 11-01 in Seoul.
  EXPECT_TRUE(approve_at(ymd(2024, 10, 31, 15)));
}

}  // namespace
}  // namespace dojang::engine::test_rt
