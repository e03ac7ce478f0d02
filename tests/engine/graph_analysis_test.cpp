#include "dojang/engine/graph_analysis.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "dojang/engine/diagram.hpp"

namespace dojang::engine {
namespace {

using Kind = GraphFinding::Kind;

StateDef state(std::string name, std::string label = "", StateKind kind = StateKind::Normal) {
  StateDef s;
  s.name = std::move(name);
  s.label = std::move(label);
  s.kind = kind;
  return s;
}

ActionDef action(std::string name, Index target, Index role = 0) {
  ActionDef a;
  a.name = std::move(name);
  a.target = target;
  a.by.role = role;
  return a;
}

ActionDef back_to_previous(std::string name) {
  ActionDef a = action(std::move(name), kNone);
  a.target_kind = ActionDef::Target::Previous;
  a.is_return = true;
  return a;
}

// draft(0) -submit-> check(1) -approve-> done(2, final); check -reject-> rejected(3, final);
// check -send_back-> draft.
Definition clean() {
  Definition d;
  d.name = "leave";
  d.label = "휴가 신청";
  d.roles = {{"staff", "직원"}, {"boss", "부서장"}};
  d.states = {state("draft", "작성"), state("check", "검토"),
              state("done", "승인", StateKind::Final), state("rejected", "반려", StateKind::Final)};
  d.states[0].actions = {action("submit", 1)};
  ActionDef send_back = action("send_back", 0, 1);
  send_back.is_return = true;
  d.states[1].actions = {action("approve", 2, 1), action("reject", 3, 1), send_back};
  return d;
}

StateGraph manual(std::size_t n, std::vector<StateGraph::Edge> edges, std::vector<Index> finals) {
  StateGraph g;
  for (std::size_t i = 0; i < n; ++i) g.names.push_back("s" + std::to_string(i));
  g.is_final.assign(n, false);
  for (auto f : finals) g.is_final[f] = true;
  g.edges = std::move(edges);
  return g;
}

bool has_edge(const StateGraph& g, Index from, Index to, const std::string& label) {
  for (const auto& e : g.edges) {
    if (e.from == from && e.to == to && e.label == label) return true;
  }
  return false;
}

TEST(GraphAnalysis, CleanProcedureHasNoFindings) {
  const auto g = build_state_graph(clean());
  EXPECT_EQ(g.names, (std::vector<std::string>{"draft", "check", "done", "rejected"}));
  EXPECT_EQ(g.is_final, (std::vector<bool>{false, false, true, true}));
  EXPECT_EQ(g.edges.size(), 4u);
  EXPECT_TRUE(analyse(g).empty());
}

TEST(GraphAnalysis, UnreachableState) {
  auto d = clean();
  d.states.push_back(state("orphan"));
  d.states[4].actions = {action("go", 2)};
  const auto f = analyse(build_state_graph(d));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, Kind::Unreachable);
  EXPECT_EQ(f[0].states, std::vector<std::uint32_t>{4});
}

TEST(GraphAnalysis, DeadEndNonFinalState) {
  auto d = clean();
  d.states.push_back(state("limbo"));
  d.states[1].actions.push_back(action("park", 4, 1));
  const auto f = analyse(build_state_graph(d));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, Kind::NoFinalReachable);
  EXPECT_EQ(f[0].states, std::vector<std::uint32_t>{4});
}

TEST(GraphAnalysis, StayActionAddsNoEdge) {
  auto d = clean();
  d.states.push_back(state("limbo"));
  d.states[1].actions.push_back(action("park", 4, 1));
  ActionDef note = action("note", kNone);
  note.target_kind = ActionDef::Target::Stay;
  d.states[4].actions = {note};
  const auto g = build_state_graph(d);
  EXPECT_EQ(g.edges.size(), 5u);
  const auto f = analyse(g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, Kind::NoFinalReachable);
}

