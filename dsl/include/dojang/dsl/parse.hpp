#pragma once
// Parsing a .flow file into its syntax tree.

#include <optional>
#include <vector>

#include "dojang/dsl/ast.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/source_file.hpp"

namespace dojang::dsl {

inline constexpr std::size_t kMaxSourceBytes = 4 * 1024 * 1024;

struct ParseResult {
  std::optional<ast::Workflow> workflow;  // empty when the text could not be parsed
  std::vector<Diagnostic> diagnostics;
};

// Never throws for any input: a file that is too large, not UTF-8, or malformed gives a
// diagnostic.
[[nodiscard]] ParseResult parse(const SourceFile& file);

}  // namespace dojang::dsl
