// base: UTF-8 display width and SHA-256.

#include <gtest/gtest.h>

#include <string>

#include "dojang/base/sha256.hpp"
#include "dojang/base/utf8.hpp"

namespace dojang::base {
namespace {

TEST(DisplayWidth, AsciiHangulCjk) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("approve"), 7u);
  EXPECT_EQ(display_width("결재"), 4u);
  EXPECT_EQ(display_width("민원 처리"), 9u);
  EXPECT_EQ(display_width("漢字"), 4u);
  EXPECT_EQ(display_width("ＡＢ"), 4u);  // fullwidth forms
}

TEST(DisplayWidth, CombiningMarksAndJamo) {
  EXPECT_EQ(display_width("e\xCC\x81"), 1u);                 // e + U+0301
  EXPECT_EQ(display_width("\xE1\x84\x80\xE1\x85\xA1"), 2u);  // U+1100 U+1161: one syllable
  EXPECT_EQ(code_point_width(0x200B), 0u);                   // zero width space (Cf)
}

TEST(DisplayWidth, InvalidBytesCountOneEach) {
  EXPECT_EQ(display_width("\xFF"), 1u);
  EXPECT_EQ(display_width("a\xC0\xAF"
                          "b"),
            4u);                             // overlong '/' : two invalid bytes
  EXPECT_EQ(display_width("\xEA\xB2"), 2u);  // truncated 결
  EXPECT_EQ(find_invalid_utf8("결\xFF"), 3u);
  EXPECT_FALSE(find_invalid_utf8("결재"));
  EXPECT_EQ(replace_invalid_utf8("a\xFF"), "a\xEF\xBF\xBD");
  EXPECT_EQ(code_points("결a\xFF"), 3u);
}

TEST(Sha256, TestVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace dojang::base