TEST(GraphAnalysis, TwoStateCycleWithoutExit) {
  auto d = clean();
  d.states.push_back(state("ping"));
  d.states.push_back(state("pong"));
  d.states[1].actions.push_back(action("loop", 4, 1));
  d.states[4].actions = {action("to_pong", 5)};
  d.states[5].actions = {action("to_ping", 4)};
  const auto g = build_state_graph(d);
  const auto f = analyse(g);
  ASSERT_EQ(f.size(), 1u);  // the cycle's states are not also reported as dead ends
  EXPECT_EQ(f[0].kind, Kind::CycleWithoutExit);
  EXPECT_EQ(f[0].states, (std::vector<std::uint32_t>{4, 5}));
  EXPECT_EQ(cycle_text(g, f[0]), "ping -> pong -> ping");
}

TEST(GraphAnalysis, CycleWithAnExitIsFine) {
  const auto g = manual(3, {{0, 1, "a"}, {1, 0, "b"}, {1, 2, "c"}}, {2});
  EXPECT_TRUE(analyse(g).empty());
}

TEST(GraphAnalysis, SelfLoopTrap) {
  const auto g = manual(3, {{0, 1, "a"}, {0, 2, "b"}, {1, 1, "again"}}, {2});
  const auto f = analyse(g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, Kind::CycleWithoutExit);
  EXPECT_EQ(f[0].states, std::vector<std::uint32_t>{1});
  EXPECT_EQ(cycle_text(g, f[0]), "s1 -> s1");
}

TEST(GraphAnalysis, CycleOrderFollowsEdgesFromLowestId) {
  const auto g =
      manual(5, {{0, 3, "in"}, {0, 4, "out"}, {1, 3, "a"}, {3, 2, "b"}, {2, 1, "c"}}, {4});
  const auto f = analyse(g);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].states, (std::vector<std::uint32_t>{1, 3, 2}));
  EXPECT_EQ(cycle_text(g, f[0]), "s1 -> s3 -> s2 -> s1");
}

TEST(GraphAnalysis, StateLeadingIntoTrapIsADeadEnd) {
  const auto g = manual(5, {{0, 1, "a"}, {0, 4, "b"}, {1, 2, "c"}, {2, 3, "d"}, {3, 2, "e"}}, {4});
  const auto f = analyse(g);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, Kind::NoFinalReachable);
  EXPECT_EQ(f[0].states, std::vector<std::uint32_t>{1});
  EXPECT_EQ(f[1].kind, Kind::CycleWithoutExit);
  EXPECT_EQ(f[1].states, (std::vector<std::uint32_t>{2, 3}));
}

TEST(GraphAnalysis, FinalWithAnEdge) {
  auto d = clean();
  d.states[2].actions = {action("reopen", 1, 1)};
  const auto f = analyse(build_state_graph(d));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, Kind::FinalHasEdges);
  EXPECT_EQ(f[0].states, std::vector<std::uint32_t>{2});
}

TEST(GraphAnalysis, ReturnToPreviousGoesToEveryPredecessor) {
  Definition d;
  d.states = {state("a"), state("b"), state("review"), state("end", "", StateKind::Final)};
  d.states[0].actions = {action("x", 2), action("y", 1)};
  d.states[1].actions = {action("z", 2)};
  d.states[2].actions = {back_to_previous("send_back"), action("ok", 3)};
  const auto g = build_state_graph(d);
  EXPECT_TRUE(has_edge(g, 2, 0, "return_to previous"));
  EXPECT_TRUE(has_edge(g, 2, 1, "return_to previous"));
  EXPECT_FALSE(has_edge(g, 2, 3, "return_to previous"));
  EXPECT_EQ(g.edges.size(), 6u);
  EXPECT_TRUE(analyse(g).empty());
}

TEST(GraphAnalysis, ReturnToPreviousReachesAFixpoint) {
  // b's send-back makes b a predecessor of a, so a's own return_to previous goes to b.
  Definition d;
  d.states = {state("a"), state("b"), state("end", "", StateKind::Final)};
  d.states[0].actions = {action("submit", 1), back_to_previous("undo")};
  d.states[1].actions = {back_to_previous("send_back"), action("ok", 2)};
  const auto g = build_state_graph(d);
  EXPECT_TRUE(has_edge(g, 1, 0, "return_to previous"));
  EXPECT_TRUE(has_edge(g, 0, 1, "return_to previous"));
  EXPECT_EQ(g.edges.size(), 4u);
}

