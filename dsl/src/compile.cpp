// dsl::compile: parse, then check and lower; and the SHA-256 that versions a source text.

#include "dojang/dsl/compile.hpp"

#include "check/checker.hpp"
#include "dojang/base/sha256.hpp"
#include "dojang/dsl/parse.hpp"

namespace dojang::dsl {

std::string sha256_hex(std::string_view text) {
  return base::sha256_hex(text);
}

CompileResult compile(const SourceFile& file) {
  CompileResult result;
  ParseResult parsed = parse(file);
  if (!parsed.workflow) {
    result.diagnostics = std::move(parsed.diagnostics);
    return result;
  }
  std::shared_ptr<const engine::Definition> definition;
  {
    detail::Checker checker(file, *parsed.workflow);
    definition = checker.run(result.diagnostics);
  }
  result.definition = std::move(definition);
  result.syntax = std::move(parsed.workflow);
  return result;
}

}  // namespace dojang::dsl
