// Bad usage exits 2 with one line on stderr; global options are accepted by every command.

#include <gtest/gtest.h>

#include <string>

#include "cli/cli_runner.hpp"

namespace dojang::cli::test {
namespace {

// Exactly one line, starting with "dojang".
void expect_one_line(const Outcome& run) {
  auto const lines = lines_of(run.err);
  ASSERT_EQ(lines.size(), 1u) << run.err;
  EXPECT_TRUE(lines[0].starts_with("dojang")) << run.err;
  EXPECT_TRUE(run.err.ends_with("\n"));
}

TEST(Usage, MissingFileExits2WithTheReason) {
  TempDir dir;
  std::string const missing = (dir.path() / "nowhere.flow").string();
  for (const char* command : {"validate", "graph", "fmt"}) {
    SCOPED_TRACE(command);
    Outcome const run = dojang({command, missing});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "dojang: cannot read '" + missing + "': No such file or directory\n");
    EXPECT_EQ(run.out, "");
  }
}

TEST(Usage, DirectoryIsNotAFile) {
  TempDir dir;
  Outcome const run = dojang({"validate", dir.path().string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "dojang: cannot read '" + dir.path().string() + "': Is a directory\n");
}

TEST(Usage, AMissingFileStopsTheWholeRunBeforeAnyWork) {
  TempDir dir;
  std::string const missing = (dir.path() / "nowhere.flow").string();
  Outcome const run = dojang({"validate", workflow_files().front().string(), missing});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");  // the readable file was not reported either
  expect_one_line(run);
}

TEST(Usage, UnknownOptionExits2) {
  Outcome const run = dojang({"validate", "--frobnicate", workflow_files().front().string()});
  EXPECT_EQ(run.exit_code, 2);
  expect_one_line(run);
  EXPECT_NE(run.err.find("--frobnicate"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(Usage, UnknownCommandExits2WithASuggestion) {
  Outcome const run = dojang({"valdate", "x.flow"});
  EXPECT_EQ(run.exit_code, 2);
  expect_one_line(run);
  EXPECT_NE(run.err.find("unknown command 'valdate'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("did you mean 'validate'?"), std::string::npos) << run.err;
}

TEST(Usage, NoCommandExits2) {
  Outcome const run = dojang({});
  EXPECT_EQ(run.exit_code, 2);
  expect_one_line(run);
  EXPECT_NE(run.err.find("validate"), std::string::npos) << run.err;
}

TEST(Usage, MissingFileArgumentExits2) {
  Outcome const run = dojang({"graph"});
  EXPECT_EQ(run.exit_code, 2);
  expect_one_line(run);
  EXPECT_NE(run.err.find("FILE"), std::string::npos) << run.err;
}

TEST(Usage, BadOptionValueExits2) {
  Outcome const run = dojang({"graph", workflow_files().front().string(), "--format", "png"});
  EXPECT_EQ(run.exit_code, 2);
  expect_one_line(run);
  EXPECT_NE(run.err.find("png"), std::string::npos) << run.err;
}

TEST(Usage, OptionValueMissingExits2) {
  Outcome const run = dojang({"validate", workflow_files().front().string(), "--db"});
  EXPECT_EQ(run.exit_code, 2);
  expect_one_line(run);
}

TEST(Usage, GlobalOptionsAreAcceptedByEveryCommand) {
  TempDir dir;
  fs::path const flow = dir.path() / "copy.flow";
  fs::copy_file(workflow_files().front(), flow);
  std::vector<std::vector<std::string>> const commands{
      {"validate", flow.string()}, {"graph", flow.string()}, {"fmt", "--check", flow.string()}};
  for (const auto& command : commands) {
    SCOPED_TRACE(command.front());
    std::vector<std::string> before{"--db", "sqlite:" + (dir.path() / "x.db").string(), "--now",
                                    "2024-03-01T09:00:00+09:00"};
    before.insert(before.end(), command.begin(), command.end());
    Outcome const run_before = dojang(before);
    std::vector<std::string> after = command;
    after.insert(after.end(), {"--db", "sqlite:x.db", "--now", "2024-03-01T09:00:00Z"});
    Outcome const run_after = dojang(after);
    // fmt --check may fail when the seed is not in canonical layout; usage errors are 2.
    EXPECT_NE(run_before.exit_code, 2) << run_before.err;
    EXPECT_EQ(run_before.exit_code, run_after.exit_code) << run_after.err;
    EXPECT_EQ(run_before.out, run_after.out);
  }
  EXPECT_FALSE(fs::exists(dir.path() / "x.db"));  // these commands do not open the store
}

TEST(Usage, AnUnknownZoneIsBadUsageForEveryCommand) {
  Outcome const run = dojang({"validate", workflow_files().front().string(), "--zone", "Seoul"});
  EXPECT_EQ(run.exit_code, 2);
  expect_one_line(run);
  EXPECT_EQ(run.err,
            "dojang: --zone 'Seoul' is not a time zone Dojang knows; the office time zone is one "
            "of Asia/Seoul, UTC, Etc/UTC, Asia/Tokyo\n");
  EXPECT_EQ(run.out, "");
  // A known one before the command name, as every global option may be.
  Outcome const known = dojang({"--zone", "UTC", "validate", workflow_files().front().string()});
  EXPECT_EQ(known.exit_code, 0) << known.err;
}

TEST(Usage, HelpListsTheCommandsAndExits0) {
  Outcome const run = dojang({"--help"});
  EXPECT_EQ(run.exit_code, 0);
  for (const char* command :
       {"validate", "graph", "fmt", "--json", "--db", "--now", "--zone", "DOJANG_ZONE"}) {
    EXPECT_NE(run.out.find(command), std::string::npos) << command << "\n" << run.out;
  }
  Outcome const sub = dojang({"fmt", "--help"});
  EXPECT_EQ(sub.exit_code, 0);
  EXPECT_NE(sub.out.find("--check"), std::string::npos) << sub.out;
}

}  // namespace
}  // namespace dojang::cli::test
