#include "dojang/base/decimal.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace dojang::base {

namespace {

__extension__ typedef __int128 Wide;  // g++ and clang: exact products of two int64

constexpr Wide kMax = std::numeric_limits<std::int64_t>::max();
constexpr Wide kMin = std::numeric_limits<std::int64_t>::min();

std::optional<Decimal> fits(Wide units) {
  if (units > kMax || units < kMin) return std::nullopt;
  return Decimal::from_units(static_cast<std::int64_t>(units));
}

// q = n / d rounded half away from zero (d > 0).
Wide divide_rounded(Wide n, Wide d) {
  const bool neg = n < 0;
  const Wide m = neg ? -n : n;
  Wide q = m / d;
  const Wide r = m % d;
  if (r >= d - r) ++q;  // r * 2 >= d, without overflow for d up to 10^38
  return neg ? -q : q;
}

// The exact decimal digits of x (shortest round-trip form) as a Wide count of 10^-scale
// units with scale = 4 + extra, for exact rounding; null when too large.
struct Exact {
  Wide mantissa = 0;  // the digits
  int exponent = 0;   // worth mantissa × 10^exponent
};

std::optional<Exact> exact_of(double x) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
  bool neg = false;
  if (!s.empty() && s.front() == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  const std::size_t e = s.find('e');
  if (e == std::string_view::npos) return std::nullopt;
  Exact out;
  int fraction_digits = 0;
  bool after_point = false;
  for (const char c : s.substr(0, e)) {
    if (c == '.') {
      after_point = true;
      continue;
    }
    out.mantissa = out.mantissa * 10 + (c - '0');  // at most 17 digits
    if (after_point) ++fraction_digits;
  }
  std::string_view exp_text = s.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  out.exponent = exponent - fraction_digits;
  if (neg) out.mantissa = -out.mantissa;
  return out;
}

// The value of `e` in 10^-4 units, rounded half away from zero; null when out of range.
std::optional<Decimal> units_of(const Exact& e) {
  const int shift = e.exponent + Decimal::kPlaces;  // units = mantissa × 10^shift
  if (e.mantissa == 0) return Decimal{};
  if (shift >= 0) {
    if (shift > 19) return std::nullopt;
    Wide u = e.mantissa;
    for (int i = 0; i < shift; ++i) {
      u *= 10;
      if (u > kMax || u < kMin) return std::nullopt;
    }
    return fits(u);
  }
  if (-shift > 38) return Decimal{};  // |mantissa| < 2^127 < 10^39: below half a unit
  Wide d = 1;
  for (int i = 0; i < -shift; ++i) d *= 10;
  return fits(divide_rounded(e.mantissa, d));
}

std::string digits_of(std::int64_t units, bool group) {
  const bool neg = units < 0;
  // |units| as unsigned: exact even for the int64 minimum.
  const std::uint64_t m =
      neg ? ~static_cast<std::uint64_t>(units) + 1 : static_cast<std::uint64_t>(units);
  const std::uint64_t whole = m / Decimal::kScale;
  std::uint64_t frac = m % Decimal::kScale;
  std::string w = std::to_string(whole);
  std::string out = neg ? "-" : "";
  if (group) {
    const std::size_t lead = w.size() % 3 == 0 ? 3 : w.size() % 3;
    out += w.substr(0, lead);
    for (std::size_t i = lead; i < w.size(); i += 3) {
      out += ',';
      out += w.substr(i, 3);
    }
  } else {
    out += w;
  }
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, static_cast<std::size_t>(Decimal::kPlaces) - f.size(), '0');
    while (f.back() == '0') f.pop_back();
    out += '.';
    out += f;
  }
  return out;
}

}  // namespace

std::optional<Decimal> Decimal::from_int(std::int64_t whole) {
  return fits(static_cast<Wide>(whole) * kScale);
}

std::optional<Decimal> Decimal::from_double(double x) {
  if (!std::isfinite(x)) return std::nullopt;
  if (x == 0) return Decimal{};
  const auto e = exact_of(x);
  if (!e) return std::nullopt;
  return units_of(*e);
}

