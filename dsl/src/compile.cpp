// dsl::compile: parse, then check and lower; and the SHA-256 that versions a source text.

#include "dojang/dsl/compile.hpp"

#include <openssl/evp.h>

#include "check/checker.hpp"
#include "dojang/dsl/parse.hpp"

namespace dojang::dsl {

std::string sha256_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
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
