// An innovation task from start to confirmation through the real `dojang`, on SQLite and
// PostgreSQL: the right roles, inboxes, `show`, `history`, a deputy acting for an absent officer.

#include <gtest/gtest.h>

#include <string>

#include "cli/runtime_fixture.hpp"
#include "dojang/dsl/text_width.hpp"

namespace dojang::cli::test {
namespace {

class Flow : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }

  // Drives a task to the ministry's step (revision 5) and returns its id.
  std::string to_ministry() {
    std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
    ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20"});
    ok({"act", id, "forward", "--as", "kim.sujin", "--now", "2007-01-25"});
    ok({"act", id, "score", "--as", "moon.jaewon", "--set", "creativity=15", "--set",
        "innovation=14", "--set", "usefulness=16", "--set", "difficulty=12", "--set", "ripple=13",
        "--now", "2007-02-10"});
    ok({"act", id, "pass", "--as", "moon.jaewon", "--now", "2007-02-12"});
    return id;
  }
};
DOJANG_RUNTIME_BACKENDS(Flow);

// The display column where `part` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& part) {
  std::size_t const at = line.find(part);
  return at == std::string::npos ? std::string::npos : dsl::display_width(line.substr(0, at));
}

TEST_P(Flow, MainPathFromStartToConfirmation) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  EXPECT_EQ(id, "innovation_task-000001");
  EXPECT_EQ(ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20"}),
            id + ": 혁신기획단 검토 (office_check) — revision 2\n");
  EXPECT_EQ(ok({"act", id, "forward", "--as", "kim.sujin", "--now", "2007-01-25"}),
            id + ": 시·도 심사 (city_review) — revision 3\n");
  EXPECT_EQ(ok({"act", id, "score", "--as", "moon.jaewon", "--set", "creativity=15", "--set",
                "innovation=14", "--set", "usefulness=16", "--set", "difficulty=12", "--set",
                "ripple=13", "--now", "2007-02-10"}),
            id + ": 시·도 심사 (city_review) — revision 4\n");
  EXPECT_EQ(ok({"act", id, "pass", "--as", "moon.jaewon", "--now", "2007-02-12"}),
            id + ": 행정자치부 컨설팅 및 확정 (ministry_consulting) — revision 5\n");
  EXPECT_EQ(ok({"act", id, "confirm", "--as", "baek.seungho", "--now", "2007-02-14"}),
            id + ": 확정 (confirmed) — revision 6\n"
                 "  notify yoon.seoyeon: '민원서류 간소화' 과제가 확정되었습니다\n");

  std::string const show = ok({"show", id, "--as", "kim.sujin"});
  EXPECT_TRUE(contains(show, "혁신과제 선정 (innovation_task), version 1")) << show;
  EXPECT_TRUE(contains(show, "state      확정 (confirmed)\n")) << show;
  EXPECT_TRUE(contains(show, "revision   6\n")) << show;
  EXPECT_TRUE(contains(show, "submitter  yoon.seoyeon\n")) << show;
  EXPECT_TRUE(contains(show, "과제명 (title)            민원서류 간소화\n")) << show;
  EXPECT_TRUE(contains(show, "파급효과 (ripple)         13\n")) << show;
  EXPECT_TRUE(contains(show, "total    70\n")) << show;
  EXPECT_TRUE(contains(show, "actions for kim.sujin: none now")) << show;

  boost::json::value const doc = json({"show", id});
  EXPECT_EQ(json_text(doc.at("state")), "confirmed");
  EXPECT_EQ(json_text(doc.at("state_label")), "확정");
  EXPECT_TRUE(doc.at("final").as_bool());
  EXPECT_EQ(doc.at("derived").as_array()[0].at("value").as_double(), 70.0);

  std::string const history = ok({"history", id});
  auto const lines = lines_of(history);
  EXPECT_TRUE(contains(history, "#1  2007-01-15 00:00 (+09:00)  start  by yoon.seoyeon\n"))
      << history;
  EXPECT_TRUE(contains(history, "과제명 (title) = 민원서류 간소화")) << history;
  EXPECT_TRUE(contains(history,
                       "#2  2007-01-20 00:00 (+09:00)  act submit  by yoon.seoyeon\n"
                       "      작성 (draft) → 혁신기획단 검토 (office_check)\n"))
      << history;
  EXPECT_TRUE(contains(history, "#3  2007-01-25 00:00 (+09:00)  act forward  by kim.sujin\n"))
      << history;
  EXPECT_TRUE(
      contains(history, "act score  by moon.jaewon\n      stays in 시·도 심사 (city_review)"))
      << history;
  EXPECT_TRUE(contains(history, "창의성 (creativity) = 15")) << history;
  EXPECT_TRUE(contains(history,
                       "#6  2007-02-14 00:00 (+09:00)  act confirm  by baek.seungho\n"
                       "      행정자치부 컨설팅 및 확정 (ministry_consulting) → 확정 "
                       "(confirmed)\n"))
      << history;
  boost::json::value const events = json({"history", id}).at("events");
  ASSERT_EQ(events.as_array().size(), 6u);
  EXPECT_EQ(json_text(events.as_array()[5].at("actor")), "baek.seungho");
  EXPECT_EQ(json_text(events.as_array()[5].at("to_label")), "확정");

  Outcome const after = run({"act", id, "revise", "--as", "baek.seungho", "--comment", "x"});
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_EQ(event_count(id), 6u);
}

