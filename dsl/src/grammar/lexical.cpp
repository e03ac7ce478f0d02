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

}  // namespace dojang::dsl::grammar
