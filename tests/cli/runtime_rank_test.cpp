// P5 창의혁신 우수부서 평가 through the real `dojang`, on SQLite and PostgreSQL: units reported,
// accepted and scored, then `dojang rank` (by the office) or `dojang tick` (on 11-30, Korea time)
// ranks the year once: 1 best, 3 excellent, the rest ordinary.

#include <gtest/gtest.h>

#include <string>

#include "cli/runtime_fixture.hpp"
#include "dojang/dsl/text_width.hpp"

namespace dojang::cli::test {
namespace {

class Rank : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }

  // A unit of `year` reported by `user`, accepted by the office and scored by three evaluators
  // (each the same scores); returns its id.
  std::string unit(const std::string& user, const std::string& name, int capacity, int tasks,
                   const std::string& year = "2026") {
    const std::string id =
        first_line(ok({"start", "dept_evaluation", "--as", user, "--set", "year=" + year, "--set",
                       "unit_name=" + name, "--set", "capacity_report=학습동아리 4개", "--set",
                       "task_report=민원 처리기간 단축", "--now", "2026-10-01T09:00+09:00"}));
    ok({"act", id, "submit", "--as", user, "--now", "2026-10-02T09:00+09:00"});
    ok({"act", id, "accept", "--as", "kim.sujin", "--now", "2026-10-05T09:00+09:00"});
    for (const char* evaluator : {"lee.sanghoon", "kim.mijung", "park.dongsu"}) {
      ok({"review", id, "--as", evaluator, "--set", "capacity=" + std::to_string(capacity), "--set",
          "tasks=" + std::to_string(tasks), "--now", "2026-10-20T09:00+09:00"});
    }
    return id;
  }

  // Five units: totals 87, 85, 82, 75 and 60.
  std::vector<std::string> five_units() {
    return {unit("han.jiwoo", "총무과", 40, 45), unit("oh.seungmin", "기획예산과", 38, 44),
            unit("yang.hyejin", "보건소", 45, 42), unit("choi.youngho", "건설관리과", 30, 30),
            unit("lim.sora", "역삼1동", 35, 40)};
  }

  std::string state_of(const std::string& id) const {
    return json_text(json({"show", id}).at("state"));
  }
};
DOJANG_RUNTIME_BACKENDS(Rank);

// The display column where `part` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& part) {
  const std::size_t at = line.find(part);
  return at == std::string::npos ? std::string::npos : dsl::display_width(line.substr(0, at));
}

