#include "dojang/engine/diagram.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "dojang/base/utf8.hpp"
#include "dojang/engine/graph_analysis.hpp"

namespace dojang::engine {

namespace {

constexpr int kGuardColumns = 30;

int columns_of(const std::string& s) {
  return static_cast<int>(base::display_width(s));
}

enum class Line : std::uint8_t { Solid, Dashed, Dotted };

struct Arrow {
  Index from = 0, to = 0;
  std::vector<std::string> lines;
  Line style = Line::Solid;
};

std::string role_name(const Definition& d, Index role) {
  return role < d.roles.size() ? d.roles[role].name : std::string("?");
}

std::string actor_name(const Definition& d, const Actor& a) {
  return actor_words(d, a);
}

std::vector<std::string> node_lines(const std::string& name, const std::string& label) {
  if (label.empty() || label == name) return {name};
  return {label, "(" + name + ")"};
}

// Every edge of the diagram, in declaration order.
std::vector<Arrow> arrows_of(const Definition& d) {
  const auto n = static_cast<Index>(d.states.size());
  std::vector<std::vector<Index>> preds(n);
  for (const auto& e : build_state_graph(d).edges) {
    if (e.from < n && e.to < n) preds[e.to].push_back(e.from);
  }
  for (auto& p : preds) {
    std::ranges::sort(p);
    auto dup = std::ranges::unique(p);
    p.erase(dup.begin(), dup.end());
  }
  auto final_at = [&](Index s) { return s < n && d.states[s].kind == StateKind::Final; };
  auto destinations = [&](Index s, const ActionDef& a) -> std::vector<Index> {
    switch (a.target_kind) {
      case ActionDef::Target::State:
        if (a.target < n) return {a.target};
        return {};
      case ActionDef::Target::Previous:
        return preds[s];
      case ActionDef::Target::Stay:
        return {s};
    }
    return {};
  };

  std::vector<Arrow> out;
  for (Index s = 0; s < n; ++s) {
    const auto& state = d.states[s];
    for (const auto& a : state.actions) {
      const auto actor = actor_name(d, a.by);
      std::vector<std::string> lines{a.name + " [" + actor + "]"};
      if (!a.guard_source.empty())
        lines.push_back("when " + cut_to_columns(a.guard_source, kGuardColumns));
      const bool back = a.is_return || a.target_kind == ActionDef::Target::Previous;
      const auto targets = destinations(s, a);
      for (auto t : targets) out.push_back({s, t, lines, back ? Line::Dashed : Line::Solid});
      if (!a.recallable) continue;
      for (auto t : targets) {
        if (t != s && !final_at(t)) out.push_back({t, s, {"recall [" + actor + "]"}, Line::Dashed});
      }
    }
    for (const auto& r : state.routes) {
      if (r.target >= n) continue;
      const bool has_guard = r.guard.has_value() || !r.guard_source.empty();
      out.push_back({s,
                     r.target,
                     {has_guard ? "when " + cut_to_columns(r.guard_source, kGuardColumns) : "else"},
                     Line::Solid});
    }
    for (const auto& t : state.timers) {
      const auto delay = duration_label(t.delay);
      if (t.kind == TimerDef::Kind::After) {
        if (t.target < n) out.push_back({s, t.target, {"after " + delay}, Line::Dotted});
        continue;
      }
      if (t.action < state.actions.size()) {
        const auto& a = state.actions[t.action];
        for (auto target : destinations(s, a)) {
          out.push_back({s, target, {"deadline " + delay + " → " + a.name}, Line::Dotted});
        }
      } else if (!t.notifies.empty()) {
        std::string who;
        for (const auto& note : t.notifies)
          who += (who.empty() ? "" : ", ") + actor_words(d, note.to);
        out.push_back({s, s, {"deadline " + delay + " → notify " + who}, Line::Dotted});
      }
    }
    if (state.review && state.review->then_target < n) {
      out.push_back({s,
                     state.review->then_target,
                     {"review complete [" + role_name(d, state.review->role) + "]"},
                     Line::Solid});
    }
    if (state.ranking) {
      for (std::size_t b = 0; b < state.ranking->bands.size(); ++b) {
        const Index target = state.ranking->bands[b].target;
        if (target < n) out.push_back({s, target, {band_label(*state.ranking, b)}, Line::Solid});
      }
    }
  }
  return out;
}

// ---- DOT -------------------------------------------------------------------------------------

std::string dot_quote(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\\n";
    for (char c : lines[i]) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (c != '\r') {
        out += c;
      }
    }
  }
  return out + "\"";
}

