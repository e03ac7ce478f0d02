// The bands of a ranking are edges of the state graph and of the diagrams, and the formatter
// prints the block in its canonical layout; the shipped P5 procedure is canonical and sound.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/engine/diagram.hpp"
#include "dojang/engine/graph_analysis.hpp"
#include "dsl/format_support.hpp"
#include "dsl/rank_support.hpp"
#include "dsl/test_paths.hpp"

namespace dojang::dsl {
namespace {

using format_testing::format_checked;
using namespace rank_testing;

// ---------------------------------------------------------------- graph and diagrams

TEST(Rank, BandsAreEdgesOfTheStateGraph) {
  Compiled const c = compile_text(kRanked);
  ASSERT_TRUE(c.result.ok());
  auto const& def = *c.result.definition;
  engine::StateGraph const g = engine::build_state_graph(def);
  std::vector<std::string> labels;
  for (auto const& e : g.edges) {
    if (e.from == def.state_index("evaluated")) labels.push_back(e.label + " > " + g.names[e.to]);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"awards: 1위 > best", "awards: 2–4위 > excellent",
                                              "awards: 나머지 > ordinary"}));
  EXPECT_TRUE(engine::analyse(g).empty());
}

TEST(Rank, ABandIsTheOnlyWayToAFinalAndItsAbsenceIsFound) {
  // Without the ranking, `evaluated` would be a dead end; with it the graph is sound.
  std::string const without = variant(
      "    rank awards by admin per year \"우수부서 선정\" {\n"
      "      order total desc, capacity asc, due, name desc\n      ties share\n"
      "      place into place_no\n      top 1  -> best\n      next 3 -> excellent\n"
      "      rest   -> ordinary\n      at 11-30\n    }\n",
      "");
  Compiled const c = compile_text(without);
  std::vector<std::string> const got = messages(c);
  EXPECT_NE(std::find(got.begin(), got.end(),
                      "no final state can be reached from state 'evaluated': an item there is "
                      "stuck"),
            got.end())
      << render_all(*c.file, c.result.diagnostics);
  // The finals were reached only through the bands.
  EXPECT_EQ(std::count_if(got.begin(), got.end(),
                          [](const std::string& m) {
                            return m.find("can never be reached") != std::string::npos;
                          }),
            3);
}

TEST(Rank, DiagramsLabelTheBands) {
  Compiled const c = compile_text(kRanked);
  ASSERT_TRUE(c.result.ok());
  std::string const dot = engine::to_dot(*c.result.definition);
  EXPECT_NE(dot.find("\"evaluated\" -> \"best\" [label=\"awards: 1위\"];"), std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"evaluated\" -> \"excellent\" [label=\"awards: 2–4위\"];"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"evaluated\" -> \"ordinary\" [label=\"awards: 나머지\"];"),
            std::string::npos)
      << dot;
  std::string const mermaid = engine::to_mermaid(*c.result.definition);
  EXPECT_NE(mermaid.find("s1 -->|\"awards: 2–4위\"| s3"), std::string::npos) << mermaid;
}

TEST(Rank, BandPlacesCountFromTheEarlierBands) {
  engine::RankingDef r;
  r.name = "x";
  r.bands = {{2, 0}, {1, 0}, {5, 0}, {0, 0}};
  EXPECT_EQ(engine::band_places(r, 0), "1–2위");
  EXPECT_EQ(engine::band_places(r, 1), "3위");
  EXPECT_EQ(engine::band_places(r, 2), "4–8위");
  EXPECT_EQ(engine::band_places(r, 3), "나머지");
  EXPECT_EQ(engine::band_label(r, 2), "x: 4–8위");
}

// ---------------------------------------------------------------- the formatter

TEST(Rank, FormatsInTheCanonicalLayout) {
  std::string const messy =
      "workflow w { roles { u } fields { y number\n p number } start s\n"
      "state s { on go by u -> s2 }\n"
      "state s2 \"대기\" { rank  r  by u per y \"선정\" { at 01-05  rest->c  top 10 -> a\n"
      "  # the close ones\n  next 2->b while  scoring\n wait ties   share order y , p desc,"
      "len(\"가\")asc\nplace   into p } }\nfinal a final b final c }\n";
  std::string const out = format_checked(messy);
  EXPECT_NE(out.find("  state s2 \"대기\" {\n"
                     "    rank r by u per y \"선정\" {\n"
                     "      order y desc, p desc, len(\"가\") asc\n"
                     "      ties share\n"
                     "      while scoring wait\n"
                     "      place into p\n"
                     "      rest   -> c\n"
                     "      top 10 -> a\n"
                     "      # the close ones\n"
                     "      next 2 -> b\n"
                     "      at 01-05\n"
                     "    }\n"
                     "  }\n"),
            std::string::npos)
      << out;
}

TEST(Rank, TheShippedProcedureIsCanonicalAndSound) {
  std::string const text = test::read_bytes(test::workflows_dir() / "dept_evaluation.flow");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(format_checked(text, "dept_evaluation.flow"), text);
  SourceFile const file("dept_evaluation.flow", text);
  CompileResult const result = compile(file);
  ASSERT_TRUE(result.ok()) << render_all(file, result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty()) << render_all(file, result.diagnostics);
  auto const& def = *result.definition;
  auto const& r = *def.states.at(def.state_index("evaluated")).ranking;
  EXPECT_EQ(r.group, def.field_index("year"));
  ASSERT_EQ(r.bands.size(), 3u);
  EXPECT_EQ(r.bands[0].count, 1);
  EXPECT_EQ(def.states[r.bands[0].target].label, "최우수");
  EXPECT_EQ(r.bands[1].count, 3);
  EXPECT_EQ(def.states[r.bands[1].target].label, "우수");
  EXPECT_EQ(r.bands[2].count, 0);
  // A unit still being scored when the office's day comes is waited for, not left out.
  EXPECT_EQ(r.while_scoring, engine::ScoringRule::Wait);
}

TEST(Rank, WhileScoringRoundTripsThroughTheFormatter) {
  for (std::string_view rule : {"refuse", "wait"}) {
    std::string const with = rank_testing::variant(
        "      ties share\n", "      ties share\n      while scoring " + std::string(rule) + "\n");
    std::string const out = format_checked(with);  // parses again to the same tree
    EXPECT_NE(out.find("      ties share\n      while scoring " + std::string(rule) +
                       "\n      place into place_no\n"),
              std::string::npos)
        << out;
    EXPECT_EQ(format_checked(out), out);
  }
}

}  // namespace
}  // namespace dojang::dsl
