#pragma once
// The private parts of the formatter: printing expressions, scanning the source for comments
// and tokens, and the line writer that puts the comments back.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/dsl/ast.hpp"

namespace dojang::dsl::detail {

// ---------------------------------------------------------------- printing (format_expr.cpp)

// `"text"` with \" \\ \n \t escaped.
[[nodiscard]] std::string quote(std::string_view text);

// The expression with the fewest parentheses that parse back to the same tree; `min_level` is
// the precedence the surrounding grammar position needs (0 = any expression).
[[nodiscard]] std::string print_expr(const ast::Expr& e, int min_level = 0);

// A table cell: `-`, `>= 90`, `80 ..< 90`, `in [a, b]` or a value.
[[nodiscard]] std::string print_cell(const ast::Cell& cell);

// A type; `source` tells whether a one_of value was written in quotes.
[[nodiscard]] std::string print_type(const ast::TypeSpec& type, std::string_view source);

// ---------------------------------------------------------------- the source (format_source.cpp)

struct Comment {
  std::uint32_t offset = 0;  // of the '#'
  std::string text;          // from '#' to the end of the line, trailing blanks removed
  bool own_line = false;     // only blanks before it on its line
};

struct Token {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  [[nodiscard]] std::uint32_t end() const { return offset + length; }
};

// The comments and the tokens (everything else that is not blank) of a source text.
class SourceScan {
 public:
  explicit SourceScan(std::string_view text);

  [[nodiscard]] const std::vector<Comment>& comments() const { return m_comments; }
  [[nodiscard]] std::size_t token_count() const { return m_tokens.size(); }
  [[nodiscard]] const Token& token(std::size_t i) const { return m_tokens[i]; }
  [[nodiscard]] std::string_view spelling(const Token& t) const {
    return m_text.substr(t.offset, t.length);
  }
  // Index of the first token that starts at or after `offset` (token_count() when none).
  [[nodiscard]] std::size_t first_at_or_after(std::uint32_t offset) const;
  // The last token that starts before `offset`, if it is spelt `word`.
  [[nodiscard]] std::optional<Token> before(std::uint32_t offset, std::string_view word) const;
  // The first token spelt `word` among the `within` tokens starting at or after `offset`.
  [[nodiscard]] std::optional<Token> after(std::uint32_t offset, std::string_view word,
                                           std::size_t within = 1) const;

 private:
  std::string_view m_text;
  std::vector<Comment> m_comments;
  std::vector<Token> m_tokens;
};

// ---------------------------------------------------------------- output lines (format_lines.cpp)

// The source range an output line stands for; comments are placed by it.
struct Anchor {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

class LineWriter {
 public:
  // A line of `text` at `indent` levels. A closing line (a `}`) takes the comments that end its
  // block one level deeper than itself.
  void line(int indent, std::string text, std::optional<Anchor> anchor, bool closing = false);
  // One blank line (never two in a row, never at the start).
  void blank();
  // The text, with every comment placed: a comment inside a line's range goes before that line;
  // a comment on a line of its own goes before the line whose range starts next; any other
  // comment goes at the end of the line whose range ends last before it.
  [[nodiscard]] std::string render(const std::vector<Comment>& comments) const;

 private:
  struct Line {
    int indent = 0;
    std::string text;  // empty for a blank line
    std::optional<Anchor> anchor;
    bool closing = false;
    bool blank = false;
  };
  std::vector<Line> m_lines;
};

}  // namespace dojang::dsl::detail
