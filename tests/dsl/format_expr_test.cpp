// dsl::format of expressions: canonical operators, the fewest parentheses, literals as written.

#include <gtest/gtest.h>

#include <algorithm>
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

// ---------------------------------------------------------------- expressions

TEST(FormatExpr, CanonicalOperators) {
  EXPECT_EQ(let_value("a = 1"), "a == 1");
  EXPECT_EQ(let_value("a<>b"), "a != b");
  EXPECT_EQ(let_value("a<=b"), "a <= b");
  EXPECT_EQ(let_value("x   in   [1,2 ,3]"), "x in [1, 2, 3]");
}

TEST(FormatExpr, ArithmeticKeepsOnlyNeededParentheses) {
  EXPECT_EQ(let_value("((a))"), "a");
  EXPECT_EQ(let_value("(a + b) * c"), "(a + b) * c");
  EXPECT_EQ(let_value("a + (b * c)"), "a + b * c");
  EXPECT_EQ(let_value("(a - b) - c"), "a - b - c");
  EXPECT_EQ(let_value("a - (b - c)"), "a - (b - c)");
  EXPECT_EQ(let_value("a - (b + c)"), "a - (b + c)");
  EXPECT_EQ(let_value("a / (b * c)"), "a / (b * c)");
  EXPECT_EQ(let_value("(a / b) * c"), "a / b * c");
  EXPECT_EQ(let_value("((1 + 2) * (3 - 4)) / 5"), "(1 + 2) * (3 - 4) / 5");
}

TEST(FormatExpr, UnaryMinus) {
  EXPECT_EQ(let_value("-5"), "-5");
  EXPECT_EQ(let_value("-(a + b)"), "-(a + b)");
  EXPECT_EQ(let_value("- - x"), "- -x");
  EXPECT_EQ(let_value("a - -b"), "a - -b");
  EXPECT_EQ(let_value("(-a) * b"), "-a * b");
  EXPECT_EQ(let_value("-(a * b)"), "-(a * b)");
  EXPECT_EQ(let_value("-(-(3))"), "- -3");
}

TEST(FormatExpr, LogicAndComparisons) {
  EXPECT_EQ(let_value("not (a and b)"), "not (a and b)");
  EXPECT_EQ(let_value("not (a == b)"), "not a == b");
  EXPECT_EQ(let_value("(not a) and b"), "not a and b");
  EXPECT_EQ(let_value("(a or b) and c"), "(a or b) and c");
  EXPECT_EQ(let_value("a or (b and c)"), "a or b and c");
  EXPECT_EQ(let_value("a or (b or c)"), "a or (b or c)");
  EXPECT_EQ(let_value("(a or b) or c"), "a or b or c");
  EXPECT_EQ(let_value("(a == b) == c"), "(a == b) == c");
  EXPECT_EQ(let_value("a == (b < c)"), "a == (b < c)");
  EXPECT_EQ(let_value("(a in b) = true"), "(a in b) == true");
  EXPECT_EQ(let_value("a + 1 >= (b * 2)"), "a + 1 >= b * 2");
  EXPECT_EQ(let_value("not not a"), "not not a");
  EXPECT_EQ(let_value("-(not a)"), "-(not a)");
}

TEST(FormatExpr, IfThenElse) {
  EXPECT_EQ(let_value("if a then 1 else if b then 2 else 3"),
            "if a then 1 else if b then 2 else 3");
  EXPECT_EQ(let_value("if a then if b then 1 else 2 else 3"),
            "if a then (if b then 1 else 2) else 3");
  EXPECT_EQ(let_value("if (if a then b else c) then 1 else 2"),
            "if (if a then b else c) then 1 else 2");
  EXPECT_EQ(let_value("(if a then 1 else 2) + 3"), "(if a then 1 else 2) + 3");
  EXPECT_EQ(let_value("3 + (if a then 1 else 2)"), "3 + (if a then 1 else 2)");
  EXPECT_EQ(let_value("if a or b then (x) else (y + 1)"), "if a or b then x else y + 1");
  EXPECT_EQ(let_value("f(if a then 1 else 2, [if b then c else d])"),
            "f(if a then 1 else 2, [if b then c else d])");
}

TEST(FormatExpr, LiteralsAsWritten) {
  EXPECT_EQ(let_value("1.50 + 007"), "1.50 + 007");
  EXPECT_EQ(let_value("0030d"), "30d");
  EXPECT_EQ(let_value("2024-02-29"), "2024-02-29");
  EXPECT_EQ(let_value("null == false"), "null == false");
  EXPECT_EQ(let_value("\"a\\\"b\\\\c\\nd\\te # not a comment\""),
            "\"a\\\"b\\\\c\\nd\\te # not a comment\"");
  EXPECT_EQ(let_value("\"tab\there\""), "\"tab\\there\"");
}

