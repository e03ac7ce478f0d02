#pragma once
// "Did you mean ...?" for misspelled names.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dojang::dsl {

// Edit distance over code points: insertions, deletions, substitutions and transpositions of
// two adjacent characters each cost 1 (optimal string alignment distance).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within max(1, min(3, len/3)) edits, len being the code points of
// `name`; ties go to the first in the list. Never suggests `name` itself; nothing for "".
[[nodiscard]] std::optional<std::string> did_you_mean(std::string_view name,
                                                      std::span<const std::string> candidates);

}  // namespace dojang::dsl
