// UTF-8 decoding and validation (Unicode 14, table 3-7 "well-formed byte sequences").

#include "dojang/base/utf8.hpp"
#include <cstring>

namespace dojang::base {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr Utf8Unit kInvalid{kReplacement, 1, false};

}  // namespace

Utf8Unit decode_utf8(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return Utf8Unit{b0, 1, true};

  std::size_t trailing = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;  // allowed range of the second byte; later bytes are 80..BF
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    trailing = 1;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    trailing = 2;
    cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    trailing = 3;
    cp = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return kInvalid;  // continuation byte, C0/C1 (always overlong) or F5..FF
  }

  for (std::size_t k = 1; k <= trailing; ++k) {
    if (i + k >= s.size()) return kInvalid;
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < lo || b > hi) return kInvalid;
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return Utf8Unit{cp, static_cast<std::uint8_t>(trailing + 1), true};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Runs of ASCII, eight bytes at a time: most of a procedure is ASCII.
    while (i + 8 <= s.size()) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (i >= s.size()) break;
    const Utf8Unit u = decode_utf8(s, i);
    if (!u.valid) return i;
    i += u.length;
  }
  return std::nullopt;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const Utf8Unit u = decode_utf8(utf8, i);
    width += u.valid ? code_point_width(u.code_point) : 1;
    i += u.length;
  }
  return width;
}

std::size_t code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < utf8.size(); ++count) i += decode_utf8(utf8, i).length;
  return count;
}

std::string replace_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Unit u = decode_utf8(s, i);
    if (u.valid) {
      out.append(s.substr(i, u.length));
    } else {
      out.append("\xEF\xBF\xBD");
    }
    i += u.length;
  }
  return out;
}

}  // namespace dojang::base
