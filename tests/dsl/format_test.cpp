// dsl::format: the canonical layout of every construct, and the properties every formatted file
// of the project has: formatting again changes nothing, the text parses to the same tree, and
// every comment survives.

#include <gtest/gtest.h>
#include <filesystem>
#include <fstream>

#include <string>
#include <vector>

#include "dojang/dsl/format.hpp"
#include "dojang/dsl/parse.hpp"
#include "dsl/format_support.hpp"

namespace dojang::dsl {
namespace {

using namespace format_testing;

// ---------------------------------------------------------------- every file of the project

TEST(Format, EveryFlowFileOfTheProject) {
  namespace fs = std::filesystem;
  int formatted = 0;
  for (const char* dir : {"workflows", "tests"}) {
    fs::path const root = fs::path(DOJANG_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".flow") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string const text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      if (!parse(SourceFile(entry.path().string(), text)).workflow) continue;  // a bad example
      SCOPED_TRACE(entry.path().string());
      format_checked(text, entry.path().string());
      ++formatted;
    }
  }
  EXPECT_GE(formatted, 2);  // at least the two example procedures
}

TEST(Format, InnovationTaskKeepsItsLayout) {
  std::ifstream in(std::string(DOJANG_SOURCE_DIR) + "/workflows/innovation_task.flow");
  std::string const text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(text.empty());
  std::string const out = format_checked(text);
  // The fields block of the example is already in canonical form.
  EXPECT_NE(out.find("  fields {\n"
                     "    title      \"과제명\"       text required\n"
                     "    area       \"혁신 분야\"    one_of(customer, transparency, process, "
                     "performance) required\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\n  final confirmed \"확정\"\n  final rejected  \"탈락\"\n}\n"),
            std::string::npos)
      << out;
}

// ---------------------------------------------------------------- layout

TEST(Format, EverythingOnOneLine) {
  std::string const text =
      "workflow  w \"절차\"{roles{a \"가\" bb \"나나\"}fields{t \"제목\" text required n number}"
      "let x=n+1 start s state s \"상태\"{on go by a->done when x>1 requires t} final done "
      "\"끝\"}";
  EXPECT_EQ(format_checked(text),
            "workflow w \"절차\" {\n"
            "  roles {\n"
            "    a  \"가\"\n"
            "    bb \"나나\"\n"
            "  }\n"
            "\n"
            "  fields {\n"
            "    t \"제목\"  text required\n"
            "    n         number\n"
            "  }\n"
            "\n"
            "  let x = n + 1\n"
            "\n"
            "  start s\n"
            "\n"
            "  state s \"상태\" {\n"
            "    on go by a -> done when x > 1 requires t\n"
            "  }\n"
            "\n"
            "  final done \"끝\"\n"
            "}\n");
}

TEST(Format, OddSpacingAndBlankLines) {
  std::string const text =
      "\n\n   workflow    w   {\n\n\n   let   a   =   1\n\n\n\n let b=2\n  start\n\n   s\n"
      "state   s{\n\n\n      on   go   by   r   ->   f\n\n  }\n\n\n\n   final f\n   }   \n\n";
  EXPECT_EQ(format_checked(text),
            "workflow w {\n"
            "  let a = 1\n"
            "  let b = 2\n"
            "\n"
            "  start s\n"
            "\n"
            "  state s {\n"
            "    on go by r -> f\n"
            "  }\n"
            "\n"
            "  final f\n"
            "}\n");
}

TEST(Format, CrLfBecomesLf) {
  std::string const text = "workflow w {\r\n  let a = 1  # one\r\n  # end\r\n}\r\n";
  EXPECT_EQ(format_checked(text), "workflow w {\n  let a = 1  # one\n  # end\n}\n");
}

TEST(Format, RolesAlignByDisplayWidth) {
  std::string const out =
      format_checked(wrap("roles { proposer \"과제담당\" office \"혁신기획단\" x \"Ab\" city }"));
  EXPECT_NE(out.find("    proposer \"과제담당\"\n"
                     "    office   \"혁신기획단\"\n"
                     "    x        \"Ab\"\n"
                     "    city\n"),
            std::string::npos)
      << out;
}

TEST(Format, FieldColumnsAlignByDisplayWidth) {
  std::string const out = format_checked(
      wrap("fields {\n title \"과제명\" text required\n amount \"금액 (원)\" money required\n"
           " note \"note\" text\n due date required\n level \"등급\" one_of(a, b, c)\n"
           " score \"점수 합계\" score 0..100 required\n}"));
  std::vector<std::string> const names = {"title", "amount", "note", "due", "level", "score"};
  std::vector<std::string> const types = {"text", "money", "text", "date", "one_of", "score 0"};
  std::size_t const type_column = column_of(line_starting(out, "title"), "text");
  std::size_t const required_column = column_of(line_starting(out, "title"), "required");
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string const line = line_starting(out, names[i] + " ");
    EXPECT_EQ(column_of(line, types[i]), type_column) << line;
    if (line.find("required") != std::string::npos) {
      EXPECT_EQ(column_of(line, "required"), required_column) << line;
    }
    EXPECT_EQ(line.back() != ' ', true) << "trailing blank: [" << line << "]";
  }
  // Korean labels are two columns a character: the labels start in one column too.
  EXPECT_EQ(column_of(line_starting(out, "amount"), "\""),
            column_of(line_starting(out, "title"), "\""));
  EXPECT_EQ(line_starting(out, "due"), "    due                 date         required");
}

