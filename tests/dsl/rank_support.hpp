#pragma once
// Helpers of the `rank` tests: a sound procedure with a ranking, and compiling variants of it.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"

namespace dojang::dsl::rank_testing {

inline constexpr std::string_view kRanked = R"flow(workflow ranked "순위" {
  roles {
    unit  "부서"
    admin "관리자"
  }

  fields {
    year     number required
    name     text
    total    score 0..100
    capacity money
    due      date
    place_no number
    done     bool
  }

  start report

  state report "제출" {
    on submit by unit -> evaluated requires year
  }

  state evaluated "평가 완료" {
    rank awards by admin per year "우수부서 선정" {
      order total desc, capacity asc, due, name desc
      ties share
      place into place_no
      top 1  -> best
      next 3 -> excellent
      rest   -> ordinary
      at 11-30
    }
  }

  final best      "최우수"
  final excellent "우수"
  final ordinary  "일반"
}
)flow";

struct Compiled {
  std::shared_ptr<const SourceFile> file;
  CompileResult result;
};

inline Compiled compile_text(std::string_view text) {
  auto file = std::make_shared<const SourceFile>("rank.flow", std::string(text));
  CompileResult result = compile(*file);
  return {std::move(file), std::move(result)};
}

inline std::vector<std::string> messages(const Compiled& c) {
  std::vector<std::string> out;
  for (auto const& d : c.result.diagnostics) out.push_back(d.message);
  return out;
}

// kRanked with `from` replaced by `to` (once).
inline std::string variant(std::string_view from, std::string_view to) {
  std::string text(kRanked);
  auto const at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace dojang::dsl::rank_testing
