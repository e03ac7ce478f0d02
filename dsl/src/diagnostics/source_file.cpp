// The line table of a source file and byte offset -> (line, column in code points).

#include "dojang/dsl/source_file.hpp"

#include <algorithm>
#include <utility>

#include "dojang/dsl/text_width.hpp"

namespace dojang::dsl {

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') m_line_starts.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

std::uint32_t SourceFile::line_offset(std::uint32_t line) const {
  const std::uint32_t index = std::clamp<std::uint32_t>(line, 1, line_count()) - 1;
  return m_line_starts[index];
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_count()) return {};
  const std::size_t begin = m_line_starts[line - 1];
  std::size_t end = m_text.size();
  if (line < line_count()) {
    end = m_line_starts[line] - 1;  // the '\n'
    if (end > begin && m_text[end - 1] == '\r') --end;
  }
  return std::string_view(m_text).substr(begin, end - begin);
}

SourceFile::Position SourceFile::position(std::uint32_t offset) const {
  const std::size_t clamped = std::min<std::size_t>(offset, m_text.size());
  const auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), clamped);
  const auto line = static_cast<std::uint32_t>(it - m_line_starts.begin());  // 1-based
  const std::string_view text = line_text(line);
  const std::size_t target = std::min(clamped - m_line_starts[line - 1], text.size());

  // Count the characters that end at or before the target; a target inside a character
  // therefore lands on that character.
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < text.size();) {
    i += decode_utf8(text, i).length;
    if (i > target) break;
    ++column;
  }
  return Position{line, column};
}

}  // namespace dojang::dsl