TEST(FormatExpr, CallsMembersListsWeightsApprovals) {
  EXPECT_EQ(let_value("round( avg(reviews.x)+avg ( reviews.y ) , 1 )"),
            "round(avg(reviews.x) + avg(reviews.y), 1)");
  EXPECT_EQ(let_value("now()"), "now()");
  EXPECT_EQ(let_value("[ ]"), "[]");
  EXPECT_EQ(let_value("weighted{a:0.25,b :0.75}"), "weighted { a: 0.25, b: 0.75 }");
  EXPECT_EQ(let_value("02 of 3 approve or any approve"), "2 of 3 approve or any approve");
}

TEST(FormatExpr, LabelsAndMessagesAreReEscaped) {
  std::string const out = format_checked(
      "workflow w \"say \\\"hi\\\"\" { roles { r \"a\\\\b\" } state s \"x\\ty\" { on go by r "
      "notify r \"line\\nnext\" } }");
  EXPECT_EQ(line_starting(out, "workflow"), "workflow w \"say \\\"hi\\\"\" {");
  EXPECT_EQ(line_starting(out, "r "), "    r \"a\\\\b\"");
  EXPECT_EQ(line_starting(out, "state"), "  state s \"x\\ty\" {");
  EXPECT_EQ(line_starting(out, "on go"), "    on go by r notify r \"line\\nnext\"");
}
// ---------------------------------------------------------------- random expressions

// A random expression with a bracket around every operation, `depth` operations deep at most.
std::string random_expression(std::mt19937& rng, int depth) {
  auto const pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  static const char* const kLeaves[] = {"a",     "b.c",  "1",          "2.5",         "3d",
                                        "\"s\"", "true", "null",       "f(x, 2)",     "[1, y]",
                                        "now()", "-4",   "2024-01-01", "all approve", "z"};
  static const char* const kBinary[] = {"+",  "-", "*",  "/",  "==",  "!=", "<",
                                        "<=", ">", ">=", "in", "and", "or"};
  if (depth == 0 || pick(4) == 0) return kLeaves[pick(std::size(kLeaves))];
  switch (pick(6)) {
    case 0:
      return "(-" + random_expression(rng, depth - 1) + ")";
    case 1:
      return "(not " + random_expression(rng, depth - 1) + ")";
    case 2:
      return "(if " + random_expression(rng, depth - 1) + " then " +
             random_expression(rng, depth - 1) + " else " + random_expression(rng, depth - 1) + ")";
    default:
      return "(" + random_expression(rng, depth - 1) + " " + kBinary[pick(std::size(kBinary))] +
             " " + random_expression(rng, depth - 1) + ")";
  }
}

TEST(FormatExpr, RandomBracketedExpressionsKeepTheirTree) {
  std::mt19937 rng(20240229);
  for (int i = 0; i < 400; ++i) {
    std::string const text = wrap("let x = " + random_expression(rng, 5));
    SCOPED_TRACE(text);
    std::string const out = format_checked(text);
    auto const count = [](const std::string& t, char c) {
      return std::count(t.begin(), t.end(), c);
    };
    EXPECT_LE(count(out, '('), count(text, '('));
  }
}

TEST(FormatExpr, NoBracketCanBeLeftOut) {
  // Dropping any pair of brackets the formatter kept either breaks the text or changes the tree
  // (except around an `if` in a condition or `then` branch, kept for the reader).
  std::mt19937 rng(7);
  int checked = 0;
  for (int i = 0; i < 150; ++i) {
    std::string const text = wrap("let x = " + random_expression(rng, 4));
    ParseResult const original = parse(SourceFile("t.flow", text));
    ASSERT_TRUE(original.workflow.has_value()) << text;
    std::string const out = format(SourceFile("t.flow", text), *original.workflow);
    for (std::size_t open = 0; open < out.size(); ++open) {
      if (out[open] != '(' || out.compare(open + 1, 3, "if ") == 0) continue;
      int level = 0;
      std::size_t close = open;
      for (; close < out.size(); ++close) {
        if (out[close] == '(') ++level;
        if (out[close] == ')' && --level == 0) break;
      }
      ASSERT_LT(close, out.size()) << out;
      std::string without = out;
      without.erase(close, 1);
      without.erase(open, 1);
      ParseResult const changed = parse(SourceFile("t.flow", without));
      if (changed.workflow) {
        EXPECT_FALSE(testing::ast_equal(*original.workflow, *changed.workflow))
            << "needless brackets in " << out;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace dojang::dsl