TEST(GraphAnalysis, RecallEdges) {
  auto d = clean();
  d.states[0].actions[0].recallable = true;  // submit: draft -> check
  d.states[1].actions[0].recallable = true;  // approve: check -> done (final: no recall edge)
  const auto g = build_state_graph(d);
  EXPECT_TRUE(has_edge(g, 1, 0, "recall"));
  EXPECT_FALSE(has_edge(g, 2, 1, "recall"));
  EXPECT_TRUE(analyse(g).empty());
}

TEST(GraphAnalysis, DecisionRoutesTimersAndReviews) {
  Definition d;
  d.states = {state("start"), state("route", "", StateKind::Decision), state("big"), state("small"),
              state("end", "", StateKind::Final)};
  d.states[0].actions = {action("go", 1)};
  RouteDef high;
  high.guard_source = "amount > 100";
  high.target = 2;
  RouteDef otherwise;
  otherwise.target = 3;
  d.states[1].routes = {high, otherwise};
  TimerDef after;
  after.kind = TimerDef::Kind::After;
  after.delay = Duration{30 * 86400};
  after.target = 4;
  d.states[2].timers = {after};
  d.states[3].review = ReviewDef{};
  d.states[3].review->then_target = 4;
  const auto g = build_state_graph(d);
  EXPECT_TRUE(has_edge(g, 1, 2, "when amount > 100"));
  EXPECT_TRUE(has_edge(g, 1, 3, "else"));
  EXPECT_TRUE(has_edge(g, 2, 4, "after 30d"));
  EXPECT_TRUE(has_edge(g, 3, 4, "review complete"));
  EXPECT_TRUE(analyse(g).empty());
}

TEST(GraphAnalysis, UnresolvedTargetsAreIgnored) {
  auto d = clean();
  d.states[0].actions.push_back(action("nowhere", kNone));
  EXPECT_EQ(build_state_graph(d).edges.size(), 4u);
  const auto g = manual(2, {{0, 99, "lost"}, {0, 1, "ok"}, {7, 0, "bogus"}}, {1});
  EXPECT_TRUE(analyse(g).empty());
  const auto dead = manual(2, {{0, 99, "lost"}}, {1});
  const auto f = analyse(dead);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, Kind::Unreachable);
  EXPECT_EQ(f[1].kind, Kind::NoFinalReachable);
}

TEST(GraphAnalysis, FindingsAreSortedByKindThenState) {
  // 0 start; 1 dead end; 2 unreachable; 3,4 trap; 5 final with an edge; 6 unreachable; 7 dead end.
  const auto g = manual(8,
                        {{0, 7, ""},
                         {0, 1, ""},
                         {0, 4, ""},
                         {0, 5, ""},
                         {4, 3, ""},
                         {3, 4, ""},
                         {5, 0, ""},
                         {6, 5, ""},
                         {2, 5, ""}},
                        {5});
  const auto f = analyse(g);
  std::vector<std::pair<Kind, std::uint32_t>> got;
  for (const auto& x : f) got.emplace_back(x.kind, x.states.front());
  const std::vector<std::pair<Kind, std::uint32_t>> want{
      {Kind::Unreachable, 2},      {Kind::Unreachable, 6},      {Kind::NoFinalReachable, 1},
      {Kind::NoFinalReachable, 7}, {Kind::CycleWithoutExit, 3}, {Kind::FinalHasEdges, 5}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(analyse(g).size(), f.size());
}

TEST(GraphAnalysis, DurationLabels) {
  EXPECT_EQ(duration_label(Duration{14 * 86400}), "14d");
  EXPECT_EQ(duration_label(Duration{3 * 3600}), "3h");
  EXPECT_EQ(duration_label(Duration{90}), "90s");
  EXPECT_EQ(duration_label(Duration{120}), "2m");
}

// ---- Diagrams --------------------------------------------------------------------------------

Definition pictured() {
  auto d = clean();
  d.states[1].actions[0].guard_source = "days <= 3 and reason != \"\" and note != \"x\\y\"";
  d.states[1].actions.push_back(back_to_previous("bounce"));
  TimerDef after;
  after.kind = TimerDef::Kind::After;
  after.delay = Duration{30 * 86400};
  after.target = 3;
  TimerDef deadline;
  deadline.delay = Duration{14 * 86400};
  deadline.action = 1;  // reject
  d.states[1].timers = {after, deadline};
  d.states[0].label = "작성 \"초안\"";
  d.states[3].label = "반려\\기각";
  return d;
}

TEST(Diagram, DotHasKoreanLabelsFinalsAndStart) {
  const auto dot = to_dot(clean());
  EXPECT_NE(dot.find("\"draft\" [label=\"작성\\n(draft)\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"done\" [label=\"승인\\n(done)\", shape=doublecircle]"), std::string::npos);
  EXPECT_NE(dot.find("\"__start\" [shape=point"), std::string::npos);
  EXPECT_NE(dot.find("\"__start\" -> \"draft\";"), std::string::npos);
  EXPECT_NE(dot.find("\"draft\" -> \"check\" [label=\"submit [staff]\"]"), std::string::npos);
  EXPECT_NE(dot.find("\"check\" -> \"draft\" [label=\"send_back [boss]\", style=dashed]"),
            std::string::npos);
}

TEST(Diagram, DotEscapesAndCutsGuards) {
  const auto dot = to_dot(pictured());
  EXPECT_NE(dot.find("작성 \\\"초안\\\"\\n(draft)"), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"반려\\\\기각\\n(rejected)\", shape=doublecircle]"),
            std::string::npos);
  EXPECT_NE(dot.find("approve [boss]\\nwhen days <= 3 and reason != \\\"\\\" an…\""),
            std::string::npos);
  EXPECT_NE(dot.find("\"check\" -> \"draft\" [label=\"bounce [staff]\", style=dashed]"),
            std::string::npos);
  EXPECT_NE(dot.find("\"check\" -> \"rejected\" [label=\"after 30d\", style=dotted]"),
            std::string::npos);
  EXPECT_NE(dot.find("[label=\"deadline 14d → reject\", style=dotted]"), std::string::npos);
  EXPECT_EQ(dot, to_dot(pictured()));
}

