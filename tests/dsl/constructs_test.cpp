// Every construct of the language compiles without a diagnostic and lowers to the expected
// engine::Definition: indexes, slots, windows, timers, reviews, tables, routes and actors.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/format.hpp"
#include "dojang/dsl/parse.hpp"
#include "dsl/test_paths.hpp"

namespace dojang::dsl {
namespace {

using engine::ActionDef;
using engine::FieldKind;
using engine::kNone;

// Every construct at least once. Sound: no errors and no warnings are expected.
constexpr std::string_view kEverything = R"flow(# Every construct of the language.
workflow everything "모든 구문" {
  roles {
    applicant "신청자"
    clerk     "담당자"
    judge     "심사위원"
    head      "기관장"
    auditor
  }

  fields {
    title   "제목"   text required
    budget  "예산"   money
    people  "인원"   number
    urgent  "긴급"   bool
    due     "마감일" date
    area    "분야"   one_of(customer, process, "기타 분야") required
    quality "품질"   score 0..50
    impact  "영향"   score 0..50
    memo    text
  }

  let total      = quality + impact
  let weighted_score = weighted { quality: 0.6, impact: 0.4 }
  let score_1    = round(weighted_score, 1)
  let average    = avg(reviews.merit)
  let spread     = max(reviews.cost) - min(reviews.cost)
  let merit_sum  = sum(reviews.merit)
  let reviewed   = count(reviews)
  let yes_votes  = approvals
  let per_head   = if people > 0 then budget / people else null
  let late       = days_between(due, now()) > 0
  let window_end = due + 2w - 3h + 30m
  let tagged     = contains(title, "혁신") or len(title) > 30 and not urgent
  let checked    = coalesce(urgent, false) = true and area in ["customer", "process"]
  let bounded    = abs(-budget) <= max(budget, 0, people) and min(people, 10) <> 3
  let checks_n   = count(checks.item)

  table grade "등급" hit unique {
    given score_1
    yields level text, bonus money
    row >= 45     -> "S", 300000
    row 35 ..< 45 -> "A", 200000
    row 20 ..< 35 -> "B", 100000
    row < 20      -> "C", 0
  }

  table route_by "분야별 담당" hit first {
    given area, urgent, people
    yields office text
    row "customer", true, > 10                 -> "민원실"
    row in ["customer", "process"], -, 1 .. 5  -> "혁신팀"
    row != "process", false, <= 3              -> "총무과"
    row -, = true, == 7                        -> "비서실"
    row -, -, >= 0                             -> "기획실"
    row -, -, -                                -> "기타"
  }

  table checks "점검 항목" hit collect {
    given budget
    yields item text
    row > 1000000 -> "감사"
    row < 10      -> "확인"
    row != 0      -> "검토"
  }

  start draft

  state draft "작성" {
    on submit by applicant -> intake requires title, area open 01-15 .. 11-30 recallable notify clerk "'{title}' 접수 요청 ({area})"
    on save by submitter sets title, budget, people, urgent, due, area, memo
    on withdraw by anyone -> withdrawn with comment
  }

  state intake "접수" {
    on accept by clerk -> scoring not by submitter
    on return by clerk return_to draft
    on escalate by clerk -> committee
    deadline 14d -> escalate notify head "'{title}' 접수가 지연되고 있습니다"
  }

  state scoring "채점" {
    on score by clerk sets quality, impact
    on next by clerk -> committee when quality != null and impact != null
    on next by clerk -> committee
    on back by clerk return_to previous
  }

  state committee "위원회 심사" {
    review by judge quorum 3 {
      criterion merit "우수성"     score 0..10
      criterion cost  "비용 적정성" score 0..20
      vote
      then -> deciding
    }
    deadline 30d -> notify head "'{title}' 심사 지연" notify clerk "독촉 필요"
  }

  decision deciding "결정" {
    -> paying when 2 of 3 approve and grade.bonus > 0
    -> head_review when any approve or yes_votes >= 1
    else -> rejected
  }

  state head_review "기관장 검토" {
    on approve by head -> paying when all approve or urgent == true
    on reject by head -> rejected with comment
    after 60d -> rejected
  }

  state paying "지급" {
    on pay by clerk -> closed notify applicant "{title}: {grade.level} {grade.bonus}원, {score_1}점" start follow_up with title = title, amount = grade.bonus
  }

  final closed    "종결"
  final rejected  "반려"
  final withdrawn "철회"
}
)flow";

struct Compiled {
  std::shared_ptr<const SourceFile> file;
  CompileResult result;
};

// Compiles `text`; records a test failure (with the rendered diagnostics) when it gives any
// diagnostic at all.
Compiled compile_clean(std::string_view text) {
  auto file = std::make_shared<const SourceFile>("constructs.flow", std::string(text));
  CompileResult result = compile(*file);
  EXPECT_TRUE(result.diagnostics.empty()) << render_all(*file, result.diagnostics);
  EXPECT_TRUE(result.ok());
  return {std::move(file), std::move(result)};
}

class Everything : public testing::Test {
 protected:
  static void SetUpTestSuite() { s_compiled = new Compiled(compile_clean(kEverything)); }
  static void TearDownTestSuite() {
    delete s_compiled;
    s_compiled = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(s_compiled->result.ok()); }

