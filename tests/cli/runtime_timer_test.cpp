// `dojang tick`: due timers fire exactly once, also with several processes at the same time.

#include <gtest/gtest.h>

#include <string>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

class Tick : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }

  // A task submitted on `day` (its office check is due 14 days later).
  std::string submitted(const std::string& user, const std::string& day) {
    std::string const id = start_task(user, "과제 " + day, day);
    ok({"act", id, "submit", "--as", user, "--now", day});
    return id;
  }

  std::size_t timer_events(const std::string& id) {
    boost::json::value const doc = json({"history", id});
    std::size_t n = 0;
    for (const auto& e : doc.at("events").as_array()) {
      const std::string kind = json_text(e.at("kind"));
      n += kind == "timer" || kind == "reminder";  // a deadline that only notifies: a reminder
    }
    return n;
  }
};
DOJANG_RUNTIME_BACKENDS(Tick);

TEST_P(Tick, ADeadlineFiresOnceWhenDue) {
  std::string const id = submitted("yoon.seoyeon", "2007-01-20");
  EXPECT_TRUE(contains(ok({"show", id}),
                       "deadline 14d → notify 혁신기획단 (office)  "
                       "2007-02-03 00:00 (+09:00)"));
  EXPECT_EQ(ok({"tick", "--now", "2007-02-02T23:59:59"}), "0 timers fired\n");
  EXPECT_EQ(ok({"tick", "--now", "2007-02-03"}),
            id + ": deadline 14d in 혁신기획단 검토 (office_check) fired — now 혁신기획단 검토 "
                 "(office_check), revision 2\n"
                 "  notify 혁신기획단 (office): '과제 2007-01-20' 검토 기한이 지났습니다\n"
                 "1 timer fired\n");
  EXPECT_EQ(ok({"tick", "--now", "2007-02-04"}), "0 timers fired\n");
  EXPECT_EQ(timer_events(id), 1u);
  EXPECT_TRUE(contains(ok({"history", id}),
                       "#2  2007-02-03 00:00 (+09:00)  reminder deadline 14d  by "
                       "system\n"));
  EXPECT_FALSE(contains(ok({"show", id}), "TIMER"));  // no timer pending any more
}

TEST_P(Tick, MovingOnClearsTheTimer) {
  std::string const id = submitted("yoon.seoyeon", "2007-01-20");
  ok({"act", id, "forward", "--as", "kim.sujin", "--now", "2007-01-22"});
  // The city review's own deadline (30 days) replaced the office's.
  EXPECT_EQ(ok({"tick", "--now", "2007-02-10"}), "0 timers fired\n");
  std::string const fired = ok({"tick", "--now", "2007-02-21"});
  EXPECT_TRUE(contains(fired, "deadline 30d in 시·도 심사 (city_review) fired")) << fired;
  EXPECT_EQ(timer_events(id), 1u);
}

TEST_P(Tick, TwoTicksAtTheSameTimeFireEachTimerOnce) {
  std::vector<std::string> ids;
  for (const char* user : {"yoon.seoyeon", "oh.yuna", "han.sungmin"})
    ids.push_back(submitted(user, "2007-01-20"));
  std::vector<std::string> const tick{"tick", "--now", "2007-02-05", "--json"};
  std::vector<Outcome> const runs = run_together({tick, tick});
  std::int64_t fired = 0;
  for (const Outcome& r : runs) {
    ASSERT_EQ(r.exit_code, 0) << r.err;
    fired += boost::json::parse(r.out).at("fired").as_int64();
  }
  EXPECT_EQ(fired, 3);
  for (const std::string& id : ids) EXPECT_EQ(timer_events(id), 1u) << id;
  EXPECT_EQ(ok({"tick", "--now", "2007-02-06"}), "0 timers fired\n");
}

}  // namespace
}  // namespace dojang::cli::test
