#pragma once
// `MM-DD`, a day of the year, for calendar windows (`open 01-01 .. 02-28`) and rankings
// (`at 11-30`). Attribute: std::pair<int, int> (month, day). With kValidate, a month or day out of
// range is a syntax error here; without it the checker judges the value (and says more).

#include <string>
#include <utility>

#include "grammar/config.hpp"

namespace dojang::dsl::grammar {

template <bool kValidate>
struct month_day_parser : x3::parser<month_day_parser<kValidate>> {
  using attribute_type = std::pair<int, int>;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (last - first < 5 || !is_digit(first[0]) || !is_digit(first[1]) || first[2] != '-' ||
        !is_digit(first[3]) || !is_digit(first[4]) ||
        (last - first > 5 && is_ident_char(first[5]))) {
      return false;
    }
    int const month = (first[0] - '0') * 10 + (first[1] - '0');
    int const day = (first[3] - '0') * 10 + (first[4] - '0');
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (kValidate && (month < 1 || month > 12 || day < 1 || day > kDays[month - 1])) {
      throw SyntaxError{
          first, 5, "'" + std::string(first, first + 5) + "' is not a valid month and day (MM-DD)"};
    }
    x3::traits::move_to(std::pair<int, int>(month, day), attr);
    first += 5;
    return true;
  }
};

}  // namespace dojang::dsl::grammar
