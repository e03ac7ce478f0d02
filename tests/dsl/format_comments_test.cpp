// dsl::format keeps every comment; format_text; and the tree comparison the tests rely on.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "dojang/dsl/format.hpp"
#include "dojang/dsl/parse.hpp"
#include "dsl/format_support.hpp"

namespace dojang::dsl {
namespace {

using namespace format_testing;

// ---------------------------------------------------------------- comments

TEST(FormatComments, PlacedBeforeAtTheEndAndBeforeTheClosingBrace) {
  std::string const text =
      "# file header\n"
      "workflow w {   # after the header\n"
      "roles {\n"
      "      # the people\n"
      "  r \"사람\"   # one role\n"
      "     # last in roles\n"
      "}   # roles done\n"
      "# about the state\n"
      "state s \"상태\" {\n"
      "on go by r\n"
      "   # inside an action\n"
      "   -> t   # also inside\n"
      "   when \"#no\" == x   # trailing\n"
      "}\n"
      "final t\n"
      "    # the end of the body\n"
      "}  # closing\n"
      "# after everything\n";
  EXPECT_EQ(format_checked(text),
            "# file header\n"
            "workflow w {  # after the header\n"
            "  roles {\n"
            "    # the people\n"
            "    r \"사람\"  # one role\n"
            "    # last in roles\n"
            "  }  # roles done\n"
            "\n"
            "  # about the state\n"
            "  state s \"상태\" {\n"
            "    # inside an action\n"
            "    # also inside\n"
            "    on go by r -> t when \"#no\" == x  # trailing\n"
            "  }\n"
            "\n"
            "  final t\n"
            "  # the end of the body\n"
            "}  # closing\n"
            "# after everything\n");
}

TEST(FormatComments, EverywhereInATableAReviewAndADecision) {
  std::string const text =
      "workflow w { # a\n"
      "table t \"표\" # b\n hit first { # c\n given x, # d\n y # e\n yields v number # f\n"
      "row 1, - -> 2 # g\n # h\n row 2, - # i\n -> 3 # j\n} # k\n"
      "state s { # l\n review by j quorum 1 { # m\n criterion c score 0..5 # n\n vote # o\n"
      " vote # p\n then # q\n -> d # r\n # s\n } # t\n} # u\n"
      "decision d { # v\n -> s when x > 1 # w\n else # x\n -> s # y\n # z\n} # end\n"
      "}\n";
  std::string const out = format_checked(text);
  EXPECT_EQ(comments_of(out).size(), 27u);
  EXPECT_EQ(line_starting(out, "row 1"), "    row 1, - -> 2  # g");
  EXPECT_EQ(line_starting(out, "-> s"), "    -> s when x > 1  # w");
  EXPECT_EQ(line_starting(out, "vote"), "      vote  # o");
}

TEST(FormatComments, HashInsideStringsIsNotAComment) {
  std::string const out =
      format_checked(wrap("roles { r \"#1 team\" } # real\nlet a = \"# \\\" # x\"  # also real"));
  EXPECT_EQ(line_starting(out, "r "), "    r \"#1 team\"");
  EXPECT_NE(out.find("\n  }  # real\n"), std::string::npos) << out;
  EXPECT_EQ(line_starting(out, "let"), "  let a = \"# \\\" # x\"  # also real");
}

// ---------------------------------------------------------------- comments anywhere

// `text` with `count` comments put into random blanks outside strings: some at the end of a
// line of code, some on lines of their own.
std::string with_random_comments(const std::string& text, std::mt19937& rng, int count) {
  std::vector<std::size_t> blanks;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"' || c == '\n') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == ' ' || c == '\n') {
      blanks.push_back(i);
    }
  }
  std::vector<std::size_t> chosen;
  for (int k = 0; k < count && !blanks.empty(); ++k)
    chosen.push_back(blanks[rng() % blanks.size()]);
  std::sort(chosen.rbegin(), chosen.rend());
  std::string out = text;
  int n = 0;
  for (std::size_t at : chosen) {
    std::string const comment = "# c" + std::to_string(++n) + (rng() % 3 == 0 ? " 한글 \"q\"" : "");
    out.insert(at, rng() % 2 == 0 ? " " + comment + "\n" : "\n" + comment + "\n");
  }
  return out;
}

