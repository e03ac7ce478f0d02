// `dojang deploy`, `definitions` and `directory load` against SQLite and PostgreSQL.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "cli/runtime_fixture.hpp"
#include "dojang/dsl/compile.hpp"

namespace dojang::cli::test {
namespace {

class Deploy : public RuntimeTest {};
DOJANG_RUNTIME_BACKENDS(Deploy);

fs::path workflow(const std::string& name) {
  return source_dir() / "workflows" / (name + ".flow");
}

TEST_P(Deploy, TheSameTextTwiceIsUnchanged) {
  std::string const task = workflow("innovation_task").string();
  std::string const suggestion = workflow("suggestion").string();
  EXPECT_EQ(ok({"deploy", task, suggestion}),
            "innovation_task: version 1 deployed\nsuggestion: version 1 deployed\n");
  EXPECT_EQ(ok({"deploy", task, suggestion}),
            "innovation_task: unchanged (version 1)\nsuggestion: unchanged (version 1)\n");

  std::string const table = ok({"definitions"});
  auto const lines = lines_of(table);
  ASSERT_EQ(lines.size(), 3u) << table;
  EXPECT_TRUE(lines[0].starts_with("NAME")) << table;
  std::string const hash = dsl::sha256_hex(read_text(task));
  EXPECT_TRUE(std::regex_search(lines[1], std::regex("^innovation_task +1 +\\d{4}-\\d\\d-\\d\\d "
                                                     "\\d\\d:\\d\\d \\(\\+09:00\\) +" +
                                                     hash.substr(0, 12) + " +혁신과제 선정$")))
      << lines[1];
  EXPECT_TRUE(lines[2].starts_with("suggestion ")) << table;
  EXPECT_TRUE(lines[2].ends_with("창의 제안")) << table;
  // The LABEL column starts at the same place on every line.
  EXPECT_EQ(lines[0].find("LABEL"), lines[1].find("혁신과제"));

  boost::json::value const doc = json({"definitions"});
  auto const& list = doc.at("definitions").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(json_text(list[0].at("hash")), hash);
  EXPECT_EQ(list[0].at("version").as_int64(), 1);
}

TEST_P(Deploy, AFileWithErrorsDeploysNothing) {
  std::string broken = read_text(workflow("innovation_task"));
  broken.replace(broken.find("-> city_review"), 14, "-> city_reveiw");
  fs::path const bad = m_dir.write("broken.flow", broken);
  Outcome const r = run({"deploy", workflow("suggestion").string(), bad.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "broken.flow:")) << r.err;
  EXPECT_TRUE(contains(r.err, "city_reveiw")) << r.err;
  EXPECT_TRUE(contains(r.err, "nothing deployed")) << r.err;
  EXPECT_EQ(r.out, "");
  // Nothing was compiled into a store, so none was made for the listing to read.
  Outcome const listed = run({"definitions"});
  EXPECT_EQ(listed.exit_code, 2);
  EXPECT_TRUE(contains(listed.err, "no store")) << listed.err;
}

TEST_P(Deploy, AChangedFileIsVersion2AndRunningItemsKeepVersion1) {
  std::string const text = read_text(workflow("innovation_task"));
  fs::path const file = m_dir.write("innovation_task.flow", text);
  ok({"deploy", file.string()});
  // Two proposers: the office's directory holds roles of procedures not deployed here.
  ok({"directory", "load",
      m_dir
          .write("proposers.csv",
                 "[people]\nid,name,roles\n"
                 "yoon.seoyeon,윤서연,proposer\n"
                 "han.sungmin,한성민,proposer\n")
          .string()});
  std::string const old_item = start_task("yoon.seoyeon", "민원서류 간소화", "2007-01-10");

  std::string changed = text;
  changed.replace(changed.find("\"혁신기획단 검토\""), std::string("\"혁신기획단 검토\"").size(),
                  "\"혁신기획단 사전검토\"");
  write_text(file, changed);
  EXPECT_EQ(ok({"deploy", file.string()}), "innovation_task: version 2 deployed\n");
  EXPECT_EQ(ok({"deploy", file.string()}), "innovation_task: unchanged (version 2)\n");
  std::string const new_item = start_task("han.sungmin", "전자결재 확대", "2007-01-11");
  EXPECT_NE(old_item, new_item);

  EXPECT_EQ(json({"show", old_item}).at("version").as_int64(), 1);
  EXPECT_EQ(json({"show", new_item}).at("version").as_int64(), 2);
  // Each item moves through the version it started on: the old label for the old item.
  EXPECT_EQ(ok({"act", old_item, "submit", "--as", "yoon.seoyeon", "--now", "2007-01-12"}),
            old_item + ": 혁신기획단 검토 (office_check) — revision 2\n");
  EXPECT_EQ(ok({"act", new_item, "submit", "--as", "han.sungmin", "--now", "2007-01-12"}),
            new_item + ": 혁신기획단 사전검토 (office_check) — revision 2\n");

  auto const lines = lines_of(ok({"definitions"}));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(std::regex_search(lines[2], std::regex("^innovation_task +2 "))) << lines[2];
}

TEST_P(Deploy, DirectoryLoadCountsAndReplaces) {
  deploy_workflows();
  EXPECT_EQ(ok({"directory", "load", office_file()}),
            "loaded 17 units, 50 people (63 roles held) and 1 deputy from " + office_file() + "\n");
  boost::json::value const doc = json({"directory", "load", office_file()});
  EXPECT_EQ(doc.at("people").as_int64(), 50);
  EXPECT_EQ(doc.at("deputies").as_int64(), 1);

  // A small directory replaces the office: its people are known, the office's are not.
  fs::path const small = m_dir.write("small.csv",
                                     "[people]\n"
                                     "id,name,roles\n"
                                     "\"kim.x\",\"김, 엑스\",proposer\n");
  EXPECT_EQ(ok({"directory", "load", small.string()}),
            "loaded 1 person (1 role held) and 0 deputies from " + small.string() + "\n");
  EXPECT_FALSE(ok({"start", "innovation_task", "--as", "kim.x", "--now", "2007-01-05"}).empty());
  Outcome const gone = run({"start", "innovation_task", "--as", "yoon.seoyeon"});
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_EQ(gone.err, "dojang: unknown user 'yoon.seoyeon' (not in the directory)\n");
}

TEST_P(Deploy, ADirectoryRoleNoProcedureDeclaresIsRefused) {
  fs::path const file = m_dir.write("roles.csv",
                                    "[people]\n"
                                    "id,name,roles\n"
                                    "kim.x,김엑스,proposer\n"
                                    "lee.x,이엑스,propser office\n");
  // Nothing deployed: no role is declared yet.
  Outcome const early = run({"directory", "load", file.string()});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_TRUE(contains(early.err, file.string() + ":3: kim.x holds the role 'proposer', which no "
                                                  "deployed procedure declares"))
      << early.err;
  ok({"deploy", workflow("innovation_task").string()});
  Outcome const r = run({"directory", "load", file.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(contains(r.err, "kim.x")) << r.err;
  EXPECT_TRUE(contains(r.err, file.string() +
                                  ":4: lee.x holds the role 'propser', which no deployed procedure "
                                  "declares: deploy the procedure first, or correct the name\n"))
      << r.err;
  EXPECT_FALSE(contains(r.err, "'office'")) << r.err;  // innovation_task declares it
  // Nothing was loaded: nobody of the file is known.
  Outcome const start = run({"start", "innovation_task", "--as", "kim.x", "--now", "2007-01-05"});
  EXPECT_EQ(start.exit_code, 1);
  EXPECT_TRUE(contains(start.err, "unknown user 'kim.x'")) << start.err;
}

TEST_P(Deploy, ABadDirectoryFileNamesItsLinesAndLoadsNothing) {
  deploy_workflows();
  ok({"directory", "load", office_file()});
  fs::path const bad = m_dir.write("bad.csv",
                                   "# a broken directory\n"
                                   "[people]\n"
                                   "id,name,department,roles\n"
                                   "kim,김수진,기획팀,office\n"
                                   "kim,김수진,기획팀,office\n"
                                   "lee,이준호,기획팀\n"
                                   "[deputies]\n"
                                   "deputy,for,from,to\n"
                                   "lee,park,2007-02-30,2007-03-01\n");
  Outcome const r = run({"directory", "load", bad.string()});
  EXPECT_EQ(r.exit_code, 1);
  std::string const at = bad.string() + ":";
  EXPECT_TRUE(contains(r.err, at + "5: 'kim' appears twice (first on line 4)")) << r.err;
  EXPECT_TRUE(contains(r.err, at + "6: expected 4 values, found 3")) << r.err;
  EXPECT_TRUE(contains(r.err, at + "9: '2007-02-30' is not a date")) << r.err;
  EXPECT_TRUE(contains(r.err, at + "9: 'park' is not in [people]")) << r.err;
  EXPECT_EQ(r.out, "");
  // The office is still the directory.
  ok({"deploy", workflow("innovation_task").string()});
  EXPECT_FALSE(start_task("yoon.seoyeon", "x", "2007-01-05").empty());
}

}  // namespace
}  // namespace dojang::cli::test
