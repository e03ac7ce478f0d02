// libFuzzer target: dsl::compile on arbitrary bytes must return, never crash, never throw, and
// every diagnostic must point inside the text.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dojang::dsl;
  SourceFile const file("fuzz.flow", std::string(reinterpret_cast<const char*>(data), size));
  CompileResult const result = compile(file);
  for (auto const& d : result.diagnostics) {
    if (d.offset > size || d.message.empty()) std::abort();
  }
  if (result.ok() == has_errors(result.diagnostics)) std::abort();
  if (!result.diagnostics.empty()) (void)render_all(file, result.diagnostics);
  return 0;
}
