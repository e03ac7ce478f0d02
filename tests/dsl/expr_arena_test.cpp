// Expression nodes live in one arena per parse (grammar/config.hpp, ExprArena): a root ExprPtr
// keeps every node of its tree alive, and the hand-written primaries give each node the byte
// range of what it was parsed from.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dojang/dsl/ast.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/parse.hpp"

namespace dojang::dsl {
namespace {

std::string flow_with_guard(std::string_view guard) {
  return "workflow w {\n  roles { clerk }\n  fields {\n    x number\n    y number\n  }\n"
         "  start a\n  state a {\n    on go by clerk -> done when " +
         std::string(guard) + "\n  }\n  final done\n}\n";
}

// The guard of the only action, and the source text it was parsed from.
struct Parsed {
  std::string text;
  ast::ExprPtr guard;
};

Parsed parse_guard(std::string_view guard) {
  Parsed p;
  p.text = flow_with_guard(guard);
  SourceFile file("t.flow", p.text);
  ParseResult r = parse(file);
  EXPECT_TRUE(r.workflow.has_value()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  if (r.workflow) p.guard = r.workflow->states.at(0).actions.at(0).guard;
  return p;  // the syntax tree is gone; only the guard's root holds the arena now
}

std::string_view source(const Parsed& p, const ast::Node& n) {
  return std::string_view(p.text).substr(n.offset, n.length);
}

TEST(ExprArena, ARootKeepsItsWholeTreeAliveAfterTheSyntaxTreeIsGone) {
  Parsed p = parse_guard("x + 2 * y >= 10 and not (y == 3)");
  ASSERT_TRUE(p.guard);
  const ast::Expr& g = *p.guard;
  EXPECT_EQ(g.kind, ast::ExprKind::Binary);
  EXPECT_EQ(g.text, "and");
  ASSERT_EQ(g.args.size(), 2u);
  const ast::Expr& ge = *g.args[0];
  EXPECT_EQ(ge.text, ">=");
  EXPECT_EQ(ge.args[0]->text, "+");
  EXPECT_EQ(ge.args[0]->args[1]->text, "*");
  EXPECT_EQ(ge.args[0]->args[1]->args[1]->text, "y");
  EXPECT_EQ(ge.args[1]->number, 10);
  const ast::Expr& n = *g.args[1];
  EXPECT_EQ(n.kind, ast::ExprKind::Unary);
  EXPECT_EQ(n.text, "not");
  EXPECT_EQ(n.args[0]->text, "==");
  EXPECT_EQ(g.depth, 5u);
}

TEST(ExprArena, ACopiedRootOutlivesTheOtherRoots) {
  ast::ExprPtr kept;
  {
    Parsed p = parse_guard("y * 3 > x");
    kept = p.guard;
  }
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->text, ">");
  EXPECT_EQ(kept->args[0]->args[1]->number, 3);
  EXPECT_EQ(kept->args[1]->text, "x");
}

TEST(ExprArena, NodesCarryTheRangesOfWhatTheyWereParsedFrom) {
  Parsed p = parse_guard("( x + 1 ) * len(\"ab\" ,  \"c\") >= t.out  and  [1, 2 ] != null");
  ASSERT_TRUE(p.guard);
  const ast::Expr& g = *p.guard;
  EXPECT_EQ(source(p, g), "( x + 1 ) * len(\"ab\" ,  \"c\") >= t.out  and  [1, 2 ] != null");
  const ast::Expr& ge = *g.args[0];
  EXPECT_EQ(source(p, ge), "( x + 1 ) * len(\"ab\" ,  \"c\") >= t.out");
  const ast::Expr& mul = *ge.args[0];
  EXPECT_EQ(source(p, *mul.args[0]), "( x + 1 )");  // the brackets belong to the operand
  const ast::Expr& call = *mul.args[1];
  EXPECT_EQ(call.kind, ast::ExprKind::Call);
  EXPECT_EQ(source(p, call), "len(\"ab\" ,  \"c\")");
  EXPECT_EQ(source(p, *call.args[1]), "\"c\"");
  EXPECT_EQ(call.args[1]->text, "c");
  const ast::Expr& ref = *ge.args[1];
  EXPECT_EQ(source(p, ref), "t.out");
  EXPECT_EQ(ref.member, "out");
  EXPECT_EQ(source(p, ref.member_pos), "out");
  const ast::Expr& ne = *g.args[1];
  EXPECT_EQ(source(p, *ne.args[0]), "[1, 2 ]");
  EXPECT_EQ(ne.args[0]->kind, ast::ExprKind::List);
  EXPECT_EQ(source(p, *ne.args[1]), "null");
}

TEST(ExprArena, ApprovalsAndWordsThatAreAlsoNames) {
  Parsed p = parse_guard("2 of 3 approve or all approve or any + all > 0");
  ASSERT_TRUE(p.guard);
  const ast::Expr& g = *p.guard;
  const ast::Expr& k_of_n = *g.args[0]->args[0];
  EXPECT_EQ(k_of_n.kind, ast::ExprKind::Approve);
  EXPECT_EQ(k_of_n.number, 2);
  EXPECT_EQ(k_of_n.count, 3);
  EXPECT_EQ(source(p, k_of_n), "2 of 3 approve");
  EXPECT_EQ(g.args[0]->args[1]->text, "all");
  const ast::Expr& plus = *g.args[1]->args[0];  // `any` and `all` without approve: names
  EXPECT_EQ(plus.args[0]->kind, ast::ExprKind::Ref);
  EXPECT_EQ(plus.args[0]->text, "any");
  EXPECT_EQ(plus.args[1]->text, "all");
}

// The texts of the nodes are kept by the arena, not viewed in the source: they stay right
// after the source text is overwritten and freed.
TEST(ExprArena, TextsOutliveTheSourceText) {
  ast::ExprPtr kept;
  {
    Parsed p = parse_guard(
        "reviews_total.out == \"a \\\"quoted\\\" text\" or 2024-02-29 > d or 14d < w or "
        "x >= 0.25 or weighted { c: 0.5, i: 0.5 } > 1");
    kept = p.guard;
    std::fill(p.text.begin(), p.text.end(), '#');
  }
  ASSERT_TRUE(kept);
  const ast::Expr& g = *kept;
  ASSERT_EQ(g.text, "or");
  // ((((ref == text) or (date > d)) or (dur < w)) or (x >= 0.25)) or (weighted > 1)
  const ast::Expr* left = g.args[0];
  for (int i = 0; i < 3; ++i) left = left->args[0];
  const ast::Expr& eq = *left;
  ASSERT_EQ(eq.args.size(), 2u);
  EXPECT_EQ(eq.args[0]->text, "reviews_total");
  EXPECT_EQ(eq.args[0]->member, "out");
  EXPECT_EQ(eq.args[1]->kind, ast::ExprKind::String);
  EXPECT_EQ(eq.args[1]->text, "a \"quoted\" text");
  const ast::Expr& date = *g.args[0]->args[0]->args[0]->args[1]->args[0];
  EXPECT_EQ(date.kind, ast::ExprKind::Date);
  EXPECT_EQ(date.text, "2024-02-29");
  const ast::Expr& duration = *g.args[0]->args[0]->args[1]->args[0];
  EXPECT_EQ(duration.kind, ast::ExprKind::Duration);
  EXPECT_EQ(duration.text, "d");
  EXPECT_EQ(duration.count, 14);
  const ast::Expr& number = *g.args[0]->args[1]->args[1];
  EXPECT_EQ(number.text, "0.25");
  const ast::Expr& weighted = *g.args[1]->args[0];
  ASSERT_EQ(weighted.kind, ast::ExprKind::Weighted);
  ASSERT_EQ(weighted.weights.size(), 2u);
  EXPECT_EQ(weighted.weights[1].name.text, "i");
  EXPECT_EQ(weighted.weights[1].weight_text, "0.5");
}

// Errors in the middle of an expression, after nodes with text of their own were made: a
// diagnostic, and (under the sanitizers) nothing leaked.
TEST(ExprArena, ErrorsInsideAnExpressionAreDiagnosed) {
  std::string const long_member = std::string(40, 'n') + ".";
  for (std::string_view guard :
       {std::string_view("f(\"a long text that does not fit in place\", )"),
        std::string_view("00000000000000000000007 of 2.5 approve"), std::string_view("x + (y *"),
        std::string_view(long_member)}) {
    std::string const text = flow_with_guard(guard);
    SourceFile file("t.flow", text);
    ParseResult r = parse(file);
    EXPECT_FALSE(r.workflow.has_value()) << guard;
    EXPECT_TRUE(has_errors(r.diagnostics)) << guard;
  }
}

}  // namespace
}  // namespace dojang::dsl
