// Golden diagnostics: each tests/dsl/golden/NN_name.flow holds one kind of mistake, and
// NN_name.diag the exact text render_all gives for it. UPDATE_GOLDEN=1 rewrites the .diag files.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dsl/test_paths.hpp"

namespace dojang::dsl {
namespace {

namespace fs = std::filesystem;

bool updating() {
  char const* v = std::getenv("UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

std::vector<std::string> golden_names() {
  std::vector<std::string> names;
  for (auto const& p : test::files_in(test::golden_dir(), ".flow")) names.push_back(p.stem());
  return names;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t const end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct Golden {
  SourceFile file;
  CompileResult result;
};

Golden compile_golden(const std::string& name) {
  // The path is relative so that the expected text does not depend on the checkout location.
  SourceFile file("golden/" + name + ".flow",
                  test::read_bytes(test::golden_dir() / (name + ".flow")));
  CompileResult result = compile(file);
  return Golden{std::move(file), std::move(result)};
}

class GoldenDiagnostics : public testing::TestWithParam<std::string> {};

TEST_P(GoldenDiagnostics, MatchesExpectedText) {
  std::string const& name = GetParam();
  Golden const g = compile_golden(name);
  std::string const actual = render_all(g.file, g.result.diagnostics);
  fs::path const diag = test::golden_dir() / (name + ".diag");
  if (updating()) {
    ASSERT_TRUE(test::write_bytes(diag, actual)) << "cannot write " << diag;
    return;
  }
  ASSERT_TRUE(fs::exists(diag)) << diag << " is missing; run with UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, test::read_bytes(diag)) << "for " << name << ".flow";
}

TEST_P(GoldenDiagnostics, EveryDiagnosticIsLocatedAndUnderlined) {
  Golden const g = compile_golden(GetParam());
  ASSERT_FALSE(g.result.diagnostics.empty()) << "a golden file must give at least one diagnostic";
  for (auto const& d : g.result.diagnostics) {
    EXPECT_FALSE(d.message.empty());
    EXPECT_LE(d.offset, g.file.text().size());
    EXPECT_LE(std::size_t{d.offset} + d.length, g.file.text().size());
    auto const pos = g.file.position(d.offset);
    std::vector<std::string> const lines = split_lines(render(g.file, d));
    ASSERT_GE(lines.size(), 3u) << render(g.file, d);
    std::string const header = g.file.path() + ":" + std::to_string(pos.line) + ":" +
                               std::to_string(pos.column) + ": " +
                               std::string(severity_name(d.severity)) + ": " + d.message;
    EXPECT_EQ(lines[0], header);
    std::string const gutter = lines[1].substr(0, lines[1].find('|'));
    EXPECT_EQ(gutter.substr(gutter.find_first_not_of(' ')), std::to_string(pos.line) + " ")
        << lines[1];
    auto const bar = lines[2].find("| ");
    ASSERT_NE(bar, std::string::npos) << lines[2];
    EXPECT_EQ(lines[2].find_first_not_of(' '), bar) << lines[2];
    std::string const caret = lines[2].substr(bar + 2);
    ASSERT_NE(caret.find('^'), std::string::npos) << lines[2];
    EXPECT_EQ(caret.find_first_not_of(' '), caret.find('^')) << lines[2];
    EXPECT_EQ(caret.find_first_not_of("~", caret.find('^') + 1), std::string::npos) << lines[2];
    for (std::size_t i = 3; i < lines.size(); ++i) EXPECT_EQ(lines[i].rfind("note: ", 0), 0u);
  }
}

TEST_P(GoldenDiagnostics, SeverityMatchesTheName) {
  std::string const& name = GetParam();
  Golden const g = compile_golden(name);
  std::size_t warnings = 0;
  for (auto const& d : g.result.diagnostics) warnings += d.severity == Severity::Warning ? 1 : 0;
  if (name.find("warn") != std::string::npos) {
    EXPECT_EQ(error_count(g.result.diagnostics), 0u) << render_all(g.file, g.result.diagnostics);
    EXPECT_GE(warnings, 1u);
    EXPECT_TRUE(g.result.ok()) << "warnings alone must not stop compilation";
  } else {
    EXPECT_GE(error_count(g.result.diagnostics), 1u) << render_all(g.file, g.result.diagnostics);
    EXPECT_FALSE(g.result.ok()) << "a file with errors must not give a definition";
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenDiagnostics, testing::ValuesIn(golden_names()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string id = param.param;
                           for (char& c : id) {
                             bool const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                             (c >= '0' && c <= '9');
                             if (!ok) c = '_';
                           }
                           return id;
                         });

TEST(GoldenCorpus, HasEnoughFilesAndNoOrphans) {
  EXPECT_GE(golden_names().size(), 45u);
  for (auto const& diag : test::files_in(test::golden_dir(), ".diag")) {
    fs::path flow = diag;
    flow.replace_extension(".flow");
    EXPECT_TRUE(fs::exists(flow)) << diag << " has no .flow beside it";
  }
}

}  // namespace
}  // namespace dojang::dsl