  static const engine::Definition& def() { return *s_compiled->result.definition; }
  static const engine::StateDef& state(std::string_view name) {
    return def().states.at(def().state_index(name));
  }
  static const ActionDef& action(std::string_view st, std::size_t i) {
    return state(st).actions.at(i);
  }
  static engine::Index field(std::string_view name) { return def().field_index(name); }
  static engine::Index let_index(std::string_view name) {
    auto const& lets = def().lets;
    for (std::size_t i = 0; i < lets.size(); ++i) {
      if (lets[i].name == name) return static_cast<engine::Index>(i);
    }
    return kNone;
  }
  static engine::Index table_index(std::string_view name) {
    auto const& tables = def().tables;
    for (std::size_t i = 0; i < tables.size(); ++i) {
      if (tables[i].name == name) return static_cast<engine::Index>(i);
    }
    return kNone;
  }

  static Compiled* s_compiled;
};
Compiled* Everything::s_compiled = nullptr;

TEST_F(Everything, NameLabelAndHash) {
  EXPECT_EQ(def().name, "everything");
  EXPECT_EQ(def().label, "모든 구문");
  EXPECT_EQ(def().source_hash, sha256_hex(kEverything));
  EXPECT_EQ(def().source_hash.size(), 64u);
}

TEST_F(Everything, RolesWithAndWithoutLabels) {
  ASSERT_EQ(def().roles.size(), 5u);
  EXPECT_EQ(def().roles[0].name, "applicant");
  EXPECT_EQ(def().roles[0].label, "신청자");
  EXPECT_EQ(def().roles[3].label, "기관장");
  EXPECT_EQ(def().roles[4].name, "auditor");
  EXPECT_EQ(def().roles[4].label, "auditor");  // no label: the name
  EXPECT_EQ(def().role_index("judge"), 2u);
  EXPECT_EQ(def().role_index("nobody"), kNone);
}

TEST_F(Everything, EveryFieldTypeWithItsSlot) {
  struct Want {
    const char* name;
    FieldKind kind;
    bool required;
  };
  const Want want[] = {{"title", FieldKind::Text, true},     {"budget", FieldKind::Money, false},
                       {"people", FieldKind::Number, false}, {"urgent", FieldKind::Bool, false},
                       {"due", FieldKind::Date, false},      {"area", FieldKind::OneOf, true},
                       {"quality", FieldKind::Score, false}, {"impact", FieldKind::Score, false},
                       {"memo", FieldKind::Text, false}};
  ASSERT_EQ(def().fields.size(), std::size(want));
  for (std::size_t i = 0; i < std::size(want); ++i) {
    auto const& f = def().fields[i];
    SCOPED_TRACE(f.name);
    EXPECT_EQ(f.name, want[i].name);
    EXPECT_EQ(f.type.kind, want[i].kind);
    EXPECT_EQ(f.required, want[i].required);
    EXPECT_EQ(f.slot, i);
  }
  auto const& area = def().fields[field("area")];
  EXPECT_EQ(area.label, "분야");
  EXPECT_EQ(area.type.values, (std::vector<std::string>{"customer", "process", "기타 분야"}));
  auto const& quality = def().fields[field("quality")];
  EXPECT_EQ(quality.type.lo, 0);
  EXPECT_EQ(quality.type.hi, 50);
  EXPECT_EQ(def().fields[field("memo")].label, "memo");
}

TEST_F(Everything, LetsAndTableOutputsTakeTheSlotsAfterTheFields) {
  ASSERT_EQ(def().lets.size(), 15u);
  for (std::size_t i = 0; i < def().lets.size(); ++i) EXPECT_EQ(def().lets[i].slot, 9 + i);
  EXPECT_EQ(def().lets[let_index("total")].type, engine::Type::Number);
  EXPECT_EQ(def().lets[let_index("late")].type, engine::Type::Bool);
  EXPECT_EQ(def().lets[let_index("window_end")].type, engine::Type::Date);
  EXPECT_EQ(def().lets[let_index("tagged")].type, engine::Type::Bool);
  EXPECT_EQ(def().lets[let_index("per_head")].type, engine::Type::Money);  // budget / people
  EXPECT_EQ(def().lets[let_index("total")].source, "quality + impact");
  auto const& grade = def().tables[table_index("grade")];
  ASSERT_EQ(grade.outputs.size(), 2u);
  EXPECT_EQ(grade.outputs[0].slot, 24u);
  EXPECT_EQ(grade.outputs[1].slot, 25u);
  EXPECT_EQ(grade.outputs[1].type.kind, FieldKind::Money);
  EXPECT_EQ(def().tables[table_index("route_by")].outputs[0].slot, 26u);
  EXPECT_EQ(def().tables[table_index("checks")].outputs[0].slot, 27u);
  EXPECT_EQ(def().slot_count, 28u);
}

TEST_F(Everything, DerivedStepsComeAfterTheirInputs) {
  auto const& steps = def().derived;
  EXPECT_EQ(steps.size(), def().lets.size() + def().tables.size());
  auto const position = [&](engine::DerivedStep::Kind kind, engine::Index index) {
    auto const it = std::find_if(steps.begin(), steps.end(),
                                 [&](auto const& s) { return s.kind == kind && s.index == index; });
    EXPECT_NE(it, steps.end());
    return it - steps.begin();
  };
  using K = engine::DerivedStep::Kind;
  EXPECT_LT(position(K::Let, let_index("weighted_score")), position(K::Let, let_index("score_1")));
  EXPECT_LT(position(K::Let, let_index("score_1")), position(K::Table, table_index("grade")));
  EXPECT_LT(position(K::Table, table_index("checks")), position(K::Let, let_index("checks_n")));
}

TEST_F(Everything, TablesWithEveryHitPolicy) {
  auto const& grade = def().tables[table_index("grade")];
  EXPECT_EQ(grade.label, "등급");
  EXPECT_EQ(grade.hit, engine::HitPolicy::Unique);
  EXPECT_EQ(grade.inputs.size(), 1u);
  EXPECT_EQ(grade.rows.size(), 4u);
  auto const& route = def().tables[table_index("route_by")];
  EXPECT_EQ(route.hit, engine::HitPolicy::First);
  EXPECT_EQ(route.inputs.size(), 3u);
  ASSERT_EQ(route.rows.size(), 6u);
  for (auto const& row : route.rows) {
    EXPECT_EQ(row.cells.size(), 3u);
    EXPECT_EQ(row.outputs.size(), 1u);
  }
  EXPECT_EQ(def().tables[table_index("checks")].hit, engine::HitPolicy::Collect);
}

TEST_F(Everything, StartStateKindsAndFinals) {
  EXPECT_EQ(def().start, def().state_index("draft"));
  ASSERT_EQ(def().states.size(), 10u);
  EXPECT_EQ(state("draft").label, "작성");
  EXPECT_EQ(state("deciding").kind, engine::StateKind::Decision);
  EXPECT_EQ(state("paying").kind, engine::StateKind::Normal);
  for (auto name : {"closed", "rejected", "withdrawn"}) {
    EXPECT_EQ(state(name).kind, engine::StateKind::Final) << name;
    EXPECT_TRUE(state(name).actions.empty()) << name;
  }
}

TEST_F(Everything, SubmitWithRequiresWindowRecallAndNotify) {
  ActionDef const& submit = action("draft", 0);
  EXPECT_EQ(submit.name, "submit");
  EXPECT_EQ(submit.by.kind, engine::Actor::Kind::Role);
  EXPECT_EQ(submit.by.role, def().role_index("applicant"));
  EXPECT_EQ(submit.target_kind, ActionDef::Target::State);
  EXPECT_EQ(submit.target, def().state_index("intake"));
  EXPECT_EQ(submit.requires_fields, (std::vector<engine::Index>{field("title"), field("area")}));
  ASSERT_TRUE(submit.window.has_value());
  EXPECT_EQ(submit.window->from_month, 1);
  EXPECT_EQ(submit.window->from_day, 15);
  EXPECT_EQ(submit.window->to_month, 11);
  EXPECT_EQ(submit.window->to_day, 30);
  EXPECT_TRUE(submit.recallable);
  EXPECT_FALSE(submit.is_return);
  EXPECT_FALSE(submit.with_comment);
  ASSERT_EQ(submit.notifies.size(), 1u);
  EXPECT_EQ(submit.notifies[0].to.role, def().role_index("clerk"));
  EXPECT_EQ(submit.notifies[0].message, "'{title}' 접수 요청 ({area})");
  EXPECT_EQ(submit.line, 70u);
}

TEST_F(Everything, ActorsSubmitterAndAnyone) {
  ActionDef const& save = action("draft", 1);
  EXPECT_EQ(save.by.kind, engine::Actor::Kind::Submitter);
  EXPECT_EQ(save.target_kind, ActionDef::Target::Stay);
  EXPECT_EQ(save.sets, (std::vector<engine::Index>{0, 1, 2, 3, 4, 5, 8}));
  ActionDef const& withdraw = action("draft", 2);
  EXPECT_EQ(withdraw.by.kind, engine::Actor::Kind::Anyone);
  EXPECT_EQ(withdraw.target, def().state_index("withdrawn"));
  EXPECT_TRUE(withdraw.with_comment);
}

TEST_F(Everything, SeparationOfDutiesReturnToAndDeadlineFiringAnAction) {
  EXPECT_TRUE(action("intake", 0).not_by_submitter);
  EXPECT_FALSE(action("intake", 2).not_by_submitter);
  ActionDef const& back = action("intake", 1);
  EXPECT_TRUE(back.is_return);
  EXPECT_TRUE(back.with_comment);  // a send-back always says why
  EXPECT_EQ(back.target_kind, ActionDef::Target::State);
  EXPECT_EQ(back.target, def().state_index("draft"));
  ASSERT_EQ(state("intake").timers.size(), 1u);
  auto const& deadline = state("intake").timers[0];
  EXPECT_EQ(deadline.kind, engine::TimerDef::Kind::Deadline);
  EXPECT_EQ(deadline.delay.seconds, 1209600);  // 14d
  EXPECT_EQ(deadline.action, 2u);              // escalate
  ASSERT_EQ(deadline.notifies.size(), 1u);
  EXPECT_EQ(deadline.notifies[0].to.role, def().role_index("head"));
}

TEST_F(Everything, SameNameActionsWithGuardsAndReturnToPrevious) {
  ActionDef const& guarded = action("scoring", 1);
  ActionDef const& fallback = action("scoring", 2);
  EXPECT_EQ(guarded.name, "next");
  EXPECT_EQ(fallback.name, "next");
  EXPECT_TRUE(guarded.guard.has_value());
  EXPECT_EQ(guarded.guard_source, "quality != null and impact != null");
  EXPECT_FALSE(fallback.guard.has_value());
  EXPECT_EQ(action("scoring", 0).sets,
            (std::vector<engine::Index>{field("quality"), field("impact")}));
  ActionDef const& previous = action("scoring", 3);
  EXPECT_EQ(previous.target_kind, ActionDef::Target::Previous);
  EXPECT_EQ(previous.target, kNone);
  EXPECT_TRUE(previous.is_return);
  EXPECT_TRUE(previous.with_comment);
}

TEST_F(Everything, ReviewWithCriteriaVoteAndThen) {
  auto const& committee = state("committee");
  ASSERT_TRUE(committee.review.has_value());
  auto const& review = *committee.review;
  EXPECT_EQ(review.block, 0u);
  EXPECT_EQ(review.role, def().role_index("judge"));
  EXPECT_EQ(review.quorum, 3);
  EXPECT_TRUE(review.vote);
  EXPECT_EQ(review.then_target, def().state_index("deciding"));
  ASSERT_EQ(review.criteria.size(), 2u);
  EXPECT_EQ(review.criteria[0].name, "merit");
  EXPECT_EQ(review.criteria[0].label, "우수성");
  EXPECT_EQ(review.criteria[1].lo, 0);
  EXPECT_EQ(review.criteria[1].hi, 20);
  ASSERT_EQ(committee.timers.size(), 1u);
  EXPECT_EQ(committee.timers[0].delay.seconds, 30 * 86400);
  EXPECT_EQ(committee.timers[0].action, kNone);  // notify only
  ASSERT_EQ(committee.timers[0].notifies.size(), 2u);
  EXPECT_EQ(committee.timers[0].notifies[1].to.role, def().role_index("clerk"));
  EXPECT_FALSE(state("draft").review.has_value());
}

TEST_F(Everything, DecisionRoutesWithElseLast) {
  auto const& routes = state("deciding").routes;
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_TRUE(routes[0].guard.has_value());
  EXPECT_EQ(routes[0].target, def().state_index("paying"));
  EXPECT_EQ(routes[0].guard_source, "2 of 3 approve and grade.bonus > 0");
  EXPECT_EQ(routes[1].target, def().state_index("head_review"));
  EXPECT_FALSE(routes[2].guard.has_value());
  EXPECT_EQ(routes[2].target, def().state_index("rejected"));
  EXPECT_EQ(routes[0].guard->type(), engine::Type::Bool);
}

TEST_F(Everything, AfterTimerAndNotifyWithTableOutputs) {
  auto const& timers = state("head_review").timers;
  ASSERT_EQ(timers.size(), 1u);
  EXPECT_EQ(timers[0].kind, engine::TimerDef::Kind::After);
  EXPECT_EQ(timers[0].delay.seconds, 60 * 86400);
  EXPECT_EQ(timers[0].target, def().state_index("rejected"));
  ActionDef const& pay = action("paying", 0);
  ASSERT_EQ(pay.notifies.size(), 1u);
  EXPECT_EQ(pay.notifies[0].to.role, def().role_index("applicant"));
  EXPECT_EQ(pay.notifies[0].message, "{title}: {grade.level} {grade.bonus}원, {score_1}점");
}

TEST_F(Everything, StartAnotherProcedureWithAssignments) {
  auto const& syntax = s_compiled->result.syntax;
  ASSERT_TRUE(syntax.has_value());
  auto const paying = std::find_if(syntax->states.begin(), syntax->states.end(),
                                   [](auto const& s) { return s.name.text == "paying"; });
  ASSERT_NE(paying, syntax->states.end());
  ASSERT_EQ(paying->actions.size(), 1u);
  ASSERT_EQ(paying->actions[0].starts.size(), 1u);
  auto const& start = paying->actions[0].starts[0];
  EXPECT_EQ(start.workflow.text, "follow_up");
  ASSERT_EQ(start.assignments.size(), 2u);
  EXPECT_EQ(start.assignments[0].first.text, "title");
  EXPECT_EQ(start.assignments[1].first.text, "amount");
  EXPECT_EQ(start.assignments[1].second->kind, ast::ExprKind::Ref);
  EXPECT_EQ(start.assignments[1].second->member, "bonus");
}

// ---------------------------------------------------------------- evaluation

engine::Date day(int y, unsigned m, unsigned d) {
  auto const days = std::chrono::sys_days(std::chrono::year(y) / m / d);
  return engine::Date{static_cast<std::int64_t>(days.time_since_epoch().count()) * 86400};
}

// Evaluates the derived values of `def` in dependency order; table outputs stay null.
void evaluate_lets(const engine::Definition& def, engine::Env& env,
                   std::vector<engine::Value>& slots, std::vector<engine::EvalNote>* notes) {
  env.notes = notes;
  for (auto const& step : def.derived) {
    if (step.kind != engine::DerivedStep::Kind::Let) continue;
    auto const& let = def.lets[step.index];
    env.slots = slots;
    slots[let.slot] = let.expr.evaluate(env);
  }
}

TEST_F(Everything, LetsEvaluateThroughTheDefinition) {
  std::vector<engine::Value> slots(def().slot_count);
  slots[field("quality")] = 40;
  slots[field("impact")] = 25;
  slots[field("budget")] = 1000;
  slots[field("people")] = 4;
  slots[field("due")] = day(2024, 3, 1);
  slots[field("title")] = "혁신 과제";
  slots[field("area")] = "process";
  engine::Env env;
  env.now = day(2024, 3, 11);
  evaluate_lets(def(), env, slots, nullptr);
  auto const value = [&](std::string_view name) { return slots[def().lets[let_index(name)].slot]; };
  EXPECT_EQ(value("total"), engine::Value(65));
  EXPECT_EQ(value("weighted_score"), engine::Value(34));  // 0.6 * 40 + 0.4 * 25
  EXPECT_EQ(value("score_1"), engine::Value(34));
  EXPECT_EQ(value("per_head"), engine::Value(*engine::Decimal::from_int(250)));
  EXPECT_EQ(value("late"), engine::Value(true));  // 10 days after the due date
  EXPECT_EQ(value("window_end"),
            engine::Value(engine::Date{day(2024, 3, 15).seconds - 3 * 3600 + 30 * 60}));
  EXPECT_EQ(value("tagged"), engine::Value(true));
  EXPECT_EQ(value("checked"), engine::Value(false));  // urgent is null: coalesce gives false
  EXPECT_EQ(value("bounded"), engine::Value(true));
  EXPECT_EQ(value("average"), engine::Value());  // no reviews yet
  EXPECT_EQ(value("reviewed"), engine::Value(0));
}

TEST_F(Everything, TableCellsPickTheExpectedRow) {
  auto const& route = def().tables[table_index("route_by")];
  auto const first_row = [&](std::vector<engine::Value> inputs) -> int {
    engine::Env env;
    env.table_inputs = inputs;
    for (std::size_t r = 0; r < route.rows.size(); ++r) {
      auto const& cells = route.rows[r].cells;
      if (std::all_of(cells.begin(), cells.end(), [&](auto const& c) { return c.holds(env); }))
        return static_cast<int>(r);
    }
    return -1;
  };
  EXPECT_EQ(first_row({"customer", true, 11}), 0);            // equal, bool, > 10
  EXPECT_EQ(first_row({"process", false, 2}), 1);             // in [...], -, 1 .. 5
  EXPECT_EQ(first_row({"기타 분야", false, 3}), 2);           // != "process", false, <= 3
  EXPECT_EQ(first_row({"process", true, 7}), 3);              // -, = true, == 7
  EXPECT_EQ(first_row({"process", false, 50}), 4);            // >= 0
  EXPECT_EQ(first_row({"process", engine::Value(), -1}), 5);  // -, -, -
  engine::Env env;
  std::vector<engine::Value> in = {"process", false, 2};
  env.table_inputs = in;
  EXPECT_EQ(route.rows[1].outputs[0].evaluate(env), engine::Value("혁신팀"));

  auto const& grade = def().tables[table_index("grade")];
  for (double score : {0.0, 19.9, 20.0, 34.9, 35.0, 44.9, 45.0, 50.0}) {
    std::vector<engine::Value> inputs = {score};
    env.table_inputs = inputs;
    int matches = 0;
    for (auto const& row : grade.rows) matches += row.cells[0].holds(env) ? 1 : 0;
    EXPECT_EQ(matches, 1) << "a unique table matches exactly one row for " << score;
  }
  auto const& checks = def().tables[table_index("checks")];
  std::vector<engine::Value> five = {5};
  env.table_inputs = five;
  int collected = 0;
  for (auto const& row : checks.rows) collected += row.cells[0].holds(env) ? 1 : 0;
  EXPECT_EQ(collected, 2);  // < 10 and != 0
}

// One `let x = EXPR` in a procedure with fields of every type and a review with a vote.
constexpr std::string_view kCalculator = R"flow(workflow calc "계산" {
  roles {
    clerk "담당자"
    judge "심사위원"
  }
  fields {
    a    number
    b    number
    m    money
    t    text
    d1   date
    d2   date
    flag bool
    kind one_of(alpha, beta)
    s1   score 0..10
    s2   score 0..10
  }
  let x = @
  start work
  state work "작업" {
    review by judge quorum 3 {
      criterion merit "우수성" score 0..10
      criterion cost  "비용"   score 0..20
      vote
    }
    on finish by clerk -> done
  }
  final done "끝"
}
)flow";

