// `dojang fmt`: rewrites in place (atomically), --check, files that do not parse, --json.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include <boost/json.hpp>

#include "cli/cli_runner.hpp"

namespace dojang::cli::test {
namespace {

// The same procedure with different spacing: doubled indentation and wide arrows. Comment
// lines and quoted text are left alone.
std::string messy(const std::string& text) {
  std::string out;
  for (std::string line : lines_of(text)) {
    std::size_t const indent = line.find_first_not_of(' ');
    if (indent != std::string::npos && line[indent] != '#') {
      line.insert(0, indent, ' ');
      for (std::size_t at = line.find(" -> "); at != std::string::npos;
           at = line.find(" -> ", at + 8)) {
        line.replace(at, 4, "   ->    ");
      }
    }
    out += line + "\n";
  }
  return out;
}

fs::path seed() {
  return source_dir() / "workflows" / "innovation_task.flow";
}

// The canonical text of the seed: `dojang fmt` run on a pristine copy.
std::string canonical_seed() {
  TempDir dir;
  fs::path const copy = dir.write("pristine.flow", read_text(seed()));
  Outcome const run = dojang({"fmt", copy.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return read_text(copy);
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Fmt, RewritesAMessyFileThenCheckPasses) {
  TempDir dir;
  std::string const original = messy(read_text(seed()));
  ASSERT_NE(original, read_text(seed()));
  fs::path const file = dir.write("messy.flow", original);

  Outcome const first = dojang({"fmt", file.string()});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "formatted " + file.string() + "\n");
  std::string const formatted = read_text(file);
  EXPECT_NE(formatted, original);
  EXPECT_EQ(formatted, canonical_seed());  // spacing does not change the canonical form

  Outcome const check = dojang({"fmt", "--check", file.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out, "");

  Outcome const again = dojang({"fmt", file.string()});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "");  // nothing to do, nothing said
  EXPECT_EQ(read_text(file), formatted);

  EXPECT_EQ(dojang({"validate", file.string()}).exit_code, 0);
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"messy.flow"});  // no temp files left
}

TEST(Fmt, CheckFailsOnAMessyFileAndChangesNothing) {
  TempDir dir;
  std::string const original = messy(read_text(seed()));
  fs::path const file = dir.write("messy.flow", original);
  auto const before = fs::last_write_time(file);
  Outcome const run = dojang({"fmt", "--check", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, file.string() + ": not formatted\n");
  EXPECT_EQ(read_text(file), original);
  EXPECT_EQ(fs::last_write_time(file), before);
}

TEST(Fmt, FileThatDoesNotParseIsLeftAlone) {
  TempDir dir;
  std::string text = read_text(seed());
  text.replace(text.find("-> office_check"), 2, "=>");
  fs::path const file = dir.write("broken.flow", text);
  Outcome const run = dojang({"fmt", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(file.string() + ":"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(": error: "), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(read_text(file), text);
}

TEST(Fmt, EachFileOnItsOwn) {
  TempDir dir;
  fs::path const broken = dir.write("broken.flow", "workflow {\n");
  fs::path const untidy = dir.write("messy.flow", messy(read_text(seed())));
  Outcome const run = dojang({"fmt", broken.string(), untidy.string()});
  EXPECT_EQ(run.exit_code, 1);                                // the broken file fails the run...
  EXPECT_EQ(run.out, "formatted " + untidy.string() + "\n");  // ...the other is formatted
  EXPECT_EQ(read_text(broken), "workflow {\n");
  EXPECT_EQ(read_text(untidy), canonical_seed());
}

TEST(Fmt, NonUtf8FileNamesTheByteOffset) {
  TempDir dir;
  std::string text = read_text(seed());
  std::size_t const offset = text.find("혁신과제");
  ASSERT_NE(offset, std::string::npos);
  text[offset + 1] = '\x41';  // breaks the first character's continuation byte
  fs::path const file = dir.write("broken_utf8.flow", text);
  Outcome const run = dojang({"fmt", file.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("offset " + std::to_string(offset)), std::string::npos) << run.err;
  EXPECT_EQ(read_text(file), text);
}

TEST(Fmt, KeepsPermissionsAndSymbolicLinks) {
  TempDir dir;
  fs::path const target = dir.write("target.flow", messy(read_text(seed())));
  ASSERT_EQ(::chmod(target.c_str(), 0640), 0);
  fs::path const link = dir.path() / "link.flow";
  fs::create_symlink(target, link);
  Outcome const run = dojang({"fmt", link.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read_text(target), canonical_seed());
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST(Fmt, Json) {
  TempDir dir;
  fs::path const file = dir.write("messy.flow", messy(read_text(seed())));
  Outcome const check = dojang({"fmt", "--check", "--json", file.string()});
  EXPECT_EQ(check.exit_code, 1);
  auto const doc = boost::json::parse(check.out);
  EXPECT_EQ(doc.at("ok"), false);
  EXPECT_EQ(doc.at("check"), true);
  auto const& f = doc.at("files").as_array().at(0).as_object();
  EXPECT_EQ(json_text(f.at("file")), file.string());
  EXPECT_EQ(f.at("formatted"), false);
  EXPECT_EQ(f.at("changed"), false);

  Outcome const write = dojang({"--json", "fmt", file.string()});
  EXPECT_EQ(write.exit_code, 0);
  auto const written = boost::json::parse(write.out);
  EXPECT_EQ(written.at("ok"), true);
  EXPECT_EQ(written.at("files").as_array().at(0).at("changed"), true);
  EXPECT_EQ(written.at("files").as_array().at(0).at("formatted"), true);
}

}  // namespace
}  // namespace dojang::cli::test
