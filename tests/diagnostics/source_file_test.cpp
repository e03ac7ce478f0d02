// SourceFile: line table, positions in code points, line text without terminators.

#include <gtest/gtest.h>

#include "dojang/dsl/source_file.hpp"

namespace dojang::dsl {
namespace {

using Pos = SourceFile::Position;

TEST(SourceFile, KeepsPathAndText) {
  const SourceFile f("workflows/x.flow", "abc\n");
  EXPECT_EQ(f.path(), "workflows/x.flow");
  EXPECT_EQ(f.text(), "abc\n");
}

TEST(SourceFile, LineCountCountsTheLineAfterATrailingNewline) {
  EXPECT_EQ(SourceFile("f", "").line_count(), 1u);
  EXPECT_EQ(SourceFile("f", "a").line_count(), 1u);
  EXPECT_EQ(SourceFile("f", "a\n").line_count(), 2u);
  EXPECT_EQ(SourceFile("f", "a\nb").line_count(), 2u);
  EXPECT_EQ(SourceFile("f", "a\r\nb\r\n").line_count(), 3u);
}

TEST(SourceFile, PositionsAtStartMiddleAndEndOfLines) {
  const SourceFile f("f", "aaa bbb\nccc ddd\n");
  EXPECT_EQ(f.position(0), (Pos{1, 1}));
  EXPECT_EQ(f.position(4), (Pos{1, 5}));
  EXPECT_EQ(f.position(7), (Pos{1, 8}));  // the '\n'
  EXPECT_EQ(f.position(8), (Pos{2, 1}));
  EXPECT_EQ(f.position(14), (Pos{2, 7}));
  EXPECT_EQ(f.position(16), (Pos{3, 1}));  // end of buffer after the trailing newline
}

TEST(SourceFile, PositionPastTheEndClampsToTheEnd) {
  const SourceFile f("f", "aaa\nbb");
  EXPECT_EQ(f.position(6), (Pos{2, 3}));
  EXPECT_EQ(f.position(7), (Pos{2, 3}));
  EXPECT_EQ(f.position(1000000), (Pos{2, 3}));
  EXPECT_EQ(SourceFile("f", "").position(5), (Pos{1, 1}));
}

TEST(SourceFile, ColumnsCountCodePointsNotBytes) {
  // "가나 x": 가 and 나 are 3 bytes each.
  const SourceFile f("f", "\"가나\" x\n");
  EXPECT_EQ(f.position(1), (Pos{1, 2}));   // 가
  EXPECT_EQ(f.position(4), (Pos{1, 3}));   // 나
  EXPECT_EQ(f.position(7), (Pos{1, 4}));   // closing quote
  EXPECT_EQ(f.position(9), (Pos{1, 6}));   // x
  EXPECT_EQ(f.position(10), (Pos{1, 7}));  // end of line
}

TEST(SourceFile, OffsetInsideACharacterGivesThatCharactersColumn) {
  const SourceFile f("f", "a가b");
  EXPECT_EQ(f.position(1), (Pos{1, 2}));
  EXPECT_EQ(f.position(2), (Pos{1, 2}));
  EXPECT_EQ(f.position(3), (Pos{1, 2}));
  EXPECT_EQ(f.position(4), (Pos{1, 3}));
}

TEST(SourceFile, InvalidBytesCountOneColumnEach) {
  const SourceFile f("f",
                     "a\xFF\xFE"
                     "b");
  EXPECT_EQ(f.position(3), (Pos{1, 4}));
}

TEST(SourceFile, CrlfIsNotPartOfTheLine) {
  const SourceFile f("f", "ab\r\ncd\r\n");
  EXPECT_EQ(f.line_text(1), "ab");
  EXPECT_EQ(f.line_text(2), "cd");
  EXPECT_EQ(f.line_text(3), "");
  EXPECT_EQ(f.position(2), (Pos{1, 3}));  // the '\r'
  EXPECT_EQ(f.position(3), (Pos{1, 3}));  // the '\n'
  EXPECT_EQ(f.position(4), (Pos{2, 1}));
}

TEST(SourceFile, LineTextAndOffsets) {
  const SourceFile f("f", "one\n\nthree");
  EXPECT_EQ(f.line_text(1), "one");
  EXPECT_EQ(f.line_text(2), "");
  EXPECT_EQ(f.line_text(3), "three");
  EXPECT_EQ(f.line_text(0), "");
  EXPECT_EQ(f.line_text(4), "");
  EXPECT_EQ(f.line_offset(1), 0u);
  EXPECT_EQ(f.line_offset(2), 4u);
  EXPECT_EQ(f.line_offset(3), 5u);
}

TEST(SourceFile, LoneCarriageReturnStaysInTheLine) {
  const SourceFile f("f", "a\rb\n");
  EXPECT_EQ(f.line_count(), 2u);
  EXPECT_EQ(f.line_text(1), "a\rb");
}

}  // namespace
}  // namespace dojang::dsl
