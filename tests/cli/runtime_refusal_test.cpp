// Refused requests exit 1 with the reason and change nothing; bad usage and an unreachable
// database exit 2 with one line.

#include <gtest/gtest.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>

#include <string>

#include "cli/runtime_fixture.hpp"

namespace dojang::cli::test {
namespace {

class Refusal : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    if (HasFatalFailure()) return;
    deploy_office();
  }

  // Runs a request that must be refused: exit 1, the reason on stderr, nothing on stdout, and
  // the item's history exactly as before.
  void expect_refused(const std::string& id, const std::vector<std::string>& args,
                      const std::string& reason) {
    SCOPED_TRACE(joined(args));
    std::string const before = history_json(id);
    Outcome const r = run(args);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_TRUE(r.err.starts_with("dojang: ")) << r.err;
    EXPECT_TRUE(contains(r.err, reason)) << r.err;
    EXPECT_EQ(history_json(id), before);
  }
};
DOJANG_RUNTIME_BACKENDS(Refusal);

TEST_P(Refusal, WrongRole) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20"});
  expect_refused(id, {"act", id, "forward", "--as", "yoon.seoyeon", "--now", "2007-01-21"},
                 "'forward' needs the role 혁신기획단 (office); you are yoon.seoyeon, holding "
                 "과제담당 (proposer)");
  expect_refused(id, {"act", id, "pass", "--as", "kim.sujin", "--now", "2007-01-21"},
                 "'pass' is not an action of 혁신기획단 검토 (office_check)");
}

// A draft is its drafter's: another proposer may not send it, nor a starter fill in the city's
// scores; both are refused with the reason, and nothing changes.
TEST_P(Refusal, OnlyTheDrafterSendsTheDraftAndFillsInOnlyTheirFields) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  expect_refused(id, {"act", id, "submit", "--as", "jang.woojin", "--now", "2007-01-16"},
                 "'submit' on a draft in 작성 (draft) is for its drafter, yoon.seoyeon, or their "
                 "deputy; you are jang.woojin");
  Outcome const json =
      run({"act", id, "submit", "--as", "jang.woojin", "--now", "2007-01-16", "--json"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_EQ(json_text(boost::json::parse(json.out).at("error").at("code")), "not_owner");

  Outcome const scored =
      run({"start", "innovation_task", "--as", "yoon.seoyeon", "--set", "title=점수 미리 넣기",
           "--set", "creativity=20", "--now", "2007-01-15"});
  EXPECT_EQ(scored.exit_code, 1) << scored.out;
  EXPECT_TRUE(contains(scored.err, "(creativity) is filled in later, by 'score'")) << scored.err;
  EXPECT_EQ(scored.out, "");
}

TEST_P(Refusal, RequiredFieldMissing) {
  std::string const id = first_line(ok({"start", "innovation_task", "--as", "yoon.seoyeon", "--set",
                                        "title=제목만", "--now", "2007-01-15"}));
  expect_refused(id, {"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-16"},
                 "fill in '혁신 분야' (area), '성과지표' (kpi) before 'submit'");
}

TEST_P(Refusal, BadValueForAScore) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20"});
  ok({"act", id, "forward", "--as", "kim.sujin", "--now", "2007-01-25"});
  expect_refused(
      id,
      {"act", id, "score", "--as", "moon.jaewon", "--set", "creativity=25", "--now", "2007-02-10"},
      "'창의성' needs a number from 0 to 20; '25' is not");
  expect_refused(id,
                 {"act", id, "score", "--as", "moon.jaewon", "--set", "creativity=many", "--now",
                  "2007-02-10"},
                 "'창의성' needs a number from 0 to 20");
  // The guard says which values it saw.
  expect_refused(id, {"act", id, "pass", "--as", "moon.jaewon", "--now", "2007-02-10"},
                 "the condition 'total >= 60' does not hold");
}

TEST_P(Refusal, OutsideTheSubmissionWindow) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  expect_refused(id, {"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-03-05"},
                 "'submit' can be taken only from 01-01 .. 02-28 (Korean time); today is 03-05");
  // 2007-02-28T20:00Z is already 1 March in Korea.
  expect_refused(id, {"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-02-28T20:00:00Z"},
                 "today is 03-01");
  // 23:00 on 28 February in Korea is 14:00 UTC: still open.
  EXPECT_EQ(ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-02-28T23:00:00+09:00"}),
            id + ": 혁신기획단 검토 (office_check) — revision 2\n");
}

TEST_P(Refusal, StaleRevision) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20", "--revision", "1"});
  expect_refused(
      id, {"act", id, "forward", "--as", "kim.sujin", "--now", "2007-01-21", "--revision", "1"},
      "revision 1, now 2");
  EXPECT_EQ(
      ok({"act", id, "forward", "--as", "kim.sujin", "--now", "2007-01-21", "--revision", "2"}),
      id + ": 시·도 심사 (city_review) — revision 3\n");
}

TEST_P(Refusal, FourEyes) {
  // choi.minho is both a proposer and in the office: he may not pass his own task on.
  std::string const id = start_task("choi.minho", "결재 전자화", "2007-01-15");
  ok({"act", id, "submit", "--as", "choi.minho", "--now", "2007-01-16"});
  expect_refused(id, {"act", id, "forward", "--as", "choi.minho", "--now", "2007-01-17"},
                 "may not be taken by the one who submitted the item (separation of duties)");
  EXPECT_FALSE(contains(ok({"show", id, "--as", "choi.minho", "--now", "2007-01-17"}), "forward"));
  EXPECT_EQ(ok({"act", id, "forward", "--as", "park.jiyeon", "--now", "2007-01-17"}),
            id + ": 시·도 심사 (city_review) — revision 3\n");
}

