#pragma once
// An exact amount with four decimal places (money): an int64 count of 10^-4 units. Sums and
// differences are exact; multiplying or dividing by a number rounds half away from zero to
// four places. Texts: "1000000", "1,000,000", "12.5", "-3" in; "1000000.5" (canonical) and
// "1,000,000.5" (grouped, for people) out.

#include <compare>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace dojang::base {

class Decimal {
 public:
  static constexpr int kPlaces = 4;
  static constexpr std::int64_t kScale = 10000;  // units per 1

  constexpr Decimal() = default;
  // The amount `units` × 10^-4.
  [[nodiscard]] static constexpr Decimal from_units(std::int64_t units) {
    Decimal d;
    d.m_units = units;
    return d;
  }
  // A whole amount; null when it does not fit.
  [[nodiscard]] static std::optional<Decimal> from_int(std::int64_t whole);
  // `x` rounded half away from zero to four places (of its shortest decimal form, so 0.1 is
  // exactly 0.1); null when `x` is not finite or does not fit.
  [[nodiscard]] static std::optional<Decimal> from_double(double x);

  // The text as people write it: optional '-' (or '+'), digits with optional ',' between
  // groups of three, optional '.' and 1 to 4 decimals. The error says why in plain words,
  // without naming the text (the caller says what was given).
  [[nodiscard]] static std::expected<Decimal, std::string> parse(std::string_view text);

  [[nodiscard]] constexpr std::int64_t units() const { return m_units; }
  [[nodiscard]] double to_double() const;
  [[nodiscard]] constexpr bool negative() const { return m_units < 0; }

  // Exact; null on overflow.
  [[nodiscard]] std::optional<Decimal> plus(Decimal b) const;
  [[nodiscard]] std::optional<Decimal> minus(Decimal b) const;
  [[nodiscard]] std::optional<Decimal> negated() const;
  // × and ÷ a number, rounded half away from zero to four places; null on overflow, on a
  // number that is not finite, and on division by zero.
  [[nodiscard]] std::optional<Decimal> times(double factor) const;
  [[nodiscard]] std::optional<Decimal> divided_by(double divisor) const;
  // Rounded half away from zero to `places` (0..4) decimals; null on overflow.
  [[nodiscard]] std::optional<Decimal> rounded(int places) const;

  // "1000000", "12.5", "-0.0001": no grouping, no trailing zeros.
  [[nodiscard]] std::string to_string() const;
  // "1,000,000", "12.5", "-1,234.5": for people.
  [[nodiscard]] std::string grouped() const;

  friend constexpr auto operator<=>(Decimal a, Decimal b) = default;

 private:
  std::int64_t m_units = 0;
};

}  // namespace dojang::base
