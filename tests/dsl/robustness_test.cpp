// dsl::compile never throws and never crashes, whatever the bytes: every .flow file of the
// project truncated at every offset, and seeded random mutations of them. Every diagnostic
// points inside the text it was given.

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dsl/test_paths.hpp"

namespace dojang::dsl {
namespace {

struct Corpus {
  std::vector<std::string> names;
  std::vector<std::string> texts;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    for (auto const& dir : {test::workflows_dir(), test::golden_dir()}) {
      for (auto const& path : test::files_in(dir, ".flow")) {
        out.names.push_back(path.filename().string());
        out.texts.push_back(test::read_bytes(path));
      }
    }
    return out;
  }();
  return c;
}

// Text safe to print in a failure message: non-printable bytes as \xNN.
std::string escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : text) {
    auto const u = static_cast<unsigned char>(c);
    if (c == '\n' || (u >= 0x20 && u < 0x7f)) {
      out += c;
    } else {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// Compiles `text` and checks what must hold for any input; returns false (after recording a
// failure that shows the input) when something does not.
bool survives(const std::string& text, const std::string& what) {
  SourceFile const file("fuzz.flow", text);
  CompileResult result;
  bool returned = false;
  EXPECT_NO_THROW({
    result = compile(file);
    returned = true;
  }) << what
     << "\n"
     << escaped(text);
  if (!returned) return false;
  bool ok = true;
  for (auto const& d : result.diagnostics) {
    // The range may end one byte past the text: three refusals raised at the very end of the
    // text (nesting too deep, a fractional quorum, a fractional 'K of N') carry length 1 there.
    // render() clamps it; the offset itself must always be inside.
    bool const inside =
        d.offset <= text.size() && std::size_t{d.offset} + d.length <= text.size() + 1;
    EXPECT_TRUE(inside) << what << ": diagnostic '" << d.message << "' at " << d.offset << "+"
                        << d.length << " outside a text of " << text.size() << " bytes\n"
                        << escaped(text);
    EXPECT_FALSE(d.message.empty()) << what << "\n" << escaped(text);
    ok = ok && inside && !d.message.empty();
  }
  EXPECT_EQ(result.ok(), !has_errors(result.diagnostics)) << what << "\n" << escaped(text);
  if (has_errors(result.diagnostics)) {
    EXPECT_NO_THROW((void)render_all(file, result.diagnostics)) << what;
  }
  return ok && result.ok() == !has_errors(result.diagnostics);
}

TEST(Robustness, EveryTruncationOfEveryFile) {
  auto const& c = corpus();
  ASSERT_GE(c.texts.size(), 47u);  // the two procedures and the golden files
  std::size_t compiled = 0;
  for (std::size_t f = 0; f < c.texts.size(); ++f) {
    std::string const& full = c.texts[f];
    for (std::size_t cut = 0; cut <= full.size(); ++cut) {
      ++compiled;
      if (!survives(full.substr(0, cut), c.names[f] + " cut at " + std::to_string(cut))) return;
    }
  }
  EXPECT_GT(compiled, 30000u);
}

// Pieces of the language and troublesome bytes to splice in (0xFF and an encoded surrogate
// are not UTF-8).
// clang-format off
constexpr std::array<std::string_view, 30> kTokens = {
    "{", "}", "->", "when", "(", ")", "\"", "#", "..", "..<", "not", "9999999999", "혁신",
    "\xFF", "\n", "\t", "state", "final", "[", "]", "of 3 approve", ",", "return_to",
    "previous", "row - -> ", "weighted {", "reviews.", "{title}", "0", "\xED\xA0\x80"};
// clang-format on

std::string mutate(std::string text, std::mt19937& rng) {
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n)(rng); };
  std::size_t const edits = 1 + pick(3);
  for (std::size_t e = 0; e < edits; ++e) {
    std::size_t const at = pick(text.size());
    switch (pick(3)) {
      case 0:  // flip a byte
        if (at < text.size()) text[at] = static_cast<char>(pick(255));
        break;
      case 1:  // insert a random byte
        text.insert(at, 1, static_cast<char>(pick(255)));
        break;
      case 2:  // delete a run of bytes
        if (at < text.size()) text.erase(at, 1 + pick(7));
        break;
      default:  // insert a token
        text.insert(at, kTokens[pick(kTokens.size() - 1)]);
        break;
    }
  }
  return text;
}

TEST(Robustness, SeededRandomMutations) {
  constexpr int kMutations = 3000;
  auto const& c = corpus();
  std::mt19937 rng(20240229);
  for (int i = 0; i < kMutations; ++i) {
    std::size_t const f = std::uniform_int_distribution<std::size_t>(0, c.texts.size() - 1)(rng);
    std::string const text = mutate(c.texts[f], rng);
    if (!survives(text, "mutation " + std::to_string(i) + " of " + c.names[f])) return;
  }
}

TEST(Robustness, HostileInputs) {
  std::vector<std::string> inputs = {
      std::string(1, '\0'),
      std::string("workflow w \"x\" {\0}", 18),
      std::string(100000, '('),
      "workflow w \"x\" { let x = " + std::string(5000, '(') + "1",
      "workflow w \"x\" { let x = " + std::string(5000, '[') + "1",
      "workflow w \"x\" { let x = " + std::string(3000, '-') + "1 }",
      "workflow w \"x\" { let x = 1" + std::string(20000, '+') + " }",
      "workflow w \"x\" { let x = 99999999999999999999999999999999999 }",
      "workflow w \"x\" { state s { deadline 99999999999999999999d -> notify r \"m\" } }",
      "workflow w \"x\" { state s { after 9999999999w -> s } }",
      "\xEF\xBB\xBFworkflow w \"x\" { }",  // a byte order mark
      "workflow w \"x\" {\r\n  roles {\r\n    r \"역할\"\r\n  }\r\n}\r\n",
      std::string(70, 'w') + " \"x\" { }",
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_TRUE(survives(inputs[i], "hostile input " + std::to_string(i)));
  }
}

}  // namespace
}  // namespace dojang::dsl
