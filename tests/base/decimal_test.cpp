// base::Decimal: exact amounts with four decimal places.

#include "dojang/base/decimal.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace dojang::base {
namespace {

Decimal parsed(std::string_view text) {
  const auto d = Decimal::parse(text);
  EXPECT_TRUE(d.has_value()) << text << ": " << (d ? "" : d.error());
  return d.value_or(Decimal{});
}

std::string why(std::string_view text) {
  const auto d = Decimal::parse(text);
  EXPECT_FALSE(d.has_value()) << text << " parsed as " << (d ? d->to_string() : "");
  return d ? "" : d.error();
}

TEST(Decimal, ParsesWhatPeopleWrite) {
  EXPECT_EQ(parsed("1000000").units(), 1000000 * Decimal::kScale);
  EXPECT_EQ(parsed("1,000,000"), parsed("1000000"));
  EXPECT_EQ(parsed("12.5").units(), 125000);
  EXPECT_EQ(parsed("-3").units(), -30000);
  EXPECT_EQ(parsed("+3"), parsed("3"));
  EXPECT_EQ(parsed("0.0001").units(), 1);
  EXPECT_EQ(parsed("1,234.5678").units(), 12345678);
  EXPECT_EQ(parsed("0").units(), 0);
  EXPECT_EQ(parsed("-0").units(), 0);
  EXPECT_EQ(parsed("922,337,203,685,477").units(), 922337203685477 * Decimal::kScale);
  EXPECT_EQ(parsed("922337203685477.5807").units(), std::numeric_limits<std::int64_t>::max());
}

TEST(Decimal, RefusesWithAReason) {
  EXPECT_EQ(why("1.23456"), "an amount has at most 4 decimal places");
  EXPECT_EQ(why("abc"), "an amount is written with digits only, like 1,000,000 or 12.5");
  EXPECT_EQ(why("12a"), "an amount is written with digits only, like 1,000,000 or 12.5");
  EXPECT_EQ(why("1.2.3"), "an amount is written with digits only, like 1,000,000 or 12.5");
  EXPECT_EQ(why("1e6"), "an amount is written with digits only, like 1,000,000 or 12.5");
  EXPECT_EQ(why(""), "an amount starts with a digit, like 12 or 0.5");
  EXPECT_EQ(why("-"), "an amount starts with a digit, like 12 or 0.5");
  EXPECT_EQ(why(".5"), "an amount starts with a digit, like 12 or 0.5");
  EXPECT_EQ(why("12."), "a decimal point needs digits after it, like 12.5");
  EXPECT_EQ(why("1,00"), "commas go between groups of three digits, like 1,000,000");
  EXPECT_EQ(why("1,0000"), "commas go between groups of three digits, like 1,000,000");
  EXPECT_EQ(why("1000,000"), "commas go between groups of three digits, like 1,000,000");
  EXPECT_EQ(why(",100"), "commas go between groups of three digits, like 1,000,000");
  EXPECT_EQ(why("1,,000"), "commas go between groups of three digits, like 1,000,000");
  EXPECT_EQ(why("922337203685478"), "it is too large (at most 922,337,203,685,477)");
  EXPECT_EQ(why("922337203685477.5808"), "it is too large (at most 922,337,203,685,477)");
  EXPECT_EQ(why("99999999999999999999999999"), "it is too large (at most 922,337,203,685,477)");
}

TEST(Decimal, SumsAreExact) {
  Decimal total;
  for (int i = 0; i < 3; ++i) total = *total.plus(parsed("0.1"));
  EXPECT_EQ(total, parsed("0.3"));
  EXPECT_EQ(total.to_string(), "0.3");
  EXPECT_EQ(parsed("0.3").minus(parsed("0.1"))->to_string(), "0.2");
  EXPECT_EQ(parsed("5").minus(parsed("7.25"))->to_string(), "-2.25");
  const Decimal max = Decimal::from_units(std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(max.plus(Decimal::from_units(1)));
  EXPECT_FALSE(
      Decimal::from_units(std::numeric_limits<std::int64_t>::min()).minus(Decimal::from_units(1)));
  EXPECT_FALSE(Decimal::from_units(std::numeric_limits<std::int64_t>::min()).negated());
  EXPECT_EQ(parsed("12.5").negated()->to_string(), "-12.5");
}

TEST(Decimal, ComparesExactly) {
  EXPECT_LT(parsed("0.1"), parsed("0.1001"));
  EXPECT_GT(parsed("1,000,000"), parsed("999,999.9999"));
  EXPECT_EQ(parsed("1.10"), parsed("1.1"));
  EXPECT_LT(parsed("-1"), parsed("0"));
}

TEST(Decimal, MultiplyAndDivideRoundHalfAwayFromZero) {
  EXPECT_EQ(parsed("1000000").times(0.1)->to_string(), "100000");
  EXPECT_EQ(parsed("0.0001").times(0.5)->to_string(), "0.0001");    // 0.00005 → up
  EXPECT_EQ(parsed("-0.0001").times(0.5)->to_string(), "-0.0001");  // away from zero
  EXPECT_EQ(parsed("0.0001").times(0.4)->to_string(), "0");
  EXPECT_EQ(parsed("1.0005").times(0.5)->to_string(), "0.5003");  // 0.50025
  EXPECT_EQ(parsed("3").times(1.1)->to_string(),
            "3.3");  // 1.1 as written, not 1.1000000000000000888
  EXPECT_EQ(parsed("12.5").times(-2)->to_string(), "-25");
  EXPECT_EQ(parsed("10").divided_by(3)->to_string(), "3.3333");
  EXPECT_EQ(parsed("20").divided_by(3)->to_string(), "6.6667");
  EXPECT_EQ(parsed("-20").divided_by(3)->to_string(), "-6.6667");
  EXPECT_EQ(parsed("1").divided_by(-8)->to_string(), "-0.125");
  EXPECT_EQ(parsed("0.0001").divided_by(2)->to_string(), "0.0001");  // 0.00005 → up
  EXPECT_EQ(parsed("1000000").divided_by(0.001)->to_string(), "1000000000");
  EXPECT_EQ(parsed("1").divided_by(1e30)->to_string(), "0");
  EXPECT_FALSE(parsed("1").divided_by(0));
  EXPECT_FALSE(parsed("1").times(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(parsed("922,337,203,685,477").times(2));
  EXPECT_FALSE(parsed("1").divided_by(1e-30));
  // Large amounts by factors with many digits: exact to the unit, no false overflow.
  const Decimal max = Decimal::from_units(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(max.times(1.2345678901234568e-15)->units(), 11387);
  EXPECT_EQ(parsed("100000000000000").divided_by(1.2345678901234567)->to_string(),
            "81000000729000.0125");
  EXPECT_EQ(max.divided_by(1.0000000000000002)->units(), 9223372036854773962);
}

TEST(Decimal, RoundsToFewerPlaces) {
  EXPECT_EQ(parsed("2.5").rounded(0)->to_string(), "3");
  EXPECT_EQ(parsed("-2.5").rounded(0)->to_string(), "-3");
  EXPECT_EQ(parsed("1.005").rounded(2)->to_string(), "1.01");
  EXPECT_EQ(parsed("1.2344").rounded(3)->to_string(), "1.234");
  EXPECT_EQ(parsed("1.2344").rounded(4)->to_string(), "1.2344");
}

TEST(Decimal, FromNumbers) {
  EXPECT_EQ(Decimal::from_double(0.1)->to_string(), "0.1");
  EXPECT_EQ(Decimal::from_double(1000000)->to_string(), "1000000");
  EXPECT_EQ(Decimal::from_double(0.00005)->to_string(), "0.0001");
  EXPECT_EQ(Decimal::from_double(-0.00005)->to_string(), "-0.0001");
  EXPECT_EQ(Decimal::from_double(1e-9)->to_string(), "0");
  EXPECT_FALSE(Decimal::from_double(1e300));
  EXPECT_FALSE(Decimal::from_double(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_EQ(Decimal::from_int(-7)->to_string(), "-7");
  EXPECT_FALSE(Decimal::from_int(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(parsed("12.5").to_double(), 12.5);
  EXPECT_EQ(parsed("0.1").to_double(), 0.1);
}

TEST(Decimal, TextsForMachinesAndForPeople) {
  EXPECT_EQ(parsed("1,000,000").to_string(), "1000000");
  EXPECT_EQ(parsed("1000000").grouped(), "1,000,000");
  EXPECT_EQ(parsed("100000").grouped(), "100,000");
  EXPECT_EQ(parsed("999").grouped(), "999");
  EXPECT_EQ(parsed("1234.5").grouped(), "1,234.5");
  EXPECT_EQ(parsed("-1234567.0001").grouped(), "-1,234,567.0001");
  EXPECT_EQ(parsed("12.50").to_string(), "12.5");
  EXPECT_EQ(parsed("0.05").to_string(), "0.05");
  EXPECT_EQ(Decimal::from_units(std::numeric_limits<std::int64_t>::min()).to_string(),
            "-922337203685477.5808");
  // Every canonical text parses back to the same amount.
  for (const char* t : {"0", "0.0001", "-0.5", "123456789.1234", "922337203685477.5807"}) {
    EXPECT_EQ(parsed(parsed(t).to_string()), parsed(t));
    EXPECT_EQ(parsed(parsed(t).grouped()), parsed(t));
  }
}

}  // namespace
}  // namespace dojang::base
