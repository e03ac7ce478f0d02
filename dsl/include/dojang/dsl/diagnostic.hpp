#pragma once
// A message about source text, and the one place where such messages are rendered.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/dsl/source_file.hpp"

namespace dojang::dsl {

enum class Severity : std::uint8_t { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::uint32_t offset = 0;  // byte range in the source; length 0 = a point
  std::uint32_t length = 0;
  std::string message;             // plain, specific, no trailing period, may contain Korean
  std::vector<std::string> notes;  // extra lines rendered as "note: ..." after the caret
};

// "error", "warning" or "note".
[[nodiscard]] std::string_view severity_name(Severity s);

// Compiler style, every line ending in "\n":
//   path:line:col: error: message
//      12 |   on send_back by office -> reveiw with comment
//         |                             ^~~~~~
//   note: ...
// Columns in the caret line are terminal columns (wide characters take 2, tabs expand to the
// next multiple of 4); a range spanning lines is underlined to the end of its first line.
// Invalid bytes and control characters (other than tab) are shown as U+FFFD.
[[nodiscard]] std::string render(const SourceFile& file, const Diagnostic& d);

// All diagnostics sorted by offset (stable; errors before warnings before notes at the same
// offset) and rendered one after the other.
[[nodiscard]] std::string render_all(const SourceFile& file, std::vector<Diagnostic> ds);

// A JSON array of {"file","line","column","end_line","end_column","severity","message","notes"};
// the end is the position just after the range. Invalid UTF-8 in strings becomes U+FFFD.
[[nodiscard]] std::string to_json(const SourceFile& file, const std::vector<Diagnostic>& ds);

[[nodiscard]] std::size_t error_count(const std::vector<Diagnostic>& ds);
[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& ds);

}  // namespace dojang::dsl