std::string dot_quote(const std::string& s) {
  return dot_quote(std::vector<std::string>{s});
}

// ---- Mermaid ---------------------------------------------------------------------------------

std::string mermaid_quote(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "<br/>";
    for (char c : lines[i]) {
      switch (c) {
        case '"':
          out += "#quot;";
          break;
        case '#':
          out += "#35;";
          break;
        case '<':
          out += "#lt;";
          break;
        case '>':
          out += "#gt;";
          break;
        case '\n':
          out += "<br/>";
          break;
        case '\r':
          break;
        default:
          out += c;
      }
    }
  }
  return out + "\"";
}

std::string mermaid_id(Index s) {
  return "s" + std::to_string(s);
}

}  // namespace

std::string cut_to_columns(const std::string& text, int columns) {
  if (columns_of(text) <= columns) return text;
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < text.size();) {
    const base::Utf8Unit u = base::decode_utf8(text, i);
    const int w = static_cast<int>(u.valid ? base::code_point_width(u.code_point) : 1);
    if (used + w > columns - 1) break;
    out.append(text, i, u.length);
    used += w;
    i += u.length;
  }
  return out + "…";
}

std::string to_dot(const Definition& d) {
  const auto n = static_cast<Index>(d.states.size());
  std::string start_id = "__start";
  while (std::ranges::any_of(d.states, [&](const StateDef& s) { return s.name == start_id; })) {
    start_id += "_";
  }
  std::string out = "digraph " + dot_quote(d.name) + " {\n";
  out += "  graph [rankdir=LR, fontname=\"sans-serif\", labelloc=t";
  if (!d.name.empty() || !d.label.empty())
    out += ", label=" + dot_quote(node_lines(d.name, d.label));
  out += "];\n";
  out += "  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n";
  out += "  edge [fontname=\"sans-serif\", fontsize=10];\n";
  out += "  " + dot_quote(start_id) + " [shape=point, width=0.15, label=\"\"];\n";
  for (const auto& s : d.states) {
    out += "  " + dot_quote(s.name) + " [label=" + dot_quote(node_lines(s.name, s.label));
    if (s.kind == StateKind::Final) out += ", shape=doublecircle";
    if (s.kind == StateKind::Decision) out += ", shape=diamond";
    out += "];\n";
  }
  if (d.start < n)
    out += "  " + dot_quote(start_id) + " -> " + dot_quote(d.states[d.start].name) + ";\n";
  for (const auto& a : arrows_of(d)) {
    out += "  " + dot_quote(d.states[a.from].name) + " -> " + dot_quote(d.states[a.to].name) +
           " [label=" + dot_quote(a.lines);
    if (a.style == Line::Dashed) out += ", style=dashed";
    if (a.style == Line::Dotted) out += ", style=dotted";
    out += "];\n";
  }
  return out + "}\n";
}

std::string to_mermaid(const Definition& d) {
  const auto n = static_cast<Index>(d.states.size());
  std::string out = "flowchart LR\n";
  std::string title = d.name + (d.label.empty() ? "" : " " + d.label);
  std::ranges::replace(title, '\n', ' ');
  if (!title.empty()) out += "  %% " + title + "\n";
  out += "  __start((\" \"))\n";
  out += "  style __start fill:#333,stroke:#333\n";
  for (Index i = 0; i < n; ++i) {
    const auto& s = d.states[i];
    const auto label = mermaid_quote(node_lines(s.name, s.label));
    switch (s.kind) {
      case StateKind::Final:
        out += "  " + mermaid_id(i) + "(((" + label + ")))\n";
        break;
      case StateKind::Decision:
        out += "  " + mermaid_id(i) + "{" + label + "}\n";
        break;
      case StateKind::Normal:
        out += "  " + mermaid_id(i) + "(" + label + ")\n";
        break;
    }
  }
  std::size_t link = 0;
  if (d.start < n) {
    out += "  __start --> " + mermaid_id(d.start) + "\n";
    ++link;
  }
  std::string dotted;  // linkStyle indexes of timer edges
  for (const auto& a : arrows_of(d)) {
    const char* arrow = a.style == Line::Solid ? " -->|" : " -.->|";
    out +=
        "  " + mermaid_id(a.from) + arrow + mermaid_quote(a.lines) + "| " + mermaid_id(a.to) + "\n";
    if (a.style == Line::Dotted) dotted += (dotted.empty() ? "" : ",") + std::to_string(link);
    ++link;
  }
  if (!dotted.empty()) out += "  linkStyle " + dotted + " stroke-dasharray: 2 4\n";
  return out;
}

}  // namespace dojang::engine
