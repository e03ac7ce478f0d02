#pragma once
// dsl::compile: parse, check and lower a .flow file into an engine::Definition.

#include <memory>
#include <optional>
#include <vector>

#include "dojang/dsl/ast.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/source_file.hpp"
#include "dojang/engine/definition.hpp"

namespace dojang::dsl {

struct CompileResult {
  // Null when there is any error. Immutable and shareable between threads.
  std::shared_ptr<const engine::Definition> definition;
  // Errors and warnings, sorted by position.
  std::vector<Diagnostic> diagnostics;
  // The syntax tree, when the file parsed.
  std::optional<ast::Workflow> syntax;

  [[nodiscard]] bool ok() const { return definition != nullptr; }
};

// Never throws for any input text.
[[nodiscard]] CompileResult compile(const SourceFile& file);

// SHA-256 of a text, as 64 lowercase hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view text);

}  // namespace dojang::dsl
