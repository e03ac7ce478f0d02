// render_all ordering, error counts and the JSON form.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "dojang/dsl/diagnostic.hpp"

namespace dojang::dsl {
namespace {

namespace json = boost::json;

Diagnostic make(Severity s, std::uint32_t offset, std::string message) {
  return Diagnostic{s, offset, 1, std::move(message), {}};
}

TEST(RenderAll, SortsByOffsetThenSeverityStably) {
  const SourceFile file("f", "abc\ndef\n");
  const std::vector<Diagnostic> ds{
      make(Severity::Warning, 5, "w5"), make(Severity::Error, 0, "e0"),
      make(Severity::Note, 5, "n5"),    make(Severity::Error, 5, "e5a"),
      make(Severity::Error, 5, "e5b"),  make(Severity::Warning, 1, "w1"),
  };
  const std::string out = render_all(file, ds);
  std::vector<std::string> headers;
  for (std::size_t at = 0; (at = out.find("f:", at)) != std::string::npos; ++at) {
    headers.push_back(out.substr(at, out.find('\n', at) - at));
  }
  EXPECT_EQ(headers, (std::vector<std::string>{"f:1:1: error: e0", "f:1:2: warning: w1",
                                               "f:2:2: error: e5a", "f:2:2: error: e5b",
                                               "f:2:2: warning: w5", "f:2:2: note: n5"}));
}

TEST(RenderAll, IsTheConcatenationOfRenders) {
  const SourceFile file("f", "abc\ndef\n");
  const Diagnostic first = make(Severity::Error, 0, "first");
  const Diagnostic second = make(Severity::Warning, 4, "second");
  EXPECT_EQ(render_all(file, {second, first}), render(file, first) + render(file, second));
  EXPECT_EQ(render_all(file, {}), "");
}

TEST(ErrorCount, CountsOnlyErrors) {
  const std::vector<Diagnostic> ds{make(Severity::Warning, 0, "w"), make(Severity::Error, 1, "e"),
                                   make(Severity::Note, 2, "n"), make(Severity::Error, 3, "e")};
  EXPECT_EQ(error_count(ds), 2u);
  EXPECT_TRUE(has_errors(ds));
  const std::vector<Diagnostic> warnings{make(Severity::Warning, 0, "w")};
  EXPECT_EQ(error_count(warnings), 0u);
  EXPECT_FALSE(has_errors(warnings));
  EXPECT_FALSE(has_errors({}));
}

TEST(ToJson, FieldByFieldWithKoreanAndQuotes) {
  const SourceFile file("workflows/혁신.flow", "state review \"검토\"\n  on send -> reveiw\n");
  const std::vector<Diagnostic> ds{
      Diagnostic{Severity::Error,
                 35,
                 6,
                 "unknown state 'reveiw' (did you mean 'review'?)",
                 {"states: \"draft\", \"review\"", "상태 \\ 확인"}},
      Diagnostic{Severity::Warning, 13, 8, "label \"검토\" is unused", {}},
  };
  const json::value parsed = json::parse(to_json(file, ds));
  const json::array& arr = parsed.as_array();
  ASSERT_EQ(arr.size(), 2u);

  const json::object& e = arr[0].as_object();
  EXPECT_EQ(e.size(), 8u);
  EXPECT_EQ(e.at("file").as_string(), "workflows/혁신.flow");
  EXPECT_EQ(e.at("line").to_number<int>(), 2);
  EXPECT_EQ(e.at("column").to_number<int>(), 14);
  EXPECT_EQ(e.at("end_line").to_number<int>(), 2);
  EXPECT_EQ(e.at("end_column").to_number<int>(), 20);
  EXPECT_EQ(e.at("severity").as_string(), "error");
  EXPECT_EQ(e.at("message").as_string(), "unknown state 'reveiw' (did you mean 'review'?)");
  const json::array& notes = e.at("notes").as_array();
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].as_string(), "states: \"draft\", \"review\"");
  EXPECT_EQ(notes[1].as_string(), "상태 \\ 확인");

  const json::object& w = arr[1].as_object();
  EXPECT_EQ(w.at("line").to_number<int>(), 1);
  EXPECT_EQ(w.at("column").to_number<int>(), 14);  // the opening quote, in code points
  EXPECT_EQ(w.at("end_line").to_number<int>(), 1);
  EXPECT_EQ(w.at("end_column").to_number<int>(), 18);  // just after the closing quote
  EXPECT_EQ(w.at("severity").as_string(), "warning");
  EXPECT_EQ(w.at("message").as_string(), "label \"검토\" is unused");
  EXPECT_TRUE(w.at("notes").as_array().empty());
}

TEST(ToJson, KeepsKoreanAsUtf8AndEscapesQuotesAndControls) {
  const SourceFile file("f", "x");
  const std::string out =
      to_json(file, {Diagnostic{Severity::Note, 0, 0, "검토 \"a\" \\ \x01", {}}});
  EXPECT_NE(out.find("검토"), std::string::npos);
  EXPECT_NE(out.find("\\\"a\\\""), std::string::npos);
  EXPECT_NE(out.find("\\\\"), std::string::npos);
  EXPECT_NE(out.find("\\u0001"), std::string::npos);
  EXPECT_EQ(out.find('\x01'), std::string::npos);
  EXPECT_EQ(json::parse(out).as_array()[0].at("message").as_string(), "검토 \"a\" \\ \x01");
}

TEST(ToJson, MultiLineRangeAndPointAtTheEnd) {
  const SourceFile file("f", "ab\ncd");
  const json::value v = json::parse(to_json(file, {Diagnostic{Severity::Error, 1, 3, "m", {}},
                                                   Diagnostic{Severity::Error, 99, 0, "m", {}}}));
  const json::object& range = v.as_array()[0].as_object();
  EXPECT_EQ(range.at("line").to_number<int>(), 1);
  EXPECT_EQ(range.at("column").to_number<int>(), 2);
  EXPECT_EQ(range.at("end_line").to_number<int>(), 2);
  EXPECT_EQ(range.at("end_column").to_number<int>(), 2);
  const json::object& end = v.as_array()[1].as_object();
  EXPECT_EQ(end.at("line").to_number<int>(), 2);
  EXPECT_EQ(end.at("column").to_number<int>(), 3);
  EXPECT_EQ(end.at("end_column").to_number<int>(), 3);
}

TEST(ToJson, InvalidUtf8BecomesReplacementCharacters) {
  const SourceFile file("bad\xFF.flow", "x");
  const std::string out =
      to_json(file, {Diagnostic{Severity::Error, 0, 1, "m\xC0", {"n\xED\xA0\x80"}}});
  const json::value parsed = json::parse(out);
  const json::object& o = parsed.as_array()[0].as_object();
  EXPECT_EQ(o.at("file").as_string(), "bad\xEF\xBF\xBD.flow");
  EXPECT_EQ(o.at("message").as_string(), "m\xEF\xBF\xBD");
  EXPECT_EQ(o.at("notes").as_array()[0].as_string(), "n\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(ToJson, EmptyListIsAnEmptyArray) {
  const SourceFile file("f", "");
  EXPECT_EQ(to_json(file, {}), "[]");
}

}  // namespace
}  // namespace dojang::dsl
