#include "dojang/engine/graph_analysis.hpp"

#include <algorithm>
#include <cstddef>
#include <set>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/pending/queue.hpp>

namespace dojang::engine {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Colors = std::vector<boost::default_color_type>;

bool is_final_state(const Definition& d, Index s) {
  return s < d.states.size() && d.states[s].kind == StateKind::Final;
}

// Vertices coloured non-white by a breadth-first search of `g` from `sources`.
template <typename G>
std::vector<bool> reached_from(const G& g, const std::vector<Vertex>& sources) {
  const auto n = boost::num_vertices(g);
  Colors colors(n, boost::white_color);
  auto color_map =
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
  if (!sources.empty()) {
    boost::queue<Vertex> queue;
    boost::breadth_first_search(g, sources.begin(), sources.end(), queue,
                                boost::default_bfs_visitor(), color_map);
  }
  std::vector<bool> reached(n);
  for (std::size_t v = 0; v < n; ++v) reached[v] = colors[v] != boost::white_color;
  return reached;
}

// A cycle through every member of a strongly connected component, starting at its lowest id,
// taking lower ids first. Components are small; the search is bounded, and when no simple cycle
// covers every member (or the budget runs out) the members come in depth-first preorder.
std::vector<std::uint32_t> cycle_order(const std::vector<std::uint32_t>& members,
                                       const std::vector<std::vector<std::uint32_t>>& next) {
  const auto k = members.size();
  const std::uint32_t first = members.front();
  std::set<std::uint32_t> in_component(members.begin(), members.end());
  std::set<std::uint32_t> on_path{first};
  std::vector<std::uint32_t> path{first};
  long budget = 100000;

  auto search = [&](auto& self) -> bool {
    if (--budget < 0) return false;
    const auto last = path.back();
    if (path.size() == k) {
      return std::ranges::find(next[last], first) != next[last].end();
    }
    for (auto v : next[last]) {
      if (!in_component.contains(v) || on_path.contains(v)) continue;
      path.push_back(v);
      on_path.insert(v);
      if (self(self)) return true;
      on_path.erase(v);
      path.pop_back();
    }
    return false;
  };
  if (search(search)) return path;

  std::vector<std::uint32_t> order;
  std::set<std::uint32_t> seen;
  auto preorder = [&](auto& self, std::uint32_t v) -> void {
    seen.insert(v);
    order.push_back(v);
    for (auto w : next[v]) {
      if (in_component.contains(w) && !seen.contains(w)) self(self, w);
    }
  };
  preorder(preorder, first);
  return order;
}

}  // namespace

std::string duration_label(Duration d) {
  const auto s = d.seconds;
  if (s != 0 && s % 86400 == 0) return std::to_string(s / 86400) + "d";
  if (s != 0 && s % 3600 == 0) return std::to_string(s / 3600) + "h";
  if (s != 0 && s % 60 == 0) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

std::string band_places(const RankingDef& r, std::size_t band) {
  if (band >= r.bands.size() || r.bands[band].count <= 0) return "나머지";
  int first = 1;
  for (std::size_t i = 0; i < band; ++i) first += std::max(r.bands[i].count, 0);
  const int count = r.bands[band].count;
  if (count == 1) return std::to_string(first) + "위";
  return std::to_string(first) + "–" + std::to_string(first + count - 1) + "위";
}

std::string band_label(const RankingDef& r, std::size_t band) {
  return r.name + ": " + band_places(r, band);
}

StateGraph build_state_graph(const Definition& d) {
  StateGraph g;
  const auto n = static_cast<Index>(d.states.size());
  g.start = d.start;
  for (const auto& s : d.states) {
    g.names.push_back(s.name);
    g.is_final.push_back(s.kind == StateKind::Final);
  }
  auto add = [&](Index from, Index to, std::string label) {
    if (to != kNone) g.edges.push_back({from, to, std::move(label)});
  };

  struct Previous {
    Index state;
    const ActionDef* action;
  };
  std::vector<Previous> previous;
  for (Index s = 0; s < n; ++s) {
    const auto& state = d.states[s];
    for (const auto& a : state.actions) {
      if (a.target_kind == ActionDef::Target::State) {
        add(s, a.target, a.name);
        if (a.recallable && a.target != kNone && !is_final_state(d, a.target)) {
          add(a.target, s, "recall");
        }
      } else if (a.target_kind == ActionDef::Target::Previous) {
        previous.push_back({s, &a});
      }
    }
    for (const auto& r : state.routes) {
      const bool has_guard = r.guard.has_value() || !r.guard_source.empty();
      add(s, r.target, has_guard ? "when " + r.guard_source : std::string("else"));
    }
    for (const auto& t : state.timers) {
      if (t.kind == TimerDef::Kind::After) add(s, t.target, "after " + duration_label(t.delay));
    }
    if (state.review) add(s, state.review->then_target, "review complete");
    if (state.ranking) {
      for (std::size_t b = 0; b < state.ranking->bands.size(); ++b)
        add(s, state.ranking->bands[b].target, band_label(*state.ranking, b));
    }
  }

  // `return_to previous` goes to every predecessor; the edges it adds (and their recall edges)
  // may create new predecessors, so repeat until nothing changes.
  std::set<std::pair<Index, Index>> previous_edges;  // (state, predecessor)
  std::set<std::pair<const ActionDef*, Index>> recall_edges;
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& p : previous) {
      std::set<Index> preds;
      for (const auto& e : g.edges) {
        if (e.to == p.state && e.from < n) preds.insert(e.from);
      }
      for (auto pred : preds) {
        if (previous_edges.insert({p.state, pred}).second) {
          g.edges.push_back({p.state, pred, "return_to previous"});
          changed = true;
        }
        if (p.action->recallable && !is_final_state(d, pred) &&
            recall_edges.insert({p.action, pred}).second) {
          g.edges.push_back({pred, p.state, "recall"});
          changed = true;
        }
      }
    }
  }
  return g;
}

