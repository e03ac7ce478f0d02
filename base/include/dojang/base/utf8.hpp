#pragma once
// UTF-8 helpers: decoding, validation, code point counts and terminal display width.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dojang::base {

// One decoded unit of UTF-8 text: a well-formed code point, or a single invalid byte.
struct Utf8Unit {
  char32_t code_point = 0;  // U+FFFD when !valid
  std::uint8_t length = 1;  // bytes consumed; always 1 for an invalid byte
  bool valid = true;
};

// Decodes the unit starting at byte `i` (requires i < s.size()). Overlong forms, surrogates,
// code points above U+10FFFF and truncated sequences yield an invalid unit of length 1.
[[nodiscard]] Utf8Unit decode_utf8(std::string_view s, std::size_t i);

// Byte offset of the first byte that does not begin a well-formed sequence (for a truncated or
// overlong sequence: its lead byte), or nullopt when `s` is valid UTF-8.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Terminal columns of one code point: 2 for East Asian Wide/Fullwidth (Hangul syllables, leading
// Jamo, CJK, fullwidth forms, emoji), 0 for combining marks, format characters and the
// conjoining Hangul vowel/final Jamo, 1 otherwise (control characters included).
[[nodiscard]] std::size_t code_point_width(char32_t cp);

// Terminal columns of a UTF-8 string; each invalid byte counts as 1 column.
[[nodiscard]] std::size_t display_width(std::string_view utf8);

// Number of code points; each invalid byte counts as one.
[[nodiscard]] std::size_t code_points(std::string_view utf8);

// `s` with every invalid byte replaced by U+FFFD; valid text is returned unchanged.
[[nodiscard]] std::string replace_invalid_utf8(std::string_view s);

}  // namespace dojang::base
