// `dojang validate`, run as a real process: exit codes, diagnostics on stderr, summaries, --json.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include <boost/json.hpp>

#include "cli/cli_runner.hpp"
#include "dojang/dsl/compile.hpp"

namespace dojang::cli::test {
namespace {

// Parses, checks and compiles; the only fault is the `=>` on line 5.
const char* const kMalformed =
    "workflow broken \"고장\" {\n"
    "  roles { clerk \"담당\" }\n"
    "  start draft\n"
    "  state draft \"작성\" {\n"
    "    on submit by clerk => done\n"
    "  }\n"
    "  final done \"완료\"\n"
    "}\n";

// Valid, with one action whose guard can never hold: a warning and nothing else.
const char* const kWarningOnly =
    "workflow dead_guard \"죽은 조건\" {\n"
    "  roles { clerk \"담당\" }\n"
    "  start draft\n"
    "  state draft \"작성\" {\n"
    "    on submit by clerk -> done\n"
    "    on skip by clerk -> done when 1 > 2\n"
    "  }\n"
    "  final done \"완료\"\n"
    "}\n";

std::string counts_for(const fs::path& file) {
  auto result = dsl::compile(dsl::SourceFile(file.string(), read_text(file)));
  if (!result.definition) return "(does not compile)";
  auto const& d = *result.definition;
  auto plural = [](std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
  };
  return "(" + plural(d.states.size(), "state") + ", " + plural(d.roles.size(), "role") + ", " +
         plural(d.fields.size(), "field") + ")";
}

TEST(Validate, EveryWorkflowPasses) {
  auto const files = workflow_files();
  ASSERT_FALSE(files.empty());
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    Outcome const run = dojang({"validate", file.string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out, file.string() + ": ok " + counts_for(file) + "\n");
  }
}

TEST(Validate, SeveralFilesGiveOneLineEach) {
  auto const files = workflow_files();
  std::vector<std::string> args{"validate"};
  for (const fs::path& f : files) args.push_back(f.string());
  Outcome const run = dojang(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  auto const lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_TRUE(lines[i].starts_with(files[i].string() + ": ok (")) << lines[i];
  }
}

TEST(Validate, MalformedFileFailsWithPositionAndCaret) {
  TempDir dir;
  fs::path const file = dir.write("broken.flow", kMalformed);
  Outcome const run = dojang({"validate", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  std::string const head = file.string() + ":5:";
  EXPECT_NE(run.err.find(head), std::string::npos) << run.err;
  EXPECT_TRUE(std::regex_search(run.err, std::regex(R"(broken\.flow:5:\d+: error: )"))) << run.err;
  EXPECT_NE(run.err.find("    5 |     on submit by clerk => done\n"), std::string::npos) << run.err;
  EXPECT_TRUE(std::regex_search(run.err, std::regex(R"(\n +\| +\^~*\n)"))) << run.err;
  EXPECT_TRUE(std::regex_match(run.out, std::regex(".*broken\\.flow: [1-9][0-9]* errors?\n")))
      << run.out;
}

TEST(Validate, OneBadFileFailsTheRunButEveryFileIsReported) {
  TempDir dir;
  fs::path const bad = dir.write("broken.flow", kMalformed);
  fs::path const good = workflow_files().front();
  Outcome const run = dojang({"validate", bad.string(), good.string()});
  EXPECT_EQ(run.exit_code, 1);
  auto const lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2u) << run.out;
  EXPECT_TRUE(lines[0].starts_with(bad.string() + ": ")) << lines[0];
  EXPECT_TRUE(lines[1].starts_with(good.string() + ": ok (")) << lines[1];
}

TEST(Validate, WarningFailsOnlyWithStrict) {
  TempDir dir;
  fs::path const file = dir.write("dead_guard.flow", kWarningOnly);
  Outcome const lenient = dojang({"validate", file.string()});
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.err.find(": warning: "), std::string::npos) << lenient.err;
  EXPECT_EQ(lenient.err.find(": error: "), std::string::npos) << lenient.err;
  EXPECT_TRUE(lenient.out.starts_with(file.string() + ": ok, 1 warning (")) << lenient.out;

  Outcome const strict = dojang({"validate", "--strict", file.string()});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.out, file.string() + ": 1 warning (an error with --strict)\n");
}

TEST(Validate, JsonDocumentDescribesEveryFile) {
  TempDir dir;
  fs::path const bad = dir.write("broken.flow", kMalformed);
  fs::path const good = workflow_files().front();
  Outcome const run = dojang({"validate", "--json", good.string(), bad.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "");  // everything is in the document
  boost::json::value const doc = boost::json::parse(run.out);
  EXPECT_EQ(doc.at("ok"), false);
  auto const& files = doc.at("files").as_array();
  ASSERT_EQ(files.size(), 2u);

  auto const& ok = files[0].as_object();
  EXPECT_EQ(json_text(ok.at("file")), good.string());
  EXPECT_EQ(ok.at("ok"), true);
  EXPECT_EQ(ok.at("errors"), 0);
  EXPECT_EQ(ok.at("warnings"), 0);
  EXPECT_TRUE(ok.at("diagnostics").as_array().empty());

  auto const& failed = files[1].as_object();
  EXPECT_EQ(json_text(failed.at("file")), bad.string());
  EXPECT_EQ(failed.at("ok"), false);
  EXPECT_GE(failed.at("errors").as_int64(), 1);
  auto const& diags = failed.at("diagnostics").as_array();
  ASSERT_FALSE(diags.empty());
  auto const& first = diags[0].as_object();
  EXPECT_EQ(json_text(first.at("file")), bad.string());
  EXPECT_EQ(first.at("line"), 5);
  EXPECT_EQ(json_text(first.at("severity")), "error");
  EXPECT_FALSE(first.at("message").as_string().empty());
}

TEST(Validate, JsonMayComeBeforeOrAfterTheCommand) {
  fs::path const good = workflow_files().front();
  Outcome const before = dojang({"--json", "validate", good.string()});
  Outcome const after = dojang({"validate", good.string(), "--json"});
  EXPECT_EQ(before.exit_code, 0);
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_EQ(before.out, after.out);
  EXPECT_EQ(boost::json::parse(before.out).at("ok"), true);
}

TEST(Validate, StrictJsonMarksWarningFileNotOk) {
  TempDir dir;
  fs::path const file = dir.write("dead_guard.flow", kWarningOnly);
  Outcome const run = dojang({"validate", "--strict", "--json", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  auto const doc = boost::json::parse(run.out);
  EXPECT_EQ(doc.at("ok"), false);
  auto const& f = doc.at("files").as_array().at(0).as_object();
  EXPECT_EQ(f.at("errors"), 0);
  EXPECT_EQ(f.at("warnings"), 1);
  EXPECT_EQ(json_text(f.at("diagnostics").as_array().at(0).at("severity")), "warning");
}

TEST(Validate, NonUtf8FileNamesTheByteOffset) {
  TempDir dir;
  std::string text = "workflow x \"";
  std::size_t const offset = text.size();
  text += "\xC3\x28\" {\n}\n";  // 0xC3 starts a two-byte sequence; '(' cannot continue it
  fs::path const file = dir.write("latin.flow", text);
  Outcome const run = dojang({"validate", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("offset " + std::to_string(offset)), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(file.string() + ":1:"), std::string::npos) << run.err;
}

TEST(Validate, KoreanInTheSourceLinePassesThrough) {
  TempDir dir;
  std::string text = kMalformed;
  std::string const good_line = "  state draft \"작성\" {";
  std::string const bad_line = "  state draft \"작성\" 접수 {";
  text.replace(text.find(good_line), good_line.size(), bad_line);
  text.replace(text.find("=>"), 2, "->");  // the only fault is now on line 4
  fs::path const file = dir.write("korean.flow", text);
  Outcome const run = dojang({"validate", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(file.string() + ":4:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("    4 | " + bad_line + "\n"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace dojang::cli::test
