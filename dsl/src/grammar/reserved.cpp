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

}  // namespace dojang::dsl::grammar
