#pragma once
// Graph soundness of a procedure: which states cannot be reached, which cannot reach an end,
// which cycles trap an item forever, and which final states still have ways out. Pure: the
// DSL checker turns the findings into diagnostics.

#include <cstdint>
#include <string>
#include <vector>

#include "dojang/engine/definition.hpp"

namespace dojang::engine {

// The states of a procedure as a directed graph. Built from a Definition, or by hand in tests.
struct StateGraph {
  std::vector<std::string> names;  // state names, index = state id
  std::vector<bool> is_final;
  std::uint32_t start = 0;
  struct Edge {
    std::uint32_t from = 0, to = 0;
    std::string label;  // "submit", "after 30d", "return_to previous", "recall", ...
  };
  std::vector<Edge> edges;  // edges whose `from` or `to` is out of range are ignored by analyse()
};

// Every way an item may move between states:
// - an action with Target::State: to its target (label: the action's name);
// - an action with Target::Previous: to every predecessor of its state, i.e. every state with
//   an edge into it (computed to a fixpoint; label "return_to previous");
// - a recallable action: from its target(s) back to its own state (label "recall"), except out
//   of a final state (a finished item is never taken back);
// - a decision route: to its target (label "when <guard>" or "else");
// - an `after` timer: to its target (label "after 30d");
// - a review with a then_target: to it (label "review complete");
// - a ranking: to each band's target (label band_label(), e.g. "awards: 2–4위").
// Targets equal to kNone are skipped; Target::Stay adds no edge.
[[nodiscard]] StateGraph build_state_graph(const Definition& d);

struct GraphFinding {
  enum class Kind : std::uint8_t { Unreachable, NoFinalReachable, CycleWithoutExit, FinalHasEdges };
  Kind kind = Kind::Unreachable;
  // Unreachable, NoFinalReachable, FinalHasEdges: one state. CycleWithoutExit: the states of the
  // cycle, in cycle order, starting at the lowest id.
  std::vector<std::uint32_t> states;
};

// Findings sorted by kind, then by first state id:
// - Unreachable: each state not reachable from `start`;
// - NoFinalReachable: each reachable non-final state from which no final state is reachable,
//   except the members of a reported CycleWithoutExit;
// - CycleWithoutExit: each reachable strongly connected component with more than one state (or
//   a self-loop) that contains no final state and has no edge leaving it;
// - FinalHasEdges: each final state with an outgoing edge.
[[nodiscard]] std::vector<GraphFinding> analyse(const StateGraph& g);

// "a -> b -> c -> a" for a CycleWithoutExit; the state names joined by " -> " otherwise.
[[nodiscard]] std::string cycle_text(const StateGraph& g, const GraphFinding& f);

// A duration in the compact form used in labels: "30d", "3h", "15m", "45s".
[[nodiscard]] std::string duration_label(Duration d);

// The places band `band` of a ranking takes: "1위", "2–4위", or "나머지" for `rest` (count 0).
[[nodiscard]] std::string band_places(const RankingDef& r, std::size_t band);

// The label of a band's edge: the ranking's name and its places, e.g. "awards: 2–4위".
[[nodiscard]] std::string band_label(const RankingDef& r, std::size_t band);

}  // namespace dojang::engine
