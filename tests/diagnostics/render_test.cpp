// render(): the edge cases of LLVM's SourceMgrTest, wide characters, tabs, notes.

#include <gtest/gtest.h>

#include <string>

#include "dojang/dsl/diagnostic.hpp"

namespace dojang::dsl {
namespace {

std::string show(std::string text, std::uint32_t offset, std::uint32_t length,
                 Severity severity = Severity::Error) {
  const SourceFile file("file.in", std::move(text));
  return render(file, Diagnostic{severity, offset, length, "message", {}});
}

TEST(Render, BasicError) {
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 4, 0),
            "file.in:1:5: error: message\n"
            "    1 | aaa bbb\n"
            "      |     ^\n");
}

TEST(Render, BasicWarningAndNote) {
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 4, 0, Severity::Warning),
            "file.in:1:5: warning: message\n"
            "    1 | aaa bbb\n"
            "      |     ^\n");
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 4, 0, Severity::Note),
            "file.in:1:5: note: message\n"
            "    1 | aaa bbb\n"
            "      |     ^\n");
}

TEST(Render, BeginningOfLine) {
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 8, 3),
            "file.in:2:1: error: message\n"
            "    2 | ccc ddd\n"
            "      | ^~~\n");
}

TEST(Render, EndOfLine) {
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 7, 0),
            "file.in:1:8: error: message\n"
            "    1 | aaa bbb\n"
            "      |        ^\n");
}

TEST(Render, EndOfBufferAfterNewline) {
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 16, 0),
            "file.in:3:1: error: message\n"
            "    3 |\n"
            "      | ^\n");
}

TEST(Render, LastLineWithoutNewline) {
  EXPECT_EQ(show("aaa bbb\nccc ddd", 15, 0),
            "file.in:2:8: error: message\n"
            "    2 | ccc ddd\n"
            "      |        ^\n");
}

TEST(Render, EmptyBuffer) {
  EXPECT_EQ(show("", 0, 0),
            "file.in:1:1: error: message\n"
            "    1 |\n"
            "      | ^\n");
}

TEST(Render, PastTheEndClampsToTheEnd) {
  EXPECT_EQ(show("aaa bbb\nccc ddd", 40, 5),
            "file.in:2:8: error: message\n"
            "    2 | ccc ddd\n"
            "      |        ^\n");
  EXPECT_EQ(show("", 3, 2),
            "file.in:1:1: error: message\n"
            "    1 |\n"
            "      | ^\n");
}

TEST(Render, RangeRunningPastTheEndStopsAtTheEnd) {
  EXPECT_EQ(show("aaa bbb", 4, 100),
            "file.in:1:5: error: message\n"
            "    1 | aaa bbb\n"
            "      |     ^~~\n");
}

TEST(Render, BasicRange) {
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 4, 3),
            "file.in:1:5: error: message\n"
            "    1 | aaa bbb\n"
            "      |     ^~~\n");
}

TEST(Render, MultiLineRangeUnderlinesToTheEndOfTheFirstLine) {
  EXPECT_EQ(show("aaa bbb\nccc ddd\n", 4, 7),
            "file.in:1:5: error: message\n"
            "    1 | aaa bbb\n"
            "      |     ^~~\n");
}

TEST(Render, RangeStartingAtTheNewline) {
  EXPECT_EQ(show("aaa\nbbb\n", 3, 3),
            "file.in:1:4: error: message\n"
            "    1 | aaa\n"
            "      |    ^\n");
}

TEST(Render, TabsExpandToMultiplesOfFour) {
  EXPECT_EQ(show("a\tbc\tb\n", 2, 1),
            "file.in:1:3: error: message\n"
            "    1 | a   bc  b\n"
            "      |     ^\n");
  EXPECT_EQ(show("a\tbc\tb\n", 5, 1),
            "file.in:1:6: error: message\n"
            "    1 | a   bc  b\n"
            "      |         ^\n");
}

