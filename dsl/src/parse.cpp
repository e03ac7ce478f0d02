// dsl::parse: size and encoding checks, then the X3 grammar; every failure becomes a diagnostic.

#include "dojang/dsl/parse.hpp"

#include <algorithm>

#include "dojang/dsl/suggest.hpp"
#include "dojang/dsl/text_width.hpp"
#include "grammar/workflow.hpp"

namespace dojang::dsl {

namespace x3 = boost::spirit::x3;

namespace {

Diagnostic error_at(std::uint32_t offset, std::uint32_t length, std::string message) {
  Diagnostic d;
  d.offset = offset;
  d.length = length;
  d.message = std::move(message);
  return d;
}

// Moves past blanks and comments: an error is reported at the next token.
std::size_t skip_blanks(std::string_view text, std::size_t where) {
  while (where < text.size()) {
    char const c = text[where];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++where;
    } else if (c == '#') {
      while (where < text.size() && text[where] != '\n') ++where;
    } else {
      break;
    }
  }
  return where;
}

// The words of the language, for "did you mean" on a misspelt keyword.
std::span<const std::string> keywords() {
  static const std::vector<std::string> kWords = {
      "workflow",  "roles",    "fields", "let",       "table",      "start",    "state",
      "decision",  "final",    "on",     "by",        "when",       "requires", "sets",
      "with",      "comment",  "not",    "submitter", "recallable", "open",     "notify",
      "deadline",  "after",    "review", "quorum",    "criterion",  "vote",     "then",
      "return_to", "previous", "hit",    "given",     "yields",     "row",      "text",
      "number",    "money",    "bool",   "date",      "one_of",     "score",    "required",
      "else",      "first",    "unique", "collect",   "rank",       "order",    "desc",
      "ties",      "place",    "into",   "next",      "share",      "refuse",   "earliest",
      "blind",     "person",   "unit",   "head",      "parent",     "below",    "from"};
  return kWords;
}

// What stands at `where`, for "expected X, found Y".
std::string found_at(std::string_view text, std::size_t where, std::uint32_t& length) {
  if (where >= text.size()) {
    length = 0;
    return "the end of the file";
  }
  auto const is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::size_t end = where;
  if (is_word(text[where])) {
    while (end < text.size() && is_word(text[end])) ++end;
  } else if (static_cast<unsigned char>(text[where]) >= 0x80) {
    end = where + 1;  // the whole word: non-ASCII characters and name characters
    while (end < text.size() &&
           (static_cast<unsigned char>(text[end]) >= 0x80 || is_word(text[end])))
      ++end;
  } else if (text.substr(where, 2) == "->") {
    end = where + 2;
  } else {
    end = where + 1;
  }
  length = static_cast<std::uint32_t>(end - where);
  return "'" + std::string(text.substr(where, end - where)) + "'";
}

}  // namespace

ParseResult parse(const SourceFile& file) {
  ParseResult result;
  std::string const& text = file.text();
  if (text.size() > kMaxSourceBytes) {
    result.diagnostics.push_back(error_at(0, 0,
                                          "file is " + std::to_string(text.size()) +
                                              " bytes; a procedure may be at most " +
                                              std::to_string(kMaxSourceBytes) + " bytes (4 MiB)"));
    return result;
  }
  if (auto bad = find_invalid_utf8(text)) {
    result.diagnostics.push_back(
        error_at(static_cast<std::uint32_t>(*bad), 1,
                 "file is not valid UTF-8: invalid byte at offset " + std::to_string(*bad)));
    return result;
  }
  grammar::ParseState state;
  state.begin = text.data();
  grammar::skipper_parser skipper;
  skipper.state = &state;
  const char* first = text.data();
  const char* const last = text.data() + text.size();
  ast::Workflow workflow;
  try {
    bool const ok = x3::phrase_parse(
        first, last, x3::with<grammar::parse_state_tag>(std::ref(state))[grammar::workflow_file],
        skipper, workflow);
    if (!ok) {
      std::uint32_t length = 0;
      auto const where = skip_blanks(text, static_cast<std::size_t>(first - text.data()));
      std::string found = found_at(text, where, length);
      result.diagnostics.push_back(
          error_at(static_cast<std::uint32_t>(where), length,
                   "expected 'workflow NAME \"label\" { ... }', found " + found));
      return result;
    }
  } catch (x3::expectation_failure<grammar::iterator_type> const& e) {
    auto const where = skip_blanks(text, static_cast<std::size_t>(e.where() - text.data()));
    std::uint32_t length = 0;
    std::string found = found_at(text, where, length);
    std::string expected = e.which();
    if (expected.size() >= 2 && expected.front() == '"' && expected.back() == '"') {
      expected = "'" + expected.substr(1, expected.size() - 2) + "'";  // a literal, as the others
    }
    Diagnostic d = error_at(static_cast<std::uint32_t>(where), length,
                            "expected " + expected + ", found " + found);
    std::string_view const word = std::string_view(text).substr(where, length);
    if (!word.empty() && static_cast<unsigned char>(word[0]) >= 0x80) {
      d.notes.push_back(
          "names are written with ASCII letters, digits and '_'; Korean text goes in a label in "
          "double quotes");
    } else if (auto best = did_you_mean(word, keywords());
               best && std::find(keywords().begin(), keywords().end(), word) == keywords().end()) {
      d.message += " (did you mean '" + *best + "'?)";
    }
    result.diagnostics.push_back(std::move(d));
    return result;
  } catch (grammar::SyntaxError const& e) {
    auto const where = static_cast<std::uint32_t>(e.where - text.data());
    auto const room = static_cast<std::uint32_t>(text.size()) -
                      std::min<std::uint32_t>(where, static_cast<std::uint32_t>(text.size()));
    result.diagnostics.push_back(error_at(where, std::min(e.length, room), e.message));
    return result;
  }
  result.workflow = std::move(workflow);
  return result;
}

}  // namespace dojang::dsl
