#pragma once
// `dojang fmt`: the canonical text of a .flow file.
//
// The layout: 2-space indent; top-level groups (a roles block, a fields block, the lets, each
// table, start, each state, a run of one-line finals) separated by one blank line; the columns
// of roles, fields, criteria, finals and table rows aligned by terminal display width; one
// action per line with its clauses in a fixed order; expressions with the fewest parentheses
// the grammar needs and canonical operators (`==`, `!=`). Every `#` comment of the source is
// kept: a comment on a line of its own goes before the next item (before the closing brace
// when none follows in the block), a comment after code stays at the end of that item's line.
// Formatting formatted text gives the same text, and the result parses to the same tree.

#include <optional>
#include <string>
#include <vector>

#include "dojang/dsl/ast.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/source_file.hpp"

namespace dojang::dsl {

// The canonical text of a parsed file. `file` is the source the tree came from: comments are
// taken from it and kept. The result ends with a newline.
[[nodiscard]] std::string format(const SourceFile& file, const ast::Workflow& workflow);

// Convenience: parse + format; nullopt (and the parse diagnostics in *diagnostics) when it does
// not parse. *diagnostics, when given, receives the parse diagnostics in every case.
[[nodiscard]] std::optional<std::string> format_text(
    const SourceFile& file, std::vector<Diagnostic>* diagnostics = nullptr);

}  // namespace dojang::dsl
