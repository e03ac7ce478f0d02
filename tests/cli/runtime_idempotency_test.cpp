// Idempotency keys through the real `dojang`: a repeated key prints the first result again and
// changes nothing.

#include <gtest/gtest.h>

#include <string>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

class Idempotency : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }
};
DOJANG_RUNTIME_BACKENDS(Idempotency);

TEST_P(Idempotency, TheSameKeyThreeTimesIsOneEvent) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  std::vector<std::string> const submit{"act",   id,      "submit", "--as",      "yoon.seoyeon",
                                        "--key", "sub-1", "--now",  "2007-01-20"};
  std::string const first = ok(submit);
  EXPECT_EQ(first, id + ": 혁신기획단 검토 (office_check) — revision 2\n");
  for (int i = 0; i < 2; ++i) {
    std::string const again = ok(submit);
    EXPECT_EQ(first_line(again), first_line(first));
    EXPECT_TRUE(contains(again, "key 'sub-1' was used before")) << again;
  }
  EXPECT_EQ(event_count(id), 2u);

  // Even after the item moved on, the key still answers with its first result.
  ok({"act", id, "forward", "--as", "kim.sujin", "--now", "2007-01-21"});
  boost::json::value const doc = json(submit);
  EXPECT_TRUE(doc.at("replayed").as_bool());
  EXPECT_EQ(doc.at("revision").as_int64(), 2);
  EXPECT_EQ(json_text(doc.at("state")), "office_check");
  EXPECT_EQ(event_count(id), 3u);
}

TEST_P(Idempotency, AStartWithAKeyStartsOneItem) {
  std::vector<std::string> const start{"start", "innovation_task",     "--as",  "oh.yuna",
                                       "--set", "title=주민참여 예산", "--key", "start-7",
                                       "--now", "2007-01-15"};
  std::string const id = ok(start);
  EXPECT_EQ(first_line(ok(start)), first_line(id));
  EXPECT_EQ(first_line(ok(start)), first_line(id));
  // The next item is number 2: the repeats used no number.
  EXPECT_EQ(start_task("oh.yuna", "다른 과제", "2007-01-16"), "innovation_task-000002");
}

TEST_P(Idempotency, AKeyUsedForAnotherRequestIsRefused) {
  std::string const one = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  std::string const two = start_task("oh.yuna", "주민참여 예산", "2007-01-15");
  ok({"act", one, "submit", "--as", "yoon.seoyeon", "--key", "k", "--now", "2007-01-20"});
  std::string const before = history_json(two);
  Outcome const r =
      run({"act", two, "submit", "--as", "oh.yuna", "--key", "k", "--now", "2007-01-20"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "the key 'k' was already used for 'submit' on " + one)) << r.err;
  EXPECT_EQ(history_json(two), before);
}

TEST_P(Idempotency, ARefusedRequestDoesNotTakeTheKey) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  Outcome const refused =
      run({"act", id, "submit", "--as", "yoon.seoyeon", "--key", "k2", "--now", "2007-03-20"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(ok({"act", id, "submit", "--as", "yoon.seoyeon", "--key", "k2", "--now", "2007-01-20"}),
            id + ": 혁신기획단 검토 (office_check) — revision 2\n");
}

TEST_P(Idempotency, ConcurrentRepeatsOfOneKeyMakeOneEvent) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  std::vector<std::string> const submit{"act",   id,      "submit", "--as",      "yoon.seoyeon",
                                        "--key", "burst", "--now",  "2007-01-20"};
  std::vector<Outcome> const runs = run_together({submit, submit, submit});
  // Whoever lost the race found the key taken and answered with the winner's result.
  for (const Outcome& r : runs) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(first_line(r.out), id + ": 혁신기획단 검토 (office_check) — revision 2") << r.out;
  }
  EXPECT_EQ(event_count(id), 2u);
}

}  // namespace
}  // namespace dojang::cli::test
