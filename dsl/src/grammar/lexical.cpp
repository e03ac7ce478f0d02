#include <algorithm>
#include <array>
#include <string_view>

#include "grammar/config.hpp"

namespace dojang::dsl::grammar {

bool is_reserved(std::string_view word) {
  // Words that may stand where a name could also stand; sorted for binary search.
  static constexpr std::array<std::string_view, 29> kReserved = {
      "after", "and",      "by",        "deadline", "decision", "else",   "false", "fields",
      "final", "if",       "in",        "let",      "not",      "notify", "null",  "on",
      "or",    "requires", "return_to", "roles",    "sets",     "start",  "state", "table",
      "then",  "true",     "when",      "with",     "workflow"};
  return std::binary_search(kReserved.begin(), kReserved.end(), word);
}

const char* ParseState::token_end(const char* start, const char* end) const {
  auto const blank = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  for (;;) {
    while (end > start && blank(end[-1])) --end;
    if (end == start || comments.empty()) return end;
    auto const at = static_cast<std::uint32_t>(end - 1 - begin);
    auto it = std::upper_bound(comments.begin(), comments.end(),
                               std::pair<std::uint32_t, std::uint32_t>(at, UINT32_MAX));
    if (it == comments.begin()) return end;
    --it;
    if (at < it->first || at >= it->second) return end;
    end = begin + it->first;
  }
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> find_comments(std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (c == '"') {  // a string literal ends at its closing quote or the end of the line
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '#') {
      std::size_t const from = i;
      while (i < text.size() && text[i] != '\n') ++i;
      out.emplace_back(static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(i));
    }
  }
  return out;
}

}  // namespace dojang::dsl::grammar
