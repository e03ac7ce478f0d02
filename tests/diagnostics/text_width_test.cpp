// UTF-8 validation, code point counts and terminal display width.

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "dojang/dsl/text_width.hpp"

namespace dojang::dsl {
namespace {

TEST(FindInvalidUtf8, AcceptsValidText) {
  EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("혁신과제 선정 é ✓ 😀"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xEE\x80\x80"), std::nullopt);      // U+E000, after surrogates
  EXPECT_EQ(find_invalid_utf8(std::string("a\0b", 3)), std::nullopt);
}

TEST(FindInvalidUtf8, StrayContinuationByte) {
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2u);
  EXPECT_EQ(find_invalid_utf8("가\xBF"), 3u);
}

TEST(FindInvalidUtf8, Overlongs) {
  EXPECT_EQ(find_invalid_utf8("x\xC0\xAF"), 1u);  // '/' in two bytes
  EXPECT_EQ(find_invalid_utf8("xy\xC1\xBF"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);        // three bytes
  EXPECT_EQ(find_invalid_utf8("ok\xF0\x80\x80\xAF"), 2u);  // four bytes
}

TEST(FindInvalidUtf8, Surrogates) {
  EXPECT_EQ(find_invalid_utf8("a\xED\xA0\x80"), 1u);           // U+D800
  EXPECT_EQ(find_invalid_utf8("ab\xED\xBF\xBF"), 2u);          // U+DFFF
  EXPECT_EQ(find_invalid_utf8("\xED\x9F\xBF"), std::nullopt);  // U+D7FF is fine
}

TEST(FindInvalidUtf8, AboveMaximumCodePoint) {
  EXPECT_EQ(find_invalid_utf8("a\xF4\x90\x80\x80"), 1u);  // U+110000
  EXPECT_EQ(find_invalid_utf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("abc\xFF"), 3u);
  EXPECT_EQ(find_invalid_utf8("\xFE"), 0u);
}

TEST(FindInvalidUtf8, TruncatedSequences) {
  EXPECT_EQ(find_invalid_utf8("ab\xEA\xB0"), 2u);  // 가 without its last byte, at the end
  EXPECT_EQ(find_invalid_utf8("\xEA\xB0"
                              "a"),
            0u);                                       // interrupted by ASCII
  EXPECT_EQ(find_invalid_utf8("가\xF0\x9F\x98"), 3u);  // 😀 cut short
  EXPECT_EQ(find_invalid_utf8("\xC3"), 0u);
}

TEST(CodePoints, CountsCharactersAndInvalidBytes) {
  EXPECT_EQ(code_points(""), 0u);
  EXPECT_EQ(code_points("abc"), 3u);
  EXPECT_EQ(code_points("혁신과제"), 4u);
  EXPECT_EQ(code_points("a😀é"), 3u);
  EXPECT_EQ(code_points("a\xFF\xEA\xB0"), 4u);  // 1 + invalid + two bytes of a truncated char
}

TEST(DisplayWidth, AsciiAndHangul) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("review"), 6u);
  EXPECT_EQ(display_width("혁신과제"), 8u);
  EXPECT_EQ(display_width("상태 review"), 11u);
}

TEST(DisplayWidth, HangulJamo) {
  EXPECT_EQ(display_width("ㄱㅏ"), 4u);          // compatibility Jamo
  EXPECT_EQ(display_width("\xE1\x84\x80"), 2u);  // U+1100 leading consonant
  // Decomposed 한 (U+1112 U+1161 U+11AB) is one syllable on screen.
  EXPECT_EQ(display_width("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), 2u);
}

TEST(DisplayWidth, CombiningMarksAndZeroWidth) {
  EXPECT_EQ(display_width("e\xCC\x81"), 1u);  // e + COMBINING ACUTE
  EXPECT_EQ(display_width("a\xE2\x80\x8B"
                          "b"),
            2u);  // ZERO WIDTH SPACE
  EXPECT_EQ(display_width("\xEF\xBB\xBF"
                          "x"),
            1u);  // BOM
  EXPECT_EQ(display_width("가\xCC\x81"), 2u);
}

TEST(DisplayWidth, CjkFullwidthAndEmoji) {
  EXPECT_EQ(display_width("漢字"), 4u);
  EXPECT_EQ(display_width("ＡＢ"), 4u);  // fullwidth forms
  EXPECT_EQ(display_width("😀"), 2u);
  EXPECT_EQ(display_width("✅ ok"), 5u);
  EXPECT_EQ(display_width("👍\xEF\xB8\x8F"), 2u);  // with VARIATION SELECTOR-16
  EXPECT_EQ(display_width("é ü ✓ →"), 7u);        // narrow non-ASCII
}

TEST(DisplayWidth, MixedText) {
  EXPECT_EQ(display_width("score 점수 😀 e\xCC\x81!"), 6u + 4u + 1u + 2u + 1u + 1u + 1u);
}

TEST(DisplayWidth, InvalidBytesCountOneEach) {
  EXPECT_EQ(display_width("\xFF\xFE"), 2u);
  EXPECT_EQ(display_width("a\xEA\xB0"), 3u);
  EXPECT_EQ(display_width("가\x80"), 3u);
}

TEST(ReplaceInvalidUtf8, ReplacesOnlyInvalidBytes) {
  EXPECT_EQ(replace_invalid_utf8("가 ok"), "가 ok");
  EXPECT_EQ(replace_invalid_utf8("a\xFF"
                                 "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(replace_invalid_utf8("\xEA\xB0"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(DecodeUtf8, ReturnsCodePointAndLength) {
  const Utf8Unit u = decode_utf8("x😀", 1);
  EXPECT_TRUE(u.valid);
  EXPECT_EQ(u.code_point, U'😀');
  EXPECT_EQ(u.length, 4);
  const Utf8Unit bad = decode_utf8("\xC0\x80", 0);
  EXPECT_FALSE(bad.valid);
  EXPECT_EQ(bad.length, 1);
}

}  // namespace
}  // namespace dojang::dsl