TEST(Format, RequiredColumnIgnoresLongTypes) {
  std::string const out = format_checked(
      wrap("fields {\n a text required\n b one_of(customer, transparency, process) required\n}"));
  EXPECT_EQ(line_starting(out, "a "), "    a text required");
  EXPECT_EQ(line_starting(out, "b "), "    b one_of(customer, transparency, process) required");
}

TEST(Format, OneOfValuesKeepTheirQuotes) {
  std::string const out = format_checked(wrap("fields { p one_of( \"긴급\" , normal,\"a b\" ) }"));
  EXPECT_EQ(line_starting(out, "p "), "    p one_of(\"긴급\", normal, \"a b\")");
}

TEST(Format, LetsFormOneGroupAndGroupsAreSeparated) {
  std::string const out =
      format_checked(wrap("let a = 1 let b = 2 start s let c = 3 state s { } final f"));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  let a = 1\n"
            "  let b = 2\n"
            "\n"
            "  start s\n"
            "\n"
            "  let c = 3\n"
            "\n"
            "  state s {\n"
            "  }\n"
            "\n"
            "  final f\n"
            "}\n");
}

TEST(Format, SeveralRolesBlocksStayInSourceOrder) {
  std::string const out =
      format_checked(wrap("roles { a } fields { x text } roles { b } roles { c }"));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  roles {\n    a\n  }\n\n"
            "  fields {\n    x text\n  }\n\n"
            "  roles {\n    b\n    c\n  }\n"
            "}\n");
}

// ---------------------------------------------------------------- actions, timers, states

TEST(Format, ActionClausesInCanonicalOrder) {
  std::string const out = format_checked(wrap(
      "state s { on go by r -> done start other with a = 1, b = x + 1 notify r \"m\" open 03-01 .. "
      "04-30 recallable not by submitter with comment sets y, z requires t when x = 1 "
      "notify boss \"{t} 처리\" }"));
  EXPECT_EQ(line_starting(out, "on go"),
            "    on go by r -> done when x == 1 requires t sets y, z with comment not by "
            "submitter recallable open 03-01 .. 04-30 notify r \"m\" notify boss \"{t} 처리\" "
            "start other with a = 1, b = x + 1");
}

TEST(Format, ReturnTargets) {
  std::string const out = format_checked(
      wrap("state s { on back by r return_to  previous with comment\n on up by r return_to s }"));
  EXPECT_EQ(line_starting(out, "on back"), "    on back by r return_to previous with comment");
  EXPECT_EQ(line_starting(out, "on up"), "    on up by r return_to s");
}