std::expected<Decimal, std::string> Decimal::parse(std::string_view text) {
  auto fail = [](std::string why) { return std::unexpected(std::move(why)); };
  std::string_view s = text;
  bool neg = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  const std::size_t point = s.find('.');
  const std::string_view whole = s.substr(0, point);
  const std::string_view frac =
      point == std::string_view::npos ? std::string_view{} : s.substr(point + 1);
  if (whole.empty()) return fail("an amount starts with a digit, like 12 or 0.5");
  constexpr const char* kJunk = "an amount is written with digits only, like 1,000,000 or 12.5";
  constexpr const char* kCommas = "commas go between groups of three digits, like 1,000,000";
  constexpr const char* kTooLarge = "it is too large (at most 922,337,203,685,477)";
  // Digits, with commas (when there are any) between groups of three: 1,000,000.
  Wide w = 0;
  std::size_t group = 0;  // digits since the last comma
  bool comma = false;
  for (const char c : whole) {
    if (c == ',') {
      if (group == 0 || group > 3 || (comma && group != 3)) return fail(kCommas);
      comma = true;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return fail(kJunk);
    w = w * 10 + (c - '0');
    ++group;
    if (w > kMax / kScale + 1) return fail(kTooLarge);
  }
  if (comma && group != 3) return fail(kCommas);
  if (point != std::string_view::npos) {
    if (frac.empty()) return fail("a decimal point needs digits after it, like 12.5");
    if (frac.size() > static_cast<std::size_t>(kPlaces)) {
      for (const char c : frac) {
        if (c < '0' || c > '9') return fail(kJunk);
      }
      return fail("an amount has at most 4 decimal places");
    }
  }
  Wide f = 0;
  for (std::size_t i = 0; i < static_cast<std::size_t>(kPlaces); ++i) {
    char c = '0';
    if (i < frac.size()) c = frac[i];
    if (c < '0' || c > '9') return fail(kJunk);
    f = f * 10 + (c - '0');
  }
  Wide units = w * kScale + f;
  if (neg) units = -units;
  const auto d = fits(units);
  if (!d) return fail(kTooLarge);
  return *d;
}

double Decimal::to_double() const {
  // Correctly rounded for |units| < 2^53: the same double as the decimal text would parse to.
  return static_cast<double>(m_units) / static_cast<double>(kScale);
}

std::optional<Decimal> Decimal::plus(Decimal b) const {
  return fits(static_cast<Wide>(m_units) + b.m_units);
}

std::optional<Decimal> Decimal::minus(Decimal b) const {
  return fits(static_cast<Wide>(m_units) - b.m_units);
}

std::optional<Decimal> Decimal::negated() const {
  return fits(-static_cast<Wide>(m_units));
}

std::optional<Decimal> Decimal::times(double factor) const {
  if (!std::isfinite(factor)) return std::nullopt;
  if (factor == 0 || m_units == 0) return Decimal{};
  const auto e = exact_of(factor);
  if (!e) return std::nullopt;
  // units × mantissa × 10^exponent, exactly, then rounded to whole units.
  Exact product;
  product.mantissa = static_cast<Wide>(m_units) * e->mantissa;  // < 2^63 × 10^17 < 2^127
  product.exponent = e->exponent - kPlaces;
  return units_of(product);
}

std::optional<Decimal> Decimal::divided_by(double divisor) const {
  if (!std::isfinite(divisor) || divisor == 0) return std::nullopt;
  if (m_units == 0) return Decimal{};
  const auto e = exact_of(divisor);
  if (!e) return std::nullopt;
  // units / (mantissa × 10^exponent) = units × 10^-exponent / mantissa.
  Wide n = m_units;
  Wide d = e->mantissa;
  if (d < 0) {
    d = -d;
    n = -n;
  }
  int shift = -e->exponent;
  // Scale n up (or d up) by powers of ten while the 128-bit range allows. n past 2^126 / 10
  // means a quotient above 2^126 / 10^18, far past the int64 range: an overflow.
  constexpr Wide kLimit = static_cast<Wide>(1) << 120;
  constexpr Wide kLimitN = static_cast<Wide>(1) << 126;
  while (shift > 0) {
    if (n > kLimitN / 10 || n < -kLimitN / 10) return std::nullopt;
    n *= 10;
    --shift;
  }
  while (shift < 0) {
    if (d > kLimit / 10) return Decimal{};  // the quotient is far below 10^-4
    d *= 10;
    ++shift;
  }
  return fits(divide_rounded(n, d));
}

std::optional<Decimal> Decimal::rounded(int places) const {
  if (places >= kPlaces) return *this;
  if (places < 0) places = 0;
  Wide step = 1;
  for (int i = places; i < kPlaces; ++i) step *= 10;
  return fits(divide_rounded(m_units, step) * step);
}

std::string Decimal::to_string() const {
  return digits_of(m_units, false);
}

std::string Decimal::grouped() const {
  return digits_of(m_units, true);
}

}  // namespace dojang::base
