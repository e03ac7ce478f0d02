#pragma once
// A procedure as a diagram, for `dojang graph`: Graphviz DOT or Mermaid text. Pure string
// building; the output depends only on the Definition (same input, same bytes).
//
// Nodes: one per state, labelled with its label and name ("작성\n(draft)"); final states are
// double circles, decision states diamonds, and a small point `__start` points at the start.
// Edges:
// - actions: "action [role]" (the role's name, "submitter" or "anyone"), and on a second line
//   "when <guard>" cut to 30 display columns with "…"; an action that stays adds a self-loop;
// - sends back (`return_to previous`, to every predecessor, and `return_to STATE`): dashed;
// - recall (from the target back to the recallable action's state): dashed, "recall [role]";
// - decision routes: "when <guard>" or "else";
// - timers, dotted: "after 30d" to the target; "deadline 14d → action" to where the action goes,
//   or "deadline 14d → notify role" as a self-loop;
// - reviews with a then_target: "review complete [role]";
// - a ranking's bands: "awards: 1위", "awards: 2–4위", "awards: 나머지".
// Unresolved targets (kNone or out of range) draw no edge.

#include <string>

#include "dojang/engine/definition.hpp"

namespace dojang::engine {

[[nodiscard]] std::string to_dot(const Definition& d);
[[nodiscard]] std::string to_mermaid(const Definition& d);

// `text` cut to at most `columns` display columns (East Asian wide characters count two),
// ending in "…" when something was cut. UTF-8 in, UTF-8 out.
[[nodiscard]] std::string cut_to_columns(const std::string& text, int columns);

}  // namespace dojang::engine