std::vector<GraphFinding> analyse(const StateGraph& g) {
  using Kind = GraphFinding::Kind;
  const auto n = static_cast<std::uint32_t>(g.names.size());
  std::vector<GraphFinding> findings;
  if (n == 0) return findings;
  auto final_at = [&](std::uint32_t v) { return v < g.is_final.size() && g.is_final[v]; };

  Graph graph(n);
  std::vector<std::vector<std::uint32_t>> next(n);
  std::vector<bool> has_out(n), self_loop(n);
  for (const auto& e : g.edges) {
    if (e.from >= n || e.to >= n) continue;
    boost::add_edge(e.from, e.to, graph);
    next[e.from].push_back(e.to);
    has_out[e.from] = true;
    if (e.from == e.to) self_loop[e.from] = true;
  }
  for (auto& successors : next) {
    std::ranges::sort(successors);
    auto dup = std::ranges::unique(successors);
    successors.erase(dup.begin(), dup.end());
  }

  std::vector<Vertex> start;
  if (g.start < n) start.push_back(g.start);
  const auto reachable = reached_from(graph, start);
  std::vector<Vertex> finals;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (final_at(v)) finals.push_back(v);
  }
  const auto reaches_final = reached_from(boost::make_reverse_graph(graph), finals);

  std::vector<int> component(n);
  const auto count = boost::strong_components(
      graph,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<std::vector<std::uint32_t>> members(static_cast<std::size_t>(count));
  for (std::uint32_t v = 0; v < n; ++v)
    members[static_cast<std::size_t>(component[v])].push_back(v);

  std::vector<bool> in_trap(n);
  for (const auto& m : members) {
    if (m.empty() || !reachable[m.front()]) continue;
    if (m.size() == 1 && !self_loop[m.front()]) continue;
    const bool exits = std::ranges::any_of(m, [&](std::uint32_t v) {
      return std::ranges::any_of(next[v],
                                 [&](std::uint32_t w) { return component[w] != component[v]; });
    });
    if (exits || std::ranges::any_of(m, final_at)) continue;
    for (auto v : m) in_trap[v] = true;
    findings.push_back({Kind::CycleWithoutExit, cycle_order(m, next)});
  }

  for (std::uint32_t v = 0; v < n; ++v) {
    if (!reachable[v]) findings.push_back({Kind::Unreachable, {v}});
    if (reachable[v] && !final_at(v) && !reaches_final[v] && !in_trap[v]) {
      findings.push_back({Kind::NoFinalReachable, {v}});
    }
    if (final_at(v) && has_out[v]) findings.push_back({Kind::FinalHasEdges, {v}});
  }

  std::ranges::stable_sort(findings, [](const GraphFinding& a, const GraphFinding& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.states.front() < b.states.front();
  });
  return findings;
}

std::string cycle_text(const StateGraph& g, const GraphFinding& f) {
  auto name = [&](std::uint32_t v) {
    return v < g.names.size() ? g.names[v] : "#" + std::to_string(v);
  };
  std::string out;
  for (auto v : f.states) {
    if (!out.empty()) out += " -> ";
    out += name(v);
  }
  if (f.kind == GraphFinding::Kind::CycleWithoutExit && !f.states.empty()) {
    out += " -> " + name(f.states.front());
  }
  return out;
}

}  // namespace dojang::engine