struct EvalCase {
  std::string expr;
  std::vector<std::pair<std::string, engine::Value>> fields;
  engine::Value want;
  std::vector<engine::ReviewRecord> reviews = {};
};

engine::ReviewRecord review(engine::Value merit, engine::Value cost, engine::Value vote) {
  return engine::ReviewRecord{0,  "judge", {std::move(merit), std::move(cost)}, std::move(vote),
                              "", false};
}

const engine::Value kNull;

std::vector<EvalCase> eval_cases() {
  using engine::Duration;
  using engine::Value;
  std::vector<engine::ReviewRecord> const three = {review(8, 10, true), review(6, 20, false),
                                                   review(7, 15, true)};
  return {
      {"a + b * 2", {{"a", 1}, {"b", 3}}, 7},
      {"(a + b) * 2", {{"a", 1}, {"b", 3}}, 8},
      {"a - b - 1", {{"a", 1}, {"b", 3}}, -3},
      {"a / b", {{"a", 3}, {"b", 4}}, 0.75},
      {"a / b", {{"a", 3}, {"b", 0}}, kNull},  // division by zero: null and a note
      {"a + b", {{"a", 1}}, kNull},            // null propagates
      {"-a * m", {{"a", 2}, {"m", 1500}}, Value(*engine::Decimal::from_int(-3000))},  // money
      {"weighted { s1: 0.25, s2: 0.75 }", {{"s1", 8}, {"s2", 4}}, 5},
      {"weighted { s1: 0.25, s2: 0.75 }", {{"s1", 8}}, kNull},
      {"round(a / 3, 2)", {{"a", 10}}, 3.33},
      {"round(a, 0)", {{"a", 2.5}}, 3},
      {"round(a, 0)", {{"a", -2.5}}, -3},
      {"abs(a - b)", {{"a", 2}, {"b", 7}}, 5},
      {"min(a, b, 4)", {{"a", 6}, {"b", 5}}, 4},
      {"max(a, b)", {{"a", 6}, {"b", 5}}, 6},
      {"coalesce(a, b, 0)", {{"b", 2}}, 2},
      {"coalesce(a, 7)", {}, 7},
      {"days_between(d1, d2)", {{"d1", day(2024, 1, 1)}, {"d2", day(2024, 3, 1)}}, 60},
      {"d1 + 14d", {{"d1", day(2024, 1, 1)}}, day(2024, 1, 15)},
      {"d2 - d1", {{"d1", day(2024, 1, 1)}, {"d2", day(2024, 3, 1)}}, Duration{60 * 86400}},
      {"d1 < 2024-06-01", {{"d1", day(2024, 1, 1)}}, true},
      {"len(t)", {{"t", "혁신과제"}}, 4},
      {"contains(t, \"과제\")", {{"t", "혁신과제"}}, true},
      {"t == \"x\" or flag", {{"t", "y"}, {"flag", true}}, true},
      {"not flag", {}, kNull},
      {"flag and a > 1", {{"flag", false}}, false},  // false and null is false
      {"flag or a > 1", {{"flag", true}}, true},     // true or null is true
      {"a > b", {{"a", 1}}, kNull},
      {"a == null", {}, true},
      {"kind in [\"alpha\", \"beta\"]", {{"kind", "beta"}}, true},
      {"a in [1, 2, 3]", {{"a", 4}}, false},
      {"if a > 10 then \"큼\" else \"작음\"", {{"a", 11}}, "큼"},
      {"if flag then 1 else 2", {}, 2},  // a null condition takes 'else'
      {"3h + 30m", {}, Duration{3 * 3600 + 30 * 60}},
      {"2w", {}, Duration{1209600}},
      {"len([1, 2, 3])", {}, 3},
      {"avg(reviews.merit)", {}, 7, three},
      {"min(reviews.cost) + max(reviews.cost)", {}, 30, three},
      {"sum(reviews.merit)",
       {},
       14,
       {review(8, 1, true), review(kNull, 2, true), review(6, 3, true)}},
      {"count(reviews)", {}, 3, three},
      {"approvals", {}, 2, three},
      {"2 of 3 approve", {}, true, three},
      {"2 of 3 approve", {}, false, {review(8, 10, true), review(6, 20, true)}},
      {"all approve", {}, false, three},
      {"all approve", {}, true, {review(1, 1, true), review(2, 2, true), review(3, 3, true)}},
      {"any approve", {}, false, {review(1, 1, false), review(2, 2, false)}},
      {"avg(reviews.merit)", {}, kNull},  // no reviews: no average
  };
}