TEST(FormatComments, RandomCommentsSurviveInEveryExample) {
  std::vector<std::string> texts;
  for (const char* name : {"innovation_task.flow", "suggestion.flow", "dept_evaluation.flow"}) {
    std::ifstream in(std::filesystem::path(DOJANG_SOURCE_DIR) / "workflows" / name);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ASSERT_FALSE(texts.back().empty()) << name;
  }
  texts.push_back(wrap(
      "table t \"표\" hit collect { given a, b yields v number, w text\n row >= 1, - -> 1, \"x\"\n"
      " row 1 ..< 2, in [1, 2] -> 2, \"y\" }\n state s { review by j quorum 2 { criterion c "
      "\"기준\" score 0..5 vote then -> d } deadline 1d -> go notify j \"m\" after 2d -> d\n"
      " on go by j return_to previous when (a + 1) * 2 > 3 requires a sets b with comment }\n"
      "decision d { -> f when a > 1 else -> f } final f \"끝\" final g { }"));
  std::mt19937 rng(42);
  for (int round = 0; round < 60; ++round) {
    for (const std::string& text : texts) {
      std::string const commented =
          with_random_comments(text, rng, 1 + static_cast<int>(rng() % 12));
      SCOPED_TRACE(commented);
      ASSERT_TRUE(parse(SourceFile("t.flow", commented)).workflow.has_value());
      format_checked(commented);
    }
  }
}

// ---------------------------------------------------------------- the API and the comparison

TEST(FormatText, ReturnsNothingAndTheDiagnosticsWhenTheTextDoesNotParse) {
  std::vector<Diagnostic> diagnostics;
  auto const out =
      format_text(SourceFile("bad.flow", "workflow w { state s { on } }"), &diagnostics);
  EXPECT_FALSE(out.has_value());
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics.front().severity, Severity::Error);
  EXPECT_FALSE(format_text(SourceFile("bad.flow", "")).has_value());
}

TEST(FormatText, FormatsWhatParses) {
  SourceFile const file("ok.flow", "workflow w{let a=(1)}");
  std::vector<Diagnostic> diagnostics = {Diagnostic{}};
  auto const out = format_text(file, &diagnostics);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, "workflow w {\n  let a = 1\n}\n");
  EXPECT_TRUE(diagnostics.empty());
}

TEST(AstEqual, IgnoresPositionsButNotMeaning) {
  auto const tree = [](const std::string& text) {
    ParseResult r = parse(SourceFile("t.flow", text));
    EXPECT_TRUE(r.workflow.has_value()) << text;
    return r.workflow.value_or(ast::Workflow{});
  };
  std::string why;
  EXPECT_TRUE(testing::ast_equal(tree("workflow w { let a = (1 + 2) * 3 }"),
                                 tree("workflow  w {\n\n let a=(1+2)*3 }"), &why))
      << why;
  EXPECT_FALSE(testing::ast_equal(tree("workflow w { let a = (1 + 2) * 3 }"),
                                  tree("workflow w { let a = 1 + 2 * 3 }"), &why));
  EXPECT_NE(why.find("lets[0].value"), std::string::npos) << why;
  EXPECT_FALSE(testing::ast_equal(tree("workflow w { state s { on a by r -> s } }"),
                                  tree("workflow w { state s { on a by r -> s recallable } }"),
                                  &why));
  EXPECT_NE(why.find("recallable"), std::string::npos) << why;
  EXPECT_FALSE(testing::ast_equal(tree("workflow w { roles { a \"가\" } }"),
                                  tree("workflow w { roles { a \"나\" } }"), &why));
  EXPECT_EQ(why, "roles[0].label: \"가\" != \"나\"");
}

}  // namespace
}  // namespace dojang::dsl