TEST(Format, TimersAndDurations) {
  std::string const out = format_checked(wrap(
      "state s { deadline 014d -> escalate notify boss \"늦음\"\n deadline 3h -> notify r \"a\" "
      "notify q \"b\"\n after 2w->t\n on escalate by boss -> t }"));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  state s {\n"
            "    deadline 14d -> escalate notify boss \"늦음\"\n"
            "    deadline 3h -> notify r \"a\" notify q \"b\"\n"
            "    after 2w -> t\n"
            "    on escalate by boss -> t\n"
            "  }\n"
            "}\n");
}

TEST(Format, ReviewBlockInCanonicalOrder) {
  std::string const out = format_checked(wrap(
      "state s { review by judge quorum 03 { then -> next vote criterion originality "
      "\"독창성\" score 0..40 criterion effect \"기대효과\" score 0..30 criterion x score 1..5 "
      "} }"));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  state s {\n"
            "    review by judge quorum 3 {\n"
            "      criterion originality \"독창성\"    score 0..40\n"
            "      criterion effect      \"기대효과\"  score 0..30\n"
            "      criterion x                       score 1..5\n"
            "      vote\n"
            "      then -> next\n"
            "    }\n"
            "  }\n"
            "}\n");
}

TEST(Format, BlindReview) {
  std::string const out = format_checked(
      wrap("state s { review by judge   quorum 3   blind{ # hidden\n criterion x score 1..5 } }"));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  state s {\n"
            "    review by judge quorum 3 blind {  # hidden\n"
            "      criterion x score 1..5\n"
            "    }\n"
            "  }\n"
            "}\n");
}

TEST(Format, DecisionRoutes) {
  std::string const out = format_checked(
      wrap("decision d \"판단\" { -> adopted when 2 of 3 approve and award.amount > 0 "
           "->no when all approve else->other }"));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  decision d \"판단\" {\n"
            "    -> adopted when 2 of 3 approve and award.amount > 0\n"
            "    -> no      when all approve\n"
            "    else -> other\n"
            "  }\n"
            "}\n");
}

TEST(Format, FinalsAlignAndAFinalWithABodyKeepsIt) {
  std::string const out = format_checked(
      wrap("final completed \"완료\" final no \"불채택\" final bare final body \"b\" { on x by r "
           "-> completed } final after_body \"c\""));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  final completed \"완료\"\n"
            "  final no        \"불채택\"\n"
            "  final bare\n"
            "\n"
            "  final body \"b\" {\n"
            "    on x by r -> completed\n"
            "  }\n"
            "\n"
            "  final after_body \"c\"\n"
            "}\n");
}

// ---------------------------------------------------------------- tables

TEST(Format, TableWithEveryKindOfCell) {
  std::string const out = format_checked(
      wrap("table award \"등급\" hit unique { given average, kind yields grade text, amount money\n"
           " row >= 90, - -> \"금상\", 500000\n row 80 ..< 90, in [a, b] -> \"은상\", 300000\n"
           " row 70 .. 79.5, = a -> \"동상\", 1\n row < 70, \"x\" -> \"장려\", 0\n"
           " row != 1, (-k) -> \"음수\", -1\n row -5 .. 0, (lo) .. hi -> \"범위\", 2\n}"));
  EXPECT_EQ(out,
            "workflow w {\n"
            "  table award \"등급\" hit unique {\n"
            "    given average, kind\n"
            "    yields grade text, amount money\n"
            "    row >= 90, -             -> \"금상\", 500000\n"
            "    row 80 ..< 90, in [a, b] -> \"은상\", 300000\n"
            "    row 70 .. 79.5, == a     -> \"동상\", 1\n"
            "    row < 70, \"x\"            -> \"장려\", 0\n"
            "    row != 1, (-k)           -> \"음수\", -1\n"
            "    row -5 .. 0, (lo) .. hi  -> \"범위\", 2\n"
            "  }\n"
            "}\n");
}

TEST(Format, TableArrowsAlignWithKoreanCells) {
  std::string const out = format_checked(wrap(
      "table t hit first { given k yields v number\n row \"가나다\" -> 1\n row \"a\" -> 2\n}"));
  EXPECT_EQ(column_of(line_starting(out, "row \"가"), "->"),
            column_of(line_starting(out, "row \"a"), "->"));
}
}  // namespace
}  // namespace dojang::dsl