TEST_P(Flow, InboxShowsWhatEachPersonCanDoAligned) {
  std::string const first = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  std::string const second = start_task("oh.yuna", "주민참여 예산", "2007-01-16");
  ok({"act", first, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20"});

  std::string const inbox = ok({"inbox", "--as", "kim.sujin", "--now", "2007-01-21"});
  auto const lines = lines_of(inbox);
  ASSERT_EQ(lines.size(), 2u) << inbox;  // the draft waits for its proposer, not the office
  EXPECT_TRUE(lines[0].starts_with("ID ")) << inbox;
  EXPECT_TRUE(lines[1].starts_with(first)) << inbox;
  EXPECT_TRUE(contains(lines[1], "혁신과제 선정")) << inbox;
  EXPECT_TRUE(contains(lines[1], "혁신기획단 검토")) << inbox;
  EXPECT_TRUE(contains(lines[1], "forward, send_back")) << inbox;
  EXPECT_TRUE(lines[1].ends_with("2007-01-20 00:00 (+09:00)")) << inbox;
  for (const auto& [header, cell] :
       std::vector<std::pair<std::string, std::string>>{{"PROCEDURE", "혁신과제 선정"},
                                                        {"STATE", "혁신기획단 검토"},
                                                        {"ACTIONS", "forward"},
                                                        {"UPDATED", "2007-01-20"}}) {
    EXPECT_EQ(column_of(lines[0], header), column_of(lines[1], cell)) << header << "\n" << inbox;
  }

  // A proposer sees the drafts still to submit, within the submission window only.
  std::string const drafts = ok({"inbox", "--as", "oh.yuna", "--now", "2007-01-21"});
  EXPECT_TRUE(contains(drafts, second)) << drafts;
  EXPECT_FALSE(contains(drafts, first)) << drafts;
  EXPECT_EQ(ok({"inbox", "--as", "oh.yuna", "--now", "2007-03-21"}), "nothing waits for oh.yuna\n");
  EXPECT_EQ(ok({"inbox", "--as", "song.mira", "--now", "2007-01-21"}),
            "nothing waits for song.mira\n");

  boost::json::value const doc = json({"inbox", "--as", "kim.sujin", "--now", "2007-01-21"});
  auto const& items = doc.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(json_text(items[0].at("id")), first);
  EXPECT_EQ(items[0].at("actions").as_array().size(), 2u);
}

TEST_P(Flow, ADeputyActsForTheAbsentOfficerAndHistorySaysSo) {
  std::string const id = to_ministry();
  // Before the period the deputy has nothing to do and may not confirm.
  EXPECT_EQ(ok({"inbox", "--as", "jeon.mikyung", "--now", "2007-02-15"}),
            "nothing waits for jeon.mikyung\n");
  Outcome const early = run({"act", id, "confirm", "--as", "jeon.mikyung", "--now", "2007-02-15"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_TRUE(contains(early.err, "'confirm' needs the role 행정자치부 (ministry)")) << early.err;

  std::string const inbox = ok({"inbox", "--as", "jeon.mikyung", "--now", "2007-02-20"});
  auto const lines = lines_of(inbox);
  ASSERT_EQ(lines.size(), 2u) << inbox;
  EXPECT_TRUE(contains(lines[1], "confirm, revise")) << inbox;
  EXPECT_EQ(column_of(lines[0], "ON BEHALF OF"), column_of(lines[1], "baek.seungho")) << inbox;

  EXPECT_EQ(ok({"act", id, "confirm", "--as", "jeon.mikyung", "--now", "2007-02-20"}),
            id + ": 확정 (confirmed) — revision 6\n"
                 "  notify yoon.seoyeon: '민원서류 간소화' 과제가 확정되었습니다\n");
  std::string const history = ok({"history", id});
  EXPECT_TRUE(contains(history,
                       "#6  2007-02-20 00:00 (+09:00)  act confirm  by jeon.mikyung for "
                       "baek.seungho\n"))
      << history;
  boost::json::value const last = json({"history", id}).at("events").as_array().back();
  EXPECT_EQ(json_text(last.at("actor")), "jeon.mikyung");
  EXPECT_EQ(json_text(last.at("on_behalf_of")), "baek.seungho");
}

TEST_P(Flow, TheDeputyPeriodEndsAfterItsLastDay) {
  std::string const id = to_ministry();
  // 2007-03-09 is the last day (Korean time); on the 10th the deputy no longer acts.
  Outcome const late =
      run({"act", id, "confirm", "--as", "jeon.mikyung", "--now", "2007-03-10T00:00:00+09:00"});
  EXPECT_EQ(late.exit_code, 1) << late.out;
  EXPECT_EQ(
      ok({"act", id, "confirm", "--as", "jeon.mikyung", "--now", "2007-03-09T23:59:00+09:00"}),
      id + ": 확정 (confirmed) — revision 6\n"
           "  notify yoon.seoyeon: '민원서류 간소화' 과제가 확정되었습니다\n");
}

TEST_P(Flow, TheSubmitterRecallsBeforeTheOfficeActs) {
  std::string const id = start_task("han.sungmin", "전자결재 확대", "2007-01-15");
  ok({"act", id, "submit", "--as", "han.sungmin", "--now", "2007-01-16"});
  EXPECT_TRUE(contains(ok({"show", id, "--as", "han.sungmin", "--now", "2007-01-16"}),
                       "actions for han.sungmin: recall"));
  Outcome const other = run({"recall", id, "--as", "oh.yuna", "--now", "2007-01-17"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_TRUE(contains(other.err, "only han.sungmin")) << other.err;
  EXPECT_EQ(ok({"recall", id, "--as", "han.sungmin", "--now", "2007-01-17"}),
            id + ": 작성 (draft) — revision 3\n");
  EXPECT_TRUE(
      contains(ok({"history", id}), "#3  2007-01-17 00:00 (+09:00)  recall  by han.sungmin\n"));
}

TEST_P(Flow, ACommitteeReviewsASuggestion) {
  std::string const id = first_line(ok(
      {"start", "suggestion", "--as", "nam.gihun", "--set", "title=민원 안내 문자", "--set",
       "summary=처리 단계마다 문자로 알림", "--set", "kind=improvement", "--now", "2007-04-02"}));
  ok({"act", id, "submit", "--as", "nam.gihun", "--now", "2007-04-02"});
  ok({"act", id, "accept", "--as", "lee.junho", "--now", "2007-04-03"});
  for (const char* judge : {"song.mira", "hwang.inho"}) {
    ok({"review", id, "--as", judge, "--set", "originality=36", "--set", "feasibility=27", "--set",
        "effect=28", "--set", "vote=approve", "--now", "2007-04-10"});
  }
  Outcome const twice = run({"review", id, "--as", "song.mira", "--set", "originality=1", "--set",
                             "feasibility=1", "--set", "effect=1", "--set", "vote=reject"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_TRUE(contains(twice.err, "already reviewed")) << twice.err;
  EXPECT_EQ(
      ok({"review", id, "--as", "ahn.jisoo", "--set", "originality=30", "--set", "feasibility=24",
          "--set", "effect=27", "--set", "vote=찬성", "--now", "2007-04-11"}),
      id + ": 채택 및 포상 (adopted) — revision 6\n");
  boost::json::value const doc = json({"show", id});
  EXPECT_EQ(json_text(doc.at("state")), "adopted");
  std::string const history = ok({"history", id});
  EXPECT_TRUE(contains(history, "review  by ahn.jisoo")) << history;
  EXPECT_TRUE(contains(history, "독창성 (review.originality) = 30")) << history;
}

}  // namespace
}  // namespace dojang::cli::test