TEST_P(Rank, TheOfficeRanksTheYearOnce) {
  const std::vector<std::string> ids = five_units();

  const Outcome no_group = run({"rank", "dept_evaluation", "awards", "--as", "kim.sujin"});
  EXPECT_EQ(no_group.exit_code, 2);
  EXPECT_TRUE(contains(no_group.err, "--group")) << no_group.err;
  const Outcome unit_user =
      run({"rank", "dept_evaluation", "awards", "--as", "han.jiwoo", "--group", "2026"});
  EXPECT_EQ(unit_user.exit_code, 1);
  EXPECT_TRUE(contains(unit_user.err, "needs the role 혁신기획단 (office)")) << unit_user.err;
  const Outcome empty =
      run({"rank", "dept_evaluation", "awards", "--as", "kim.sujin", "--group", "2025", "--json"});
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_TRUE(contains(empty.out, "\"code\":\"empty_cohort\"")) << empty.out;
  EXPECT_EQ(state_of(ids[0]), "evaluated");

  const std::string out = ok({"rank", "dept_evaluation", "awards", "--as", "kim.sujin", "--group",
                              "2026", "--now", "2026-10-30T10:00+09:00"});
  const auto lines = lines_of(out);
  ASSERT_EQ(lines.size(), 7u) << out;
  EXPECT_EQ(lines[0],
            "dept_evaluation 우수부서 선정 (awards), 2026: 5 ranked — 최우수 1, 우수 3, 일반 1");
  EXPECT_EQ(lines[1], "순위  ID                      부서명      total  tasks  capacity  결과");
  EXPECT_EQ(lines[2], "1     " + ids[2] + "  보건소      87     42     45        최우수");
  EXPECT_EQ(lines[6], "5     " + ids[3] + "  건설관리과  60     30     30        일반");
  for (std::size_t i = 2; i < lines.size(); ++i)
    EXPECT_EQ(column_of(lines[i], i == 2   ? "최우수"
                                  : i == 6 ? "일반"
                                           : "우수"),
              column_of(lines[1], "결과"))
        << lines[i];

  EXPECT_EQ(state_of(ids[2]), "best");
  EXPECT_EQ(state_of(ids[0]), "excellent");
  EXPECT_EQ(state_of(ids[4]), "excellent");
  EXPECT_EQ(state_of(ids[3]), "ordinary");
  const boost::json::value shown = json({"show", ids[0]});
  EXPECT_EQ(shown.at("revision").as_int64(), 7);
  const std::string history = ok({"history", ids[0]});
  EXPECT_TRUE(contains(history, "rank awards  by kim.sujin")) << history;
  EXPECT_TRUE(contains(history, "comment: 2위 / 5")) << history;
  EXPECT_TRUE(contains(history, "순위 (place_no) = 2")) << history;
  EXPECT_EQ(event_count(ids[0]), 7u);

  // Ranking the year again: refused, saying when and by whom; nothing changes.
  const std::string before = history_json(ids[0]);
  const Outcome twice = run({"rank", "dept_evaluation", "awards", "--as", "park.jiyeon", "--group",
                             "2026", "--now", "2026-11-02T10:00+09:00"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_TRUE(contains(twice.err, "already run on 2026-10-30 10:00 (+09:00) by kim.sujin"))
      << twice.err;
  EXPECT_EQ(history_json(ids[0]), before);
  // Acting on a ranked unit: it is finished.
  const Outcome act = run({"act", ids[3], "rescore", "--as", "kim.sujin", "--comment", "다시"});
  EXPECT_EQ(act.exit_code, 1);
  EXPECT_TRUE(contains(act.err, "already finished")) << act.err;
  EXPECT_TRUE(contains(ok({"audit", "verify"}), "intact"));
}

TEST_P(Rank, TickRanksOnTheDayInKoreaAndOnlyOnce) {
  const std::vector<std::string> ids = five_units();
  const std::string before = ok({"tick", "--now", "2026-11-29T23:59+09:00"});
  EXPECT_FALSE(contains(before, "ranked")) << before;
  EXPECT_EQ(state_of(ids[2]), "evaluated");

  const boost::json::value on_the_day = json({"tick", "--now", "2026-11-30T00:00+09:00"});
  const auto& rankings = on_the_day.at("rankings").as_array();
  ASSERT_EQ(rankings.size(), 1u) << boost::json::serialize(on_the_day);
  const boost::json::value& awards = rankings[0];
  EXPECT_EQ(json_text(awards.at("result")), "ranked");
  EXPECT_EQ(json_text(awards.at("group")), "2026");
  EXPECT_EQ(json_text(awards.at("actor")), "system");
  const auto& items = awards.at("items").as_array();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(json_text(items[0].at("id")), ids[2]);
  EXPECT_EQ(items[0].at("place").as_int64(), 1);
  EXPECT_EQ(json_text(items[0].at("title")), "보건소");
  EXPECT_EQ(items[0].at("keys").at("total").as_double(), 87.0);
  EXPECT_EQ(json_text(items[0].at("state_label")), "최우수");
  EXPECT_EQ(json_text(items[4].at("state")), "ordinary");
  EXPECT_EQ(state_of(ids[2]), "best");
  EXPECT_EQ(state_of(ids[3]), "ordinary");
  EXPECT_TRUE(contains(ok({"history", ids[2]}), "rank awards  by system")) << ids[2];

  // A unit of the same year that arrives later is not ranked again with its year.
  const std::string late = unit("han.jiwoo", "감사담당관", 41, 41);
  const boost::json::value again = json({"tick", "--now", "2026-12-01T09:00+09:00"});
  EXPECT_TRUE(again.at("rankings").as_array().empty()) << boost::json::serialize(again);
  EXPECT_EQ(state_of(late), "evaluated");
}

// `while scoring wait`: a unit still with its evaluators on the day is not left out; the
// ranking waits (tick succeeds, ranks nothing) and runs on the first tick after it is scored.
TEST_P(Rank, TickWaitsForAUnitStillBeingScored) {
  const std::vector<std::string> ids = five_units();
  const std::string slow =
      first_line(ok({"start", "dept_evaluation", "--as", "han.jiwoo", "--set", "year=2026", "--set",
                     "unit_name=감사담당관", "--set", "capacity_report=학습동아리 2개", "--set",
                     "task_report=감사 절차 간소화", "--now", "2026-10-01T09:00+09:00"}));
  ok({"act", slow, "submit", "--as", "han.jiwoo", "--now", "2026-10-02T09:00+09:00"});
  ok({"act", slow, "accept", "--as", "kim.sujin", "--now", "2026-10-05T09:00+09:00"});
  ok({"review", slow, "--as", "lee.sanghoon", "--set", "capacity=41", "--set", "tasks=41", "--now",
      "2026-10-20T09:00+09:00"});

  const Outcome waiting = run({"tick", "--now", "2026-11-30T09:00+09:00", "--json"});
  EXPECT_EQ(waiting.exit_code, 0) << waiting.out << waiting.err;
  EXPECT_TRUE(boost::json::parse(waiting.out).at("rankings").as_array().empty()) << waiting.out;
  EXPECT_EQ(state_of(ids[2]), "evaluated");

  for (const char* evaluator : {"kim.mijung", "park.dongsu"}) {
    ok({"review", slow, "--as", evaluator, "--set", "capacity=41", "--set", "tasks=41", "--now",
        "2026-11-30T10:00+09:00"});
  }
  const boost::json::value ranked = json({"tick", "--now", "2026-11-30T11:00+09:00"});
  const auto& rankings = ranked.at("rankings").as_array();
  ASSERT_EQ(rankings.size(), 1u) << boost::json::serialize(ranked);
  EXPECT_EQ(rankings[0].at("items").as_array().size(), 6u);
  EXPECT_EQ(state_of(ids[2]), "best");
  EXPECT_NE(state_of(slow), "evaluated");
}

TEST_P(Rank, TickAfterTheDayReportsATieAndWritesNothing) {
  const std::vector<std::string> ids = {
      unit("han.jiwoo", "총무과", 40, 45), unit("oh.seungmin", "기획예산과", 38, 44),
      unit("yang.hyejin", "보건소", 45, 42), unit("choi.youngho", "건설관리과", 30, 30),
      unit("lim.sora", "역삼1동", 30, 30)};
  const std::string before = history_json(ids[4]);
  const Outcome tick = run({"tick", "--now", "2026-12-03T09:00+09:00"});
  EXPECT_EQ(tick.exit_code, 1);
  EXPECT_TRUE(contains(tick.err, "a tie at place 4: " + ids[3] + ", " + ids[4])) << tick.err;
  EXPECT_EQ(history_json(ids[4]), before);
  EXPECT_EQ(state_of(ids[2]), "evaluated");

  // The office has one unit scored again; the next tick ranks the year.
  ok({"act", ids[4], "rescore", "--as", "kim.sujin", "--comment", "4위 동점: 재심사", "--now",
      "2026-12-03T10:00+09:00"});
  for (const char* evaluator : {"lee.sanghoon", "kim.mijung", "park.dongsu"}) {
    ok({"review", ids[4], "--as", evaluator, "--set", "capacity=31", "--set", "tasks=30", "--now",
        "2026-12-04T09:00+09:00"});
  }
  const std::string ranked = ok({"tick", "--now", "2026-12-05T09:00+09:00"});
  EXPECT_TRUE(contains(ranked,
                       "dept_evaluation 우수부서 선정 (awards), 2026: 5 ranked — "
                       "최우수 1, 우수 3, 일반 1"))
      << ranked;
  EXPECT_EQ(state_of(ids[4]), "excellent");
  EXPECT_EQ(state_of(ids[3]), "ordinary");
}

}  // namespace
}  // namespace dojang::cli::test
