#pragma once
// The text of one .flow file and its line table.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dojang::dsl {

// Lines end with "\n" or "\r\n". After a trailing newline there is one more (empty) line, so
// that every offset up to and including text().size() has a position (as in LLVM's SourceMgr).
class SourceFile {
 public:
  // Both 1-based; the column counts Unicode code points (each invalid byte counts as one).
  struct Position {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    bool operator==(const Position&) const = default;
  };

  SourceFile(std::string path, std::string text);

  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] const std::string& text() const { return m_text; }

  // An offset past the end clamps to the end; an offset inside a multi-byte character gives
  // that character's column; an offset on the line terminator gives the column just after the
  // last character of the line.
  [[nodiscard]] Position position(std::uint32_t offset) const;

  // The text of a 1-based line without its trailing "\n" or "\r\n"; empty when out of range.
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;

  // Byte offset where a 1-based line starts (clamped to the last line).
  [[nodiscard]] std::uint32_t line_offset(std::uint32_t line) const;

  [[nodiscard]] std::uint32_t line_count() const {
    return static_cast<std::uint32_t>(m_line_starts.size());
  }

 private:
  std::string m_path;
  std::string m_text;
  std::vector<std::uint32_t> m_line_starts;  // never empty; m_line_starts[0] == 0
};

}  // namespace dojang::dsl
