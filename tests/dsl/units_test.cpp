// The organisation in the language: roles `in unit` (and below), `head of ... unit`, person and
// unit fields, `unit from FIELD`, and notify the submitter, a person field or a head. It lowers
// into the Definition, formats to itself, and each mistake gets one plain diagnostic.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/format.hpp"

namespace dojang::dsl {
namespace {

constexpr std::string_view kUnits = R"flow(workflow request "요청" {
  roles {
    staff   "직원"
    handler "담당자" in unit
    manager "관리자" in unit and below
  }

  fields {
    title      "제목"      text required
    department "처리부서"  unit
    approver   "결재자"    person
  }

  unit from department

  start draft

  state draft "작성" {
    on submit by staff -> review sets department, approver notify head of unit "'{title}' 결재 요청"
  }

  state review "검토" {
    on approve by head of unit -> decide notify submitter "승인"
    on forward by head of parent unit -> decide
    on check by head of submitter unit -> decide
    on handle by handler -> decide
    on close by manager -> done
  }

  state decide "결정" {
    on sign by approver -> done notify approver "서명함"
  }

  final done "완료"
}
)flow";

struct Compiled {
  std::shared_ptr<const SourceFile> file;
  CompileResult result;
};

Compiled compile_text(std::string_view text) {
  auto file = std::make_shared<const SourceFile>("units.flow", std::string(text));
  CompileResult result = compile(*file);
  return {std::move(file), std::move(result)};
}

std::string variant(std::string_view from, std::string_view to) {
  std::string text(kUnits);
  auto const at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The one error of a variant, with its text.
std::string only_error(std::string_view from, std::string_view to) {
  Compiled const c = compile_text(variant(from, to));
  EXPECT_FALSE(c.result.ok());
  std::vector<std::string> errors;
  for (auto const& d : c.result.diagnostics) {
    if (d.severity == Severity::Error) errors.push_back(d.message);
  }
  EXPECT_EQ(errors.size(), 1u) << render_all(*c.file, c.result.diagnostics);
  return errors.empty() ? "" : errors.front();
}

TEST(Units, LowerIntoTheDefinition) {
  Compiled const c = compile_text(kUnits);
  ASSERT_TRUE(c.result.ok()) << render_all(*c.file, c.result.diagnostics);
  auto const& def = *c.result.definition;
  using Scope = engine::RoleDef::Scope;
  EXPECT_EQ(def.roles[def.role_index("staff")].scope, Scope::Office);
  EXPECT_EQ(def.roles[def.role_index("handler")].scope, Scope::Unit);
  EXPECT_EQ(def.roles[def.role_index("manager")].scope, Scope::UnitAndBelow);
  EXPECT_EQ(def.fields[def.field_index("department")].type.kind, engine::FieldKind::Unit);
  EXPECT_EQ(def.fields[def.field_index("approver")].type.kind, engine::FieldKind::Person);
  EXPECT_EQ(def.unit_field, def.field_index("department"));

  using Kind = engine::Actor::Kind;
  using Of = engine::Actor::Of;
  auto const& review = def.states[def.state_index("review")].actions;
  ASSERT_EQ(review.size(), 5u);
  EXPECT_EQ(review[0].by.kind, Kind::Head);
  EXPECT_EQ(review[0].by.of, Of::Unit);
  EXPECT_EQ(review[0].notifies.at(0).to.kind, Kind::Submitter);
  EXPECT_EQ(review[1].by.of, Of::ParentUnit);
  EXPECT_EQ(review[2].by.of, Of::SubmitterUnit);
  EXPECT_EQ(review[3].by.kind, Kind::Role);
  auto const& sign = def.states[def.state_index("decide")].actions.at(0);
  EXPECT_EQ(sign.by.kind, Kind::Person);
  EXPECT_EQ(sign.by.field, def.field_index("approver"));
  EXPECT_EQ(sign.notifies.at(0).to.kind, Kind::Person);
  auto const& submit = def.states[def.state_index("draft")].actions.at(0);
  EXPECT_EQ(submit.notifies.at(0).to.kind, Kind::Head);
  EXPECT_EQ(engine::actor_words(def, review[1].by), "head of parent unit");
}

TEST(Units, FormatToThemselves) {
  SourceFile const file("units.flow", std::string(kUnits));
  std::vector<Diagnostic> diagnostics;
  auto const formatted = format_text(file, &diagnostics);
  ASSERT_TRUE(formatted.has_value()) << render_all(file, diagnostics);
  EXPECT_EQ(*formatted, kUnits);
}

TEST(Units, AUnitFromAFieldThatIsNoUnitIsRefused) {
  EXPECT_EQ(only_error("unit from department", "unit from title"),
            "'unit from title': the item's unit comes from a field of type unit; 'title' is text");
}

TEST(Units, ByAFieldThatIsNoPersonIsRefused) {
  EXPECT_EQ(only_error("on sign by approver", "on sign by title"),
            "'title' is a field of type text, not a role: only a 'person' field can name who acts "
            "or hears of it");
}

TEST(Units, NotifyAnyoneIsRefused) {
  std::string const message = only_error("notify submitter \"승인\"", "notify anyone \"승인\"");
  EXPECT_NE(message.find("'notify anyone' would tell everyone"), std::string::npos) << message;
}

TEST(Units, AnUnknownActorIsStillAnUnknownRole) {
  std::string const message = only_error("on handle by handler", "on handle by handlr");
  EXPECT_NE(message.find("handler"), std::string::npos) << message;  // did you mean
}

TEST(Units, HeadOfSomethingElseIsASyntaxError) {
  Compiled const c = compile_text(variant("head of parent unit", "head of team"));
  EXPECT_FALSE(c.result.ok());
}

TEST(Units, ARankingByAnInUnitRoleIsRefused) {
  std::string const text = variant("  final done \"완료\"",
                                   "  state ranked \"순위\" {\n"
                                   "    rank best by handler \"선정\" {\n"
                                   "      order 1 desc\n"
                                   "      ties earliest\n"
                                   "      rest -> done\n"
                                   "    }\n"
                                   "  }\n\n"
                                   "  final done \"완료\"");
  Compiled const c = compile_text(text);
  EXPECT_FALSE(c.result.ok());
  bool found = false;
  for (auto const& d : c.result.diagnostics)
    found = found || d.message.find("must be held office-wide") != std::string::npos;
  EXPECT_TRUE(found) << render_all(*c.file, c.result.diagnostics);
}

}  // namespace
}  // namespace dojang::dsl
