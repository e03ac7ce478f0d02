// Scanning the source text for comments and tokens, skipping string literals.

#include <algorithm>

#include "format_detail.hpp"

namespace dojang::dsl::detail {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Length of the punctuation token at `i`.
std::size_t punctuation_length(std::string_view text, std::size_t i) {
  std::string_view const rest = text.substr(i);
  for (std::string_view op : {"..<", "->", "..", "==", "!=", "<=", ">=", "<>"}) {
    if (rest.starts_with(op)) return op.size();
  }
  return 1;
}

}  // namespace

SourceScan::SourceScan(std::string_view text) : m_text(text) {
  bool line_has_code = false;
  std::size_t i = 0;
  while (i < text.size()) {
    char const c = text[i];
    if (c == '\n') {
      line_has_code = false;
      ++i;
    } else if (is_blank(c)) {
      ++i;
    } else if (c == '#') {
      std::size_t end = i;
      while (end < text.size() && text[end] != '\n') ++end;
      std::size_t trimmed = end;
      while (trimmed > i && is_blank(text[trimmed - 1])) --trimmed;
      m_comments.push_back(Comment{static_cast<std::uint32_t>(i),
                                   std::string(text.substr(i, trimmed - i)), !line_has_code});
      i = end;
    } else {
      std::size_t end = i + 1;
      if (c == '"') {
        // A string ends at the closing quote, or (unclosed) at the end of the line.
        while (end < text.size() && text[end] != '"' && text[end] != '\n') {
          end += (text[end] == '\\' && end + 1 < text.size() && text[end + 1] != '\n') ? 2 : 1;
        }
        if (end < text.size() && text[end] == '"') ++end;
      } else if (is_word_char(c)) {
        while (end < text.size() && is_word_char(text[end])) ++end;
        // 0.25 is one token; 0..20 is three.
        if (is_digit(c) && end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
          end += 1;
          while (end < text.size() && is_word_char(text[end])) ++end;
        }
      } else {
        end = i + punctuation_length(text, i);
      }
      m_tokens.push_back(Token{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end - i)});
      line_has_code = true;
      i = end;
    }
  }
}

std::size_t SourceScan::first_at_or_after(std::uint32_t offset) const {
  auto const it =
      std::lower_bound(m_tokens.begin(), m_tokens.end(), offset,
                       [](const Token& t, std::uint32_t value) { return t.offset < value; });
  return static_cast<std::size_t>(it - m_tokens.begin());
}

std::optional<Token> SourceScan::before(std::uint32_t offset, std::string_view word) const {
  std::size_t const i = first_at_or_after(offset);
  if (i == 0 || spelling(m_tokens[i - 1]) != word) return std::nullopt;
  return m_tokens[i - 1];
}

std::optional<Token> SourceScan::after(std::uint32_t offset, std::string_view word,
                                       std::size_t within) const {
  for (std::size_t i = first_at_or_after(offset); i < m_tokens.size() && within > 0;
       ++i, --within) {
    if (spelling(m_tokens[i]) == word) return m_tokens[i];
  }
  return std::nullopt;
}

}  // namespace dojang::dsl::detail