TEST_P(Refusal, ACommentIsRequiredToSendBack) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  ok({"act", id, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-20"});
  expect_refused(id, {"act", id, "send_back", "--as", "kim.sujin", "--now", "2007-01-21"},
                 "'send_back' needs a comment");
  EXPECT_EQ(ok({"act", id, "send_back", "--as", "kim.sujin", "--comment", "성과지표를 수치로",
                "--now", "2007-01-21"}),
            id + ": 작성 (draft) — revision 3\n"
                 "  notify yoon.seoyeon: 혁신과제 선정 innovation_task-000001이(가) 혁신기획단 "
                 "검토에서 반려되었습니다: 성과지표를 수치로\n");
  EXPECT_TRUE(contains(ok({"history", id}), "      comment: 성과지표를 수치로\n"));
}

TEST_P(Refusal, RefusalsInJson) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  Outcome const r = run({"act", id, "forward", "--as", "yoon.seoyeon", "--json"});
  EXPECT_EQ(r.exit_code, 1);
  boost::json::value const doc = boost::json::parse(r.out);
  EXPECT_FALSE(doc.at("ok").as_bool());
  EXPECT_EQ(json_text(doc.at("error").at("code")), "unknown_action");
  EXPECT_TRUE(contains(json_text(doc.at("error").at("message")), "작성 (draft)"));
}

TEST_P(Refusal, UnknownUserItemAndProcedure) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  expect_refused(id, {"act", id, "submit", "--as", "nobody"}, "unknown user 'nobody'");
  Outcome const item = run({"show", "innovation_task-999999"});
  EXPECT_EQ(item.exit_code, 1);
  EXPECT_EQ(item.err, "dojang: no item 'innovation_task-999999'\n");
  Outcome const procedure = run({"start", "leave_request", "--as", "yoon.seoyeon"});
  EXPECT_EQ(procedure.exit_code, 1);
  EXPECT_TRUE(contains(procedure.err, "no procedure 'leave_request' is deployed")) << procedure.err;
}

TEST_P(Refusal, BadUsageExits2WithOneLine) {
  std::string const id = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-15");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"act", id, "submit", "--as", "yoon.seoyeon", "--now", "next tuesday"},
           {"act", id, "submit", "--as", "yoon.seoyeon", "--set", "title"},
           {"act", id, "submit"},
           {"audit"},
           {"directory", "load", (m_dir.path() / "missing.csv").string()}}) {
    SCOPED_TRACE(joined(args));
    std::string const before = history_json(id);
    Outcome const r = run(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_TRUE(r.err.starts_with("dojang")) << r.err;
    EXPECT_EQ(history_json(id), before);
  }
}

TEST(RuntimeUsage, AnUnreachableDatabaseExits2WithOneLine) {
  for (const char* db : {"postgresql://x@/nodb?host=/nonexistent", "sqlite:/nonexistent/dir/x.db",
                         "mysql://localhost/x"}) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"definitions"}, {"inbox", "--as", "kim"}, {"tick"}, {"audit", "verify"}}) {
      SCOPED_TRACE(std::string(db) + " " + args.front());
      std::vector<std::string> command = args;
      command.insert(command.end(), {"--db", db});
      Outcome const r = dojang(command);
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_EQ(r.out, "");
      ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
      EXPECT_TRUE(r.err.starts_with("dojang: ")) << r.err;
    }
  }
  Outcome const r =
      dojang({"show", "x", "--json", "--db", "postgresql://x@/nodb?host=/nonexistent"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(json_text(boost::json::parse(r.out).at("error").at("code")), "unavailable");
}

// A read (or an action) on a SQLite path that holds no store says so, and creates nothing.
TEST(RuntimeUsage, ACommandOnAPathThatHoldsNoStoreExits2AndCreatesNothing) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("dojang-nostore-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "typo.db";
  const std::string db = "sqlite:" + file.string();
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"definitions"},
                                             {"show", "x"},
                                             {"history", "x"},
                                             {"inbox", "--as", "kim"},
                                             {"audit", "verify"},
                                             {"tick"},
                                             {"act", "x", "submit", "--as", "kim"}}) {
    SCOPED_TRACE(args.front());
    std::vector<std::string> command = args;
    command.insert(command.end(), {"--db", db});
    Outcome const r = dojang(command);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find("no store"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(file));
  }
  Outcome const json = dojang({"show", "x", "--json", "--db", db});
  EXPECT_EQ(json_text(boost::json::parse(json.out).at("error").at("code")), "no_store");
  // An empty file is no store either; deploy makes one.
  { std::ofstream touch(file); }
  EXPECT_EQ(dojang({"definitions", "--db", db}).exit_code, 2);
  Outcome const deployed =
      dojang({"deploy", std::string(DOJANG_SOURCE_DIR) + "/workflows/mileage.flow", "--db", db});
  EXPECT_EQ(deployed.exit_code, 0) << deployed.err;
  EXPECT_EQ(dojang({"definitions", "--db", db}).exit_code, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dojang::cli::test
