// Graph soundness: every state reachable, a final state reachable from every state, no trap.

#include <algorithm>

#include "check/lowering.hpp"
#include "dojang/dsl/compile.hpp"
#include "dojang/engine/graph_analysis.hpp"

namespace dojang::dsl::detail {

void Checker::check_graph() {
  if (m_names_broken || m_state_ast.empty()) return;  // unresolved names would give false alarms
  engine::StateGraph const graph = engine::build_state_graph(m_def);
  std::string const& start = m_def.states[m_def.start].name;
  for (auto const& f : engine::analyse(graph)) {
    ast::State const& s = *m_state_ast[f.states.front()];
    switch (f.kind) {
      case engine::GraphFinding::Kind::Unreachable:
        error(
            s.name,
            "state '" + s.name.text + "' can never be reached from the start state '" + start + "'",
            {"add an action, route or timer that leads to it, or remove it"});
        break;
      case engine::GraphFinding::Kind::NoFinalReachable:
        error(s.name,
              "no final state can be reached from state '" + s.name.text +
                  "': an item there is stuck",
              {"give it an action, route or 'after' timer that leads towards a final state"});
        break;
      case engine::GraphFinding::Kind::CycleWithoutExit:
        error(s.name, "states " + engine::cycle_text(graph, f) +
                          " form a cycle with no way out to a final state");
        break;
      case engine::GraphFinding::Kind::FinalHasEdges:
        error(s.name,
              "final state '" + s.name.text + "' has a way out: a final state ends the procedure");
        break;
    }
  }
}

std::shared_ptr<const engine::Definition> Checker::run(std::vector<Diagnostic>& out) {
  m_def.name = m_ast.name.text;
  m_def.label = m_ast.label.empty() ? m_ast.name.text : m_ast.label;
  declare_roles();
  declare_fields();
  declare_unit_from();
  declare_states();
  declare_lets_and_tables();
  for (engine::Index si = 0; si < m_state_ast.size(); ++si) {
    for (auto const& r : m_state_ast[si]->reviews) m_blocks.push_back({si, &r});
  }
  check_derived();
  check_states();
  check_graph();
  std::stable_sort(m_diags.begin(), m_diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.severity < b.severity;
  });
  out = std::move(m_diags);
  if (has_errors(out)) return nullptr;
  m_def.source_hash = sha256_hex(m_file.text());
  return std::make_shared<const engine::Definition>(std::move(m_def));
}

}  // namespace dojang::dsl::detail