class Evaluation : public testing::TestWithParam<std::size_t> {};

TEST_P(Evaluation, LetThroughTheCompiledDefinition) {
  EvalCase const c = eval_cases()[GetParam()];
  std::string text(kCalculator);
  text.replace(text.find('@'), 1, c.expr);
  Compiled const compiled = compile_clean(text);
  ASSERT_TRUE(compiled.result.ok()) << c.expr;
  auto const& def = *compiled.result.definition;
  ASSERT_EQ(def.lets.size(), 1u);
  std::vector<engine::Value> slots(def.slot_count);
  for (auto const& [name, value] : c.fields) slots.at(def.field_index(name)) = value;
  std::vector<engine::EvalNote> notes;
  engine::Env env;
  env.slots = slots;
  env.reviews = c.reviews;
  env.now = day(2025, 5, 5);
  env.notes = &notes;
  engine::Value const got = def.lets[0].expr.evaluate(env);
  EXPECT_EQ(got, c.want) << c.expr << " gave " << engine::to_string(got) << ", expected "
                         << engine::to_string(c.want);
  bool const by_zero = c.expr == "a / b" && c.want.is_null();
  EXPECT_EQ(notes.size(), by_zero ? 1u : 0u) << c.expr;
  if (by_zero && !notes.empty()) {
    EXPECT_NE(notes[0].message.find("division by zero"), std::string::npos) << notes[0].message;
    EXPECT_EQ(text.substr(notes[0].offset, notes[0].length), "a / b");
  }
}