TEST(Diagram, DotIsAcceptedByGraphviz) {
  auto d = pictured();
  d.states.push_back(state("edge", "라우팅", StateKind::Decision));  // a DOT keyword as a name
  d.states[0].actions.push_back(action("route", 4));
  RouteDef r;
  r.target = 2;
  d.states[4].routes = {r};
  const std::string path = testing::TempDir() + "graph_analysis_test.dot";
  std::ofstream(path) << to_dot(d);
  const std::string command = "dot -Tsvg -o /dev/null '" + path + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << to_dot(d);
}

TEST(Diagram, MermaidShapesAndEscapes) {
  auto d = pictured();
  d.states.push_back(state("route", "분기", StateKind::Decision));
  const auto m = to_mermaid(d);
  EXPECT_EQ(m.rfind("flowchart LR\n", 0), 0u);
  EXPECT_NE(m.find("s0(\"작성 #quot;초안#quot;<br/>(draft)\")"), std::string::npos) << m;
  EXPECT_NE(m.find("s2(((\"승인<br/>(done)\")))"), std::string::npos);
  EXPECT_NE(m.find("s4{\"분기<br/>(route)\"}"), std::string::npos);
  EXPECT_NE(m.find("__start --> s0"), std::string::npos);
  EXPECT_NE(m.find("s1 -->|\"approve [boss]<br/>when days #lt;= 3"), std::string::npos);
  EXPECT_NE(m.find("s1 -.->|\"send_back [boss]\"| s0"), std::string::npos);
  EXPECT_NE(m.find("s1 -.->|\"after 30d\"| s3"), std::string::npos);
  EXPECT_NE(m.find("linkStyle "), std::string::npos);
  EXPECT_EQ(m.find("\"\""), std::string::npos);  // every quote inside a label is escaped
  EXPECT_EQ(m, to_mermaid(d));
}

TEST(Diagram, CutToColumnsCountsWideCharacters) {
  EXPECT_EQ(cut_to_columns("short", 30), "short");
  EXPECT_EQ(cut_to_columns("abcdef", 4), "abc…");
  EXPECT_EQ(cut_to_columns("가나다라", 8), "가나다라");
  EXPECT_EQ(cut_to_columns("가나다라", 7), "가나다…");
  EXPECT_EQ(cut_to_columns("가나다라", 6), "가나…");
}

}  // namespace
}  // namespace dojang::engine