TEST(Render, RangeOverATab) {
  // As LLVM's RangeWithTab: the underline covers every column of the expanded tab.
  EXPECT_EQ(show("aaa\tbbb\nccc ddd\n", 3, 3),
            "file.in:1:4: error: message\n"
            "    1 | aaa bbb\n"
            "      |    ^~~\n");
  EXPECT_EQ(show("\tx = 1\n", 0, 2),
            "file.in:1:1: error: message\n"
            "    1 |     x = 1\n"
            "      | ^~~~~\n");
}

TEST(Render, CrlfIsNotPrinted) {
  EXPECT_EQ(show("aaa\r\nbbb ccc\r\n", 9, 3),
            "file.in:2:5: error: message\n"
            "    2 | bbb ccc\n"
            "      |     ^~~\n");
  EXPECT_EQ(show("aaa\r\nbbb\r\n", 3, 2),
            "file.in:1:4: error: message\n"
            "    1 | aaa\n"
            "      |    ^\n");
}

TEST(Render, KoreanBeforeTheRangeShiftsTheCaret) {
  // "가나" is 6 bytes, 2 code points and 4 columns: 'x' is byte 15, code point 12, column 14.
  EXPECT_EQ(show("label \"가나\" x\n", 15, 1),
            "file.in:1:12: error: message\n"
            "    1 | label \"가나\" x\n"
            "      |              ^\n");
  EXPECT_EQ(show("가\t나 x", 4, 3),  // the tab after a wide character fills columns 3 and 4
            "file.in:1:3: error: message\n"
            "    1 | 가  나 x\n"
            "      |     ^~\n");
}

TEST(Render, KoreanInsideTheRangeIsTwoColumnsWide) {
  EXPECT_EQ(show("state \"검토\"\n", 7, 3),
            "file.in:1:8: error: message\n"
            "    1 | state \"검토\"\n"
            "      |        ^~\n");
  EXPECT_EQ(show("state \"검토\"\n", 6, 8),
            "file.in:1:7: error: message\n"
            "    1 | state \"검토\"\n"
            "      |       ^~~~~~\n");
}

TEST(Render, OffsetInsideAWideCharacter) {
  EXPECT_EQ(show("a검b", 2, 0),
            "file.in:1:2: error: message\n"
            "    1 | a검b\n"
            "      |  ^\n");
}

TEST(Render, CombiningMarkTakesNoColumn) {
  EXPECT_EQ(show("e\xCC\x81 x", 4, 1),
            "file.in:1:4: error: message\n"
            "    1 | e\xCC\x81 x\n"
            "      |   ^\n");
}

TEST(Render, InvalidBytesAndControlCharactersAreReplaced) {
  EXPECT_EQ(show("a\xFF\x1b"
                 "b",
                 3, 1),
            "file.in:1:4: error: message\n"
            "    1 | a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b\n"
            "      |    ^\n");
}

TEST(Render, GutterWidensForLongLineNumbers) {
  std::string text;
  for (int i = 0; i < 12345; ++i) text += "x\n";
  text += "bad\n";
  EXPECT_EQ(show(text, 12345 * 2, 3),
            "file.in:12346:1: error: message\n"
            " 12346 | bad\n"
            "       | ^~~\n");
}

TEST(Render, TheExampleFromTheDesign) {
  const SourceFile file(
      "workflows/x.flow",
      std::string(11, '\n') + "  on send_back by office -> reveiw with comment\n");
  const Diagnostic d{Severity::Error,
                     11 + 28,
                     6,
                     "unknown state 'reveiw' (did you mean 'review'?)",
                     {"states are: draft, review, approved", "상태 이름을 확인하세요"}};
  EXPECT_EQ(render(file, d),
            "workflows/x.flow:12:29: error: unknown state 'reveiw' (did you mean 'review'?)\n"
            "   12 |   on send_back by office -> reveiw with comment\n"
            "      |                             ^~~~~~\n"
            "note: states are: draft, review, approved\n"
            "note: 상태 이름을 확인하세요\n");
}

}  // namespace
}  // namespace dojang::dsl