INSTANTIATE_TEST_SUITE_P(Dsl, Evaluation, testing::Range<std::size_t>(0, eval_cases().size()));

// A score with whole bounds and a `count` take whole numbers only; decimal bounds take any.
TEST(Types, WholeScoresCountsAndDecimalBounds) {
  SourceFile const file("whole.flow", R"flow(workflow whole {
  roles {
    judge
  }

  fields {
    stars    score 1..5
    rate     score 0.0..100.0
    half     score 0..2.5
    members  count
    budget   number
  }

  start s

  state s {
    review by judge quorum 1 {
      criterion effect score 0..20
      criterion detail score 0.0..10.0
      then -> done
    }
  }

  final done
}
)flow");
  CompileResult const result = compile(file);
  ASSERT_TRUE(result.ok()) << render_all(file, result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty()) << render_all(file, result.diagnostics);
  auto const& def = *result.definition;
  auto const type = [&](const char* name) { return def.fields[def.field_index(name)].type; };
  EXPECT_TRUE(type("stars").whole);
  EXPECT_FALSE(type("rate").whole);
  EXPECT_FALSE(type("half").whole);  // one decimal bound is enough
  EXPECT_TRUE(type("members").whole);
  EXPECT_EQ(type("members").kind, FieldKind::Number);
  EXPECT_FALSE(type("budget").whole);
  auto const& criteria = def.states[def.state_index("s")].review->criteria;
  ASSERT_EQ(criteria.size(), 2u);
  EXPECT_TRUE(criteria[0].whole);
  EXPECT_FALSE(criteria[1].whole);
  // The formatter writes the types as they were written.
  std::string const formatted = format(file, *parse(file).workflow);
  for (const char* kept : {" count\n", " score 1..5\n", " score 0.0..100.0\n", " score 0..2.5\n",
                           " score 0.0..10.0\n"})
    EXPECT_NE(formatted.find(kept), std::string::npos) << kept << " in:\n" << formatted;
}

