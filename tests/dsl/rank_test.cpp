// The `rank` block: it parses, lowers into engine::RankingDef (keys, ties, place field, bands,
// day), and the checker gives one diagnostic per mistake. Graph, diagrams and layout are in
// rank_layout_test.cpp; the mistakes with their rendered text in tests/dsl/golden/1xx_rank_*.flow.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dsl/rank_support.hpp"

namespace dojang::dsl {
namespace {

using engine::kNone;
using namespace rank_testing;

// ---------------------------------------------------------------- lowering

TEST(Rank, LowersIntoTheStatesRankingDef) {
  Compiled const c = compile_text(kRanked);
  ASSERT_TRUE(c.result.ok()) << render_all(*c.file, c.result.diagnostics);
  EXPECT_TRUE(c.result.diagnostics.empty()) << render_all(*c.file, c.result.diagnostics);
  auto const& def = *c.result.definition;
  auto const& evaluated = def.states.at(def.state_index("evaluated"));
  ASSERT_TRUE(evaluated.ranking.has_value());
  auto const& r = *evaluated.ranking;
  EXPECT_EQ(r.name, "awards");
  EXPECT_EQ(r.label, "우수부서 선정");
  EXPECT_EQ(r.role, def.role_index("admin"));
  EXPECT_EQ(r.group, def.field_index("year"));
  EXPECT_EQ(r.place_field, def.field_index("place_no"));
  EXPECT_EQ(r.ties, engine::TieRule::Share);
  EXPECT_EQ(r.while_scoring, engine::ScoringRule::Refuse);  // the default
  EXPECT_EQ(r.line, 24u);
  ASSERT_TRUE(r.at.has_value());
  EXPECT_EQ(*r.at, (engine::MonthDay{11, 30}));
  ASSERT_EQ(r.bands.size(), 3u);
  EXPECT_EQ(r.bands[0].count, 1);
  EXPECT_EQ(r.bands[0].target, def.state_index("best"));
  EXPECT_EQ(r.bands[1].count, 3);
  EXPECT_EQ(r.bands[1].target, def.state_index("excellent"));
  EXPECT_EQ(r.bands[2].count, 0);  // rest
  EXPECT_EQ(r.bands[2].target, def.state_index("ordinary"));
  EXPECT_FALSE(def.states.at(def.state_index("report")).ranking.has_value());
}

TEST(Rank, OrderKeysAreCompiledWithTheirTextAndDirection) {
  Compiled const c = compile_text(kRanked);
  ASSERT_TRUE(c.result.ok()) << render_all(*c.file, c.result.diagnostics);
  auto const& def = *c.result.definition;
  auto const& r = *def.states.at(def.state_index("evaluated")).ranking;
  ASSERT_EQ(r.order.size(), 4u);
  EXPECT_EQ(r.order[0].source, "total");
  EXPECT_TRUE(r.order[0].descending);
  EXPECT_EQ(r.order[1].source, "capacity");
  EXPECT_FALSE(r.order[1].descending);
  EXPECT_EQ(r.order[2].source, "due");
  EXPECT_TRUE(r.order[2].descending);  // desc is the default
  EXPECT_EQ(r.order[3].source, "name");
  EXPECT_EQ(r.order[0].expr.type(), engine::Type::Number);
  EXPECT_EQ(r.order[2].expr.type(), engine::Type::Date);
  EXPECT_EQ(r.order[3].expr.type(), engine::Type::Text);
  std::vector<engine::Value> slots(def.slot_count);
  slots[def.field_index("total")] = 87.5;
  slots[def.field_index("name")] = std::string("총무과");
  engine::Env env;
  env.slots = slots;
  EXPECT_EQ(r.order[0].expr.evaluate(env), engine::Value(87.5));
  EXPECT_EQ(r.order[3].expr.evaluate(env), engine::Value(std::string("총무과")));
  EXPECT_TRUE(r.order[1].expr.evaluate(env).is_null());
}

TEST(Rank, ExpressionsAndOptionalClauses) {
  Compiled const c = compile_text(R"flow(workflow e "식" {
  roles {
    unit
  }
  fields {
    a score 0..50
    b score 0..50
  }
  let sum = a + b
  start s
  state s {
    on go by unit -> waiting
  }
  state waiting {
    rank r by unit {
      ties earliest
      order if sum > 10 then sum * 2 else 0 asc, round(a / 3, 1)
      top 2 -> done
    }
    on leave by unit -> done
  }
  final done
}
)flow");
  ASSERT_TRUE(c.result.ok()) << render_all(*c.file, c.result.diagnostics);
  // No `rest`: the items after place 2 stay, and the checker says so.
  ASSERT_EQ(c.result.diagnostics.size(), 1u) << render_all(*c.file, c.result.diagnostics);
  EXPECT_EQ(c.result.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(c.result.diagnostics[0].message,
            "ranking 'r' has no 'rest' band: items placed after 2 stay in state 'waiting'");
  auto const& def = *c.result.definition;
  auto const& r = *def.states.at(def.state_index("waiting")).ranking;
  EXPECT_EQ(r.label, "r");
  EXPECT_EQ(r.group, kNone);
  EXPECT_EQ(r.place_field, kNone);
  EXPECT_FALSE(r.at.has_value());
  EXPECT_EQ(r.ties, engine::TieRule::Earliest);
  ASSERT_EQ(r.order.size(), 2u);
  EXPECT_EQ(r.order[0].source, "if sum > 10 then sum * 2 else 0");
  EXPECT_FALSE(r.order[0].descending);
  std::vector<engine::Value> slots(def.slot_count);
  slots[def.field_index("a")] = 9.0;
  slots[def.lets[0].slot] = 12.0;
  engine::Env env;
  env.slots = slots;
  EXPECT_EQ(r.order[0].expr.evaluate(env), engine::Value(24.0));
  EXPECT_EQ(r.order[1].expr.evaluate(env), engine::Value(3.0));
}

TEST(Rank, TheWordsOfTheBlockStayUsableAsNames) {
  // `order`, `top`, `rest`, `at`, ... are words of the block only: fields and states may be
  // named so, and a key may read them.
  Compiled const c = compile_text(R"flow(workflow w {
  roles {
    per
  }
  fields {
    order number
    top   number
    place number
  }
  start rest
  state rest {
    rank rank by per per order {
      order top desc, order asc
      ties refuse
      place into place
      top 1 -> next
      rest  -> at
    }
  }
  final next
  final at
}
)flow");
  ASSERT_TRUE(c.result.ok()) << render_all(*c.file, c.result.diagnostics);
  auto const& def = *c.result.definition;
  auto const& r = *def.states.at(def.state_index("rest")).ranking;
  EXPECT_EQ(r.group, def.field_index("order"));
  EXPECT_EQ(r.place_field, def.field_index("place"));
  EXPECT_EQ(r.ties, engine::TieRule::Refuse);
  ASSERT_EQ(r.order.size(), 2u);
  EXPECT_EQ(r.order[0].source, "top");
  EXPECT_EQ(r.bands.at(1).target, def.state_index("at"));
}

TEST(Rank, WhileScoringSaysWhetherToRefuseOrWait) {
  for (auto const& [word, rule] : {std::pair{"refuse", engine::ScoringRule::Refuse},
                                   std::pair{"wait", engine::ScoringRule::Wait}}) {
    Compiled const c = compile_text(variant(
        "      ties share\n", "      ties share\n      while scoring " + std::string(word) + "\n"));
    ASSERT_TRUE(c.result.ok()) << render_all(*c.file, c.result.diagnostics);
    EXPECT_TRUE(c.result.diagnostics.empty()) << render_all(*c.file, c.result.diagnostics);
    auto const& def = *c.result.definition;
    EXPECT_EQ(def.states.at(def.state_index("evaluated")).ranking->while_scoring, rule) << word;
  }
}

// ---------------------------------------------------------------- the checker

TEST(Rank, EachMistakeGivesOneDiagnostic) {
  struct Case {
    std::string_view from, to, message;
    std::size_t count = 1;  // diagnostics in all
  };
  Case const cases[] = {
      {"by admin per", "by admn per", "unknown role 'admn' (did you mean 'admin'?)"},
      {"per year", "per yaer", "unknown field 'yaer' (did you mean 'year'?)"},
      {"place into place_no", "place into name",
       "'place into' needs a number field, but 'name' is not declared 'number'"},
      {"ties share", "ties shared",
       "unknown tie rule 'shared' (did you mean 'share'?): use share, refuse or earliest"},
      {"      ties share\n", "      ties share\n      while scoring wiat\n",
       "unknown rule 'wiat' for items still being scored (did you mean 'wait'?): use 'while "
       "scoring refuse' or 'while scoring wait'"},
      {"      ties share\n",
       "      ties share\n      while scoring wait\n      while scoring refuse\n",
       "'while scoring' is written twice in ranking 'awards'; give one rule"},
      {"next 3 -> excellent", "next 0 -> excellent",
       "a band takes between 1 and 1000 places, not 0"},
      {"next 3 -> excellent", "next 3 -> excelent",
       "unknown state 'excelent' (did you mean 'excellent'?)"},
      {"at 11-30", "at 11-31", "'11-31' is not a valid month and day (MM-DD)"},
      {"at 11-30", "at 02-29", "'at 02-29' would not come every year; use 02-28 or 03-01"},
      {"order total desc, capacity asc, due, name desc", "order total desc, done",
       "cannot rank by 'done': it is true/false; an order key is a number, money, a score, a "
       "date or text"},
      {"      ties share\n", "",
       "ranking 'awards' does not say what happens to equal items: add 'ties share', 'ties "
       "refuse' or 'ties earliest'"},
      {"top 1  -> best", "next 1 -> best",
       "the first band of ranking 'awards' is written 'top N -> STATE'"},
      {"      at 11-30\n", "      at 11-30\n      at 12-01\n",
       "'at' is written twice in ranking 'awards'; a ranking runs on one day of the year"},
      {"rest   -> ordinary", "rest   -> evaluated",
       "the band '나머지' leads back to state 'evaluated' itself: a band moves its items on to "
       "another state",
       2},  // and `ordinary` can no longer be reached
  };
  for (auto const& k : cases) {
    Compiled const c = compile_text(variant(k.from, k.to));
    SCOPED_TRACE(std::string(k.to));
    std::vector<std::string> const got = messages(c);
    ASSERT_EQ(got.size(), k.count) << render_all(*c.file, c.result.diagnostics);
    EXPECT_NE(std::find(got.begin(), got.end(), k.message), got.end())
        << render_all(*c.file, c.result.diagnostics);
    EXPECT_FALSE(c.result.ok());
  }
}

TEST(Rank, BandsAfterRestAndASecondTopAreRefused) {
  Compiled const c = compile_text(
      variant("      rest   -> ordinary\n", "      rest   -> ordinary\n      next 2 -> best\n"));
  EXPECT_EQ(messages(c), std::vector<std::string>{
                             "no band can follow 'rest': 'rest' already takes every item left"});
  Compiled const d = compile_text(variant("next 3 -> excellent", "top 3 -> excellent"));
  EXPECT_EQ(messages(d),
            std::vector<std::string>{
                "only the first band is 'top'; write 'next 3 -> excellent' for the places after "
                "it"});
}

TEST(Rank, GroupAndPlaceMustBeFieldsNotDerivedValues) {
  std::string text = variant("  start report\n", "  let sum = total + 1\n\n  start report\n");
  text.replace(text.find("per year"), 8, "per sum");
  Compiled const c = compile_text(text);
  EXPECT_EQ(messages(c), std::vector<std::string>{
                             "'sum' is a derived value, not a field: 'per' needs a field of the "
                             "procedure"});
}

TEST(Rank, NotInDecisionsOrFinalsAndOncePerState) {
  Compiled const decision = compile_text(
      variant("  final best      \"최우수\"\n",
              "  decision pick {\n    rank again by admin {\n      order total\n      ties share\n"
              "      top 1 -> best\n    }\n    else -> best\n  }\n  final best      \"최우수\"\n"));
  std::vector<std::string> got = messages(decision);
  ASSERT_FALSE(got.empty());
  EXPECT_NE(std::find(got.begin(), got.end(),
                      "decision 'pick' routes each item by itself and cannot rank; put ranking "
                      "'again' in a 'state' where the items wait"),
            got.end())
      << render_all(*decision.file, decision.result.diagnostics);

  Compiled const twice = compile_text(variant(
      "      at 11-30\n    }\n",
      "      at 11-30\n    }\n    rank other by admin {\n      order total\n      ties share\n"
      "      top 1 -> best\n      rest -> ordinary\n    }\n"));
  EXPECT_EQ(messages(twice),
            std::vector<std::string>{
                "state 'evaluated' already holds ranking 'awards'; one ranking per state"});

  Compiled const same_name = compile_text(
      variant("  state evaluated \"평가 완료\" {\n",
              "  state early {\n    rank awards by admin {\n      order total\n      ties share\n"
              "      top 1 -> evaluated\n      rest  -> evaluated\n    }\n  }\n\n"
              "  state evaluated \"평가 완료\" {\n"));
  std::vector<std::string> const names = messages(same_name);
  EXPECT_NE(std::find(names.begin(), names.end(),
                      "ranking 'awards' is declared twice (also in state 'early' on line 24)"),
            names.end())
      << render_all(*same_name.file, same_name.result.diagnostics);

  Compiled const final_state = compile_text(variant(
      "  final ordinary  \"일반\"\n",
      "  final ordinary \"일반\" {\n    rank late by admin {\n      order total\n      ties share\n"
      "      top 1 -> best\n    }\n  }\n"));
  EXPECT_EQ(messages(final_state),
            std::vector<std::string>{"final state 'ordinary' ends the procedure; ranking 'late' "
                                     "belongs in a 'state' where the items wait"});
}

}  // namespace
}  // namespace dojang::dsl
