// Lexical pieces of the grammar: reserved words, blanks and comments, number/date/duration
// literals, and the arena of expression nodes.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>

#include "grammar/expression.hpp"

namespace dojang::dsl::grammar {

bool is_reserved(std::string_view word) {
  // Words that may stand where a name could also stand; sorted for binary search.
  static constexpr std::array<std::string_view, 29> kReserved = {
      "after", "and",      "by",        "deadline", "decision", "else",   "false", "fields",
      "final", "if",       "in",        "let",      "not",      "notify", "null",  "on",
      "or",    "requires", "return_to", "roles",    "sets",     "start",  "state", "table",
      "then",  "true",     "when",      "with",     "workflow"};
  static_assert(std::is_sorted(kReserved.begin(), kReserved.end()));
  // The words of each first letter: [first, second) in kReserved. (Every name is looked up
  // here: a lookup is one table index and a compare or two.)
  static constexpr auto kByLetter = [] {
    std::array<std::pair<std::uint8_t, std::uint8_t>, 26> by{};
    for (std::size_t i = 0; i < kReserved.size(); ++i) {
      auto& range = by[static_cast<std::size_t>(kReserved[i][0] - 'a')];
      if (range.second == 0) range.first = static_cast<std::uint8_t>(i);
      range.second = static_cast<std::uint8_t>(i + 1);
    }
    return by;
  }();
  if (word.empty() || word[0] < 'a' || word[0] > 'z') return false;
  auto const [from, to] = kByLetter[static_cast<std::size_t>(word[0] - 'a')];
  for (std::size_t i = from; i < to; ++i) {
    if (kReserved[i] == word) return true;
  }
  return false;
}

static_assert(std::is_trivially_destructible_v<ast::Expr>,
              "the arena frees its nodes without destroying them");

ExprArena::~ExprArena() {
  for (std::byte* block : m_blocks) ::operator delete(block);
}

void* ExprArena::allocate_slow(std::size_t size) {
  m_blocks.reserve(m_blocks.size() + 1);  // so that push_back cannot throw after new
  // A request larger than a quarter block gets a block of its own (the current one stays).
  if (size > kBlock / 4) {
    auto* own = static_cast<std::byte*>(::operator new(size));
    m_blocks.push_back(own);
    return own;
  }
  m_next = static_cast<std::byte*>(::operator new(kBlock));  // aligned for any fundamental type
  m_end = m_next + kBlock;
  m_blocks.push_back(m_next);
  std::byte* const out = m_next;
  m_next += size;
  return out;
}

std::span<const ast::Expr* const> ExprArena::keep(std::span<const ast::Expr* const> args) {
  if (args.empty()) return {};
  auto* const out = static_cast<const ast::Expr**>(
      allocate(args.size() * sizeof(const ast::Expr*), alignof(const ast::Expr*)));
  std::copy(args.begin(), args.end(), out);
  return {out, args.size()};
}

std::vector<ast::Weight>& ExprArena::new_weights() {
  return *m_weights.emplace_back(std::make_unique<std::vector<ast::Weight>>());
}

const char* skipper_parser::skip(const char* first, const char* last) const {
  static constexpr auto kBlank = [] {
    std::array<bool, 256> blank{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) blank[c] = true;
    return blank;
  }();
  while (first != last) {
    char const c = *first;
    if (kBlank[static_cast<unsigned char>(c)]) {
      ++first;
    } else if (c == '#') {
      const char* const from = first;
      while (first != last && *first != '\n') ++first;
      if (state) state->note_comment(from, first);
    } else {
      break;
    }
  }
  return first;
}

const char* ParseState::token_end(const char* start, const char* end) const {
  auto const blank = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  for (;;) {
    while (end > start && blank(end[-1])) --end;
    if (end == start || comments.empty()) return end;
    auto const at = static_cast<std::uint32_t>(end - 1 - begin);
    if (at >= comments.back().second || at < comments.front().first) return end;
    auto it = std::upper_bound(comments.begin(), comments.end(),
                               std::pair<std::uint32_t, std::uint32_t>(at, UINT32_MAX));
    if (it == comments.begin()) return end;
    --it;
    if (at < it->first || at >= it->second) return end;
    end = begin + it->first;
  }
}

bool literal_parser::scan(const char* first, const char* last, const char*& end, ast::Expr& out,
                          ExprArena& arena) {
  if (first == last || !is_digit(*first)) return false;
  const char* i = first;
  while (i != last && is_digit(*i)) ++i;
  auto const digits = i - first;
  auto const followed_by_ident = [&](const char* p) { return p != last && is_ident_char(*p); };
  // YYYY-MM-DD
  if (digits == 4 && last - i >= 6 && i[0] == '-' && is_digit(i[1]) && is_digit(i[2]) &&
      i[3] == '-' && is_digit(i[4]) && is_digit(i[5]) && !followed_by_ident(i + 6)) {
    int const month = (i[1] - '0') * 10 + (i[2] - '0');
    int const day = (i[4] - '0') * 10 + (i[5] - '0');
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) {
      throw SyntaxError{first, 10,
                        "'" + std::string(first, i + 6) + "' is not a valid date (YYYY-MM-DD)"};
    }
    out.kind = ast::ExprKind::Date;
    out.text = arena.keep(std::string_view(first, static_cast<std::size_t>(i + 6 - first)));
    end = i + 6;
    return true;
  }
  // 14d 3h 30m 2w
  if (i != last && (*i == 'd' || *i == 'h' || *i == 'm' || *i == 'w') &&
      !followed_by_ident(i + 1)) {
    out.kind = ast::ExprKind::Duration;
    static constexpr std::string_view kUnits = "dhmw";
    out.text = kUnits.substr(kUnits.find(*i), 1);
    out.member = arena.keep(std::string_view(first, static_cast<std::size_t>(i - first)));
    auto const r = std::from_chars(first, i, out.count);
    if (r.ec != std::errc{} || digits > 9) {
      throw SyntaxError{first, static_cast<std::uint32_t>(i + 1 - first), "duration is too long"};
    }
    out.number = static_cast<double>(out.count);
    end = i + 1;
    return true;
  }
  // 12, 0.25
  if (i != last && *i == '.' && i + 1 != last && is_digit(i[1])) {
    ++i;
    while (i != last && is_digit(*i)) ++i;
  }
  if (followed_by_ident(i)) {
    const char* j = i;
    while (j != last && is_ident_char(*j)) ++j;
    throw SyntaxError{first, static_cast<std::uint32_t>(j - first),
                      "'" + std::string(first, j) +
                          "' is not a number; durations are written like 14d, 3h, 30m or 2w"};
  }
  if (i - first > 30) {
    throw SyntaxError{first, static_cast<std::uint32_t>(i - first), "number has too many digits"};
  }
  out.kind = ast::ExprKind::Number;
  out.text = arena.keep(std::string_view(first, static_cast<std::size_t>(i - first)));
  std::from_chars(first, i, out.number);
  end = i;
  return true;
}

}  // namespace dojang::dsl::grammar