TEST(Evaluation, NowComesFromTheEnvironment) {
  std::string text(kCalculator);
  text.replace(text.find('@'), 1, "now()");
  Compiled const compiled = compile_clean(text);
  ASSERT_TRUE(compiled.result.ok());
  std::vector<engine::Value> slots(compiled.result.definition->slot_count);
  engine::Env env;
  env.slots = slots;
  env.now = day(2025, 5, 5);
  EXPECT_EQ(compiled.result.definition->lets[0].expr.evaluate(env), engine::Value(day(2025, 5, 5)));
}

TEST(Evaluation, GuardsHoldOnlyWhenTrue) {
  Compiled const compiled = compile_clean(R"flow(workflow g "가드" {
  roles {
    clerk "담당자"
  }
  fields {
    amount money
  }
  start work
  state work "작업" {
    on big by clerk -> done when amount >= 1000
    on small by clerk -> done
  }
  final done "끝"
}
)flow");
  ASSERT_TRUE(compiled.result.ok());
  auto const& def = *compiled.result.definition;
  auto const& guard = def.states[0].actions[0].guard;
  ASSERT_TRUE(guard.has_value());
  std::vector<engine::Value> slots(def.slot_count);
  engine::Env env;
  env.slots = slots;
  EXPECT_EQ(guard->test(env), engine::Truth::Null);  // amount not set
  EXPECT_FALSE(guard->holds(env));                   // a null guard does not hold
  slots[0] = 5000;
  EXPECT_TRUE(guard->holds(env));
  slots[0] = 999;
  EXPECT_EQ(guard->test(env), engine::Truth::False);
}

