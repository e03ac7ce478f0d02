#pragma once
// Helpers of the formatter tests: formatting with every property checked, and reading lines and
// columns of the result.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "dojang/dsl/format.hpp"
#include "dojang/dsl/parse.hpp"
#include "dojang/dsl/text_width.hpp"
#include "dsl/ast_equal.hpp"

namespace dojang::dsl::format_testing {

// The `#` comments of a text, from '#' to the end of the line without trailing blanks; a '#'
// inside a string is not one.
inline std::vector<std::string> comments_of(const std::string& text) {
  std::vector<std::string> out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"' || c == '\n') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      std::size_t end = text.find('\n', i);
      if (end == std::string::npos) end = text.size();
      std::string comment = text.substr(i, end - i);
      while (!comment.empty() &&
             (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r')) {
        comment.pop_back();
      }
      out.push_back(comment);
      i = end;
    }
  }
  return out;
}

// Formats `text` (which must parse) and checks the three properties; returns the result.
inline std::string format_checked(const std::string& text, const std::string& name = "test.flow") {
  SourceFile const original(name, text);
  ParseResult const first = parse(original);
  EXPECT_TRUE(first.workflow.has_value()) << name << " does not parse";
  if (!first.workflow) return {};
  std::string const formatted = format(original, *first.workflow);

  SourceFile const again(name, formatted);
  ParseResult const second = parse(again);
  EXPECT_TRUE(second.workflow.has_value())
      << name << ": the formatted text does not parse:\n"
      << (second.diagnostics.empty() ? "" : second.diagnostics.front().message) << "\n"
      << formatted;
  if (!second.workflow) return formatted;
  std::string why;
  EXPECT_TRUE(testing::ast_equal(*first.workflow, *second.workflow, &why))
      << name << ": the tree changed: " << why << "\n"
      << formatted;
  EXPECT_EQ(format(again, *second.workflow), formatted) << name << ": not idempotent";
  EXPECT_EQ(comments_of(formatted), comments_of(text)) << name << ": comments changed\n"
                                                       << formatted;
  return formatted;
}

// A procedure around `body` (the lines inside `workflow w { ... }`).
inline std::string wrap(const std::string& body) {
  return "workflow w {\n" + body + "\n}\n";
}

// The lines of `text`.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The one line of `text` that starts (after indentation) with `prefix`.
inline std::string line_starting(const std::string& text, const std::string& prefix) {
  std::string found;
  for (const std::string& line : lines_of(text)) {
    std::size_t const start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, prefix.size(), prefix) == 0) {
      EXPECT_TRUE(found.empty()) << "two lines start with " << prefix;
      found = line;
    }
  }
  EXPECT_FALSE(found.empty()) << "no line starts with " << prefix << " in\n" << text;
  return found;
}

// The terminal column where `needle` starts in `line`.
inline std::size_t column_of(const std::string& line, const std::string& needle) {
  std::size_t const at = line.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " not in " << line;
  if (at == std::string::npos) return 0;
  return display_width(line.substr(0, at));
}

// The expression of `let x = ...` once formatted.
inline std::string let_value(const std::string& expression) {
  std::string const out = format_checked(wrap("let x = " + expression));
  std::string const line = line_starting(out, "let x = ");
  return line.substr(line.find("= ") + 2);
}

}  // namespace dojang::dsl::format_testing