// ---------------------------------------------------------------- the shipped procedures

TEST(Workflows, CompileWithoutErrorsOrWarnings) {
  auto const files = test::files_in(test::workflows_dir(), ".flow");
  ASSERT_GE(files.size(), 2u);
  for (auto const& path : files) {
    SourceFile file(path.filename().string(), test::read_bytes(path));
    CompileResult result = compile(file);
    EXPECT_TRUE(result.diagnostics.empty()) << render_all(file, result.diagnostics);
    EXPECT_TRUE(result.ok()) << path;
  }
}

TEST(Workflows, InnovationTaskLowersItsTimersAndWindow) {
  SourceFile file("innovation_task.flow",
                  test::read_bytes(test::workflows_dir() / "innovation_task.flow"));
  CompileResult result = compile(file);
  ASSERT_TRUE(result.ok()) << render_all(file, result.diagnostics);
  auto const& def = *result.definition;
  auto const& office = def.states.at(def.state_index("office_check"));
  ASSERT_EQ(office.timers.size(), 1u);
  EXPECT_EQ(office.timers[0].delay.seconds, 1209600);
  EXPECT_TRUE(office.actions[0].not_by_submitter);
  EXPECT_TRUE(office.actions[1].is_return);
  auto const& submit = def.states.at(def.state_index("draft")).actions.at(0);
  ASSERT_TRUE(submit.window.has_value());
  EXPECT_EQ(submit.window->to_month, 2);
  EXPECT_EQ(submit.window->to_day, 28);
  EXPECT_EQ(def.lets.at(0).name, "total");
}

TEST(Workflows, SuggestionLowersItsReviewTableAndDecision) {
  SourceFile file("suggestion.flow", test::read_bytes(test::workflows_dir() / "suggestion.flow"));
  CompileResult result = compile(file);
  ASSERT_TRUE(result.ok()) << render_all(file, result.diagnostics);
  auto const& def = *result.definition;
  auto const& committee = def.states.at(def.state_index("committee"));
  ASSERT_TRUE(committee.review.has_value());
  EXPECT_TRUE(committee.review->blind);
  EXPECT_EQ(committee.review->quorum, 3);
  EXPECT_EQ(committee.review->criteria.size(), 3u);
  ASSERT_EQ(def.tables.size(), 1u);
  EXPECT_EQ(def.tables[0].hit, engine::HitPolicy::Unique);
  EXPECT_EQ(def.states.at(def.state_index("grading")).routes.size(), 2u);
  auto const& execution = def.states.at(def.state_index("execution"));
  ASSERT_EQ(execution.timers.size(), 1u);
  EXPECT_EQ(execution.timers[0].delay.seconds, 180 * 86400);
}

}  // namespace
}  // namespace dojang::dsl
