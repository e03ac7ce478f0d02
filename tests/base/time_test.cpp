// base: the civil calendar, the office zone, RFC 3339 and ISO 8601 text.

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "dojang/base/civil.hpp"
#include "dojang/base/iso8601.hpp"
#include "dojang/base/local_time.hpp"
#include "dojang/base/time_zone.hpp"

namespace dojang::base {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(Civil, LeapYears) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_TRUE(is_leap_year(-4));
  EXPECT_EQ(days_in_month(2024, 2), 29u);
  EXPECT_EQ(days_in_month(2100, 2), 28u);
  EXPECT_EQ(days_in_month(2007, 13), 0u);
  EXPECT_TRUE(date_exists(2000, 2, 29));
  EXPECT_FALSE(date_exists(2023, 2, 29));
}

TEST(Civil, DaysRoundTrip) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(civil_from_days(-1), (CivilDate{1969, 12, 31}));
  EXPECT_EQ(civil_from_days(11016), (CivilDate{2000, 2, 29}));
  for (std::int64_t z = -800000; z <= 800000; z += 997) {
    EXPECT_EQ(days_from_civil(civil_from_days(z)), z);
  }
}

TEST(Civil, FloorDivisionOfSeconds) {
  EXPECT_EQ(day_of_seconds(-1), -1);
  EXPECT_EQ(second_of_day(-1), 86399);
  EXPECT_EQ(day_of_seconds(86400), 1);
  EXPECT_EQ(second_of_day(0), 0);
}

TEST(TimeZone, SeoulIsTheDefaultOfficeZone) {
  EXPECT_EQ(office_zone(), TimeZone::seoul());
  EXPECT_EQ(office_zone().name(), "Asia/Seoul");
  EXPECT_EQ(office_zone().offset_seconds(), 9 * 3600);
  EXPECT_EQ(office_zone().offset_text(), "+09:00");
  EXPECT_EQ(TimeZone::utc().offset_text(), "+00:00");
}

TEST(TimeZone, UnknownNamesAreRefused) {
  EXPECT_FALSE(TimeZone::named("Mars/Olympus"));
  EXPECT_FALSE(TimeZone::named("asia/seoul"));
  EXPECT_FALSE(set_office_zone("KST"));
  EXPECT_EQ(office_zone(), TimeZone::seoul());
  ASSERT_TRUE(set_office_zone("UTC"));
  EXPECT_EQ(office_zone(), TimeZone::utc());
  set_office_zone(TimeZone::seoul());
  EXPECT_EQ(office_zone(), TimeZone::seoul());
}

TEST(LocalTime, YearEndsAcrossTheOffset) {
  const TimeZone seoul = TimeZone::seoul();
  // 2006-12-31T15:00:00Z is midnight of New Year's Day in Seoul.
  const std::int64_t new_year = days_from_civil(2006, 12, 31) * kSecondsPerDay + 15 * 3600;
  EXPECT_EQ(to_local(new_year, seoul), (LocalDateTime{{2007, 1, 1}, 0, 0, 0}));
  EXPECT_EQ(to_local(new_year - 1, seoul), (LocalDateTime{{2006, 12, 31}, 23, 59, 59}));
  EXPECT_EQ(local_day(new_year, seoul), days_from_civil(2007, 1, 1));
  EXPECT_EQ(start_of_local_day(days_from_civil(2007, 1, 1), seoul), new_year);
  EXPECT_EQ(format_rfc3339(new_year, seoul), "2007-01-01T00:00:00+09:00");
  EXPECT_EQ(format_rfc3339(new_year, TimeZone::utc()), "2006-12-31T15:00:00Z");
}

TEST(TimeZone, KnownNamesListsEveryNamedZone) {
  EXPECT_EQ(TimeZone::known_names(), "Asia/Seoul, UTC, Etc/UTC, Asia/Tokyo");
}

TEST(LocalTime, ReadableTextIsTheZonesClockWithItsOffset) {
  // 2007-02-05T09:00:00Z is 18:00 in Seoul.
  const std::int64_t at = days_from_civil(2007, 2, 5) * kSecondsPerDay + 9 * 3600 + 30;
  EXPECT_EQ(format_readable(at, TimeZone::seoul()), "2007-02-05 18:00 (+09:00)");
  EXPECT_EQ(format_readable(at, TimeZone::utc()), "2007-02-05 09:00 (+00:00)");
  // Across midnight: 15:00Z is the next day in Seoul.
  EXPECT_EQ(format_readable(at + 6 * 3600, TimeZone::seoul()), "2007-02-06 00:00 (+09:00)");
  EXPECT_EQ(format_readable(-1, TimeZone::utc()), "1969-12-31 23:59 (+00:00)");
}

TEST(LocalTime, NegativeInstants) {
  const TimeZone seoul = TimeZone::seoul();
  EXPECT_EQ(format_rfc3339(-1, TimeZone::utc()), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_rfc3339(-9 * 3600, seoul), "1970-01-01T00:00:00+09:00");
  EXPECT_EQ(format_rfc3339(-9 * 3600 - 1, seoul), "1969-12-31T23:59:59+09:00");
  EXPECT_EQ(format_date({-1, 3, 4}), "-0001-03-04");
  EXPECT_EQ(format_date({987, 3, 4}), "0987-03-04");
}

TEST(LocalTime, FarAwayInstantsSaturate) {
  const TimeZone seoul = TimeZone::seoul();
  EXPECT_EQ(local_seconds(kMax, seoul), kMax);
  EXPECT_EQ(utc_seconds(kMin, seoul), kMin);
  const LocalDateTime last = to_local(kMax, seoul);
  EXPECT_EQ(last.date.year, 292277026596);
  const LocalDateTime first = to_local(kMin, seoul);
  EXPECT_LT(first.date.year, -292277000000);
  EXPECT_FALSE(format_rfc3339(kMax, seoul).empty());
  EXPECT_FALSE(format_rfc3339(kMin, TimeZone::utc()).empty());
  EXPECT_EQ(start_of_local_day(kMax / 10, seoul), kMax);
  EXPECT_EQ(start_of_local_day(kMin / 10, seoul), kMin);
}

TEST(Iso8601, Dates) {
  EXPECT_EQ(parse_date("2007-02-06"), (CivilDate{2007, 2, 6}));
  EXPECT_EQ(parse_date("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(parse_date("2023-02-29").error(), DateTextError::DoesNotExist);
  EXPECT_EQ(parse_date("2007-13-01").error(), DateTextError::DoesNotExist);
  EXPECT_EQ(parse_date("2007-04-31").error(), DateTextError::DoesNotExist);
  EXPECT_EQ(parse_date("2007-00-10").error(), DateTextError::DoesNotExist);
  EXPECT_EQ(parse_date("2007-2-6").error(), DateTextError::Malformed);
  EXPECT_EQ(parse_date("2007-02-06x").error(), DateTextError::Malformed);
  EXPECT_EQ(parse_date("").error(), DateTextError::Malformed);
  EXPECT_EQ(parse_date("tomorrow").error(), DateTextError::Malformed);
  EXPECT_EQ(parse_date("2007-02-06T09:00").error(), DateTextError::Malformed);
}

TEST(Iso8601, DateTimes) {
  const std::int64_t day = days_from_civil(2007, 2, 6) * kSecondsPerDay;
  auto t = parse_date_time("2007-02-06T09:30:00+09:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->utc_seconds(TimeZone::utc()), day + 30 * 60);
  t = parse_date_time("2007-02-06 09:30:15.250");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->offset);
  EXPECT_TRUE(t->has_time);
  EXPECT_EQ(t->utc_seconds(TimeZone::utc()), day + 9 * 3600 + 30 * 60 + 15);
  EXPECT_EQ(t->utc_seconds(TimeZone::seoul()), day + 30 * 60 + 15);
  t = parse_date_time("2007-02-06");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->has_time);
  EXPECT_EQ(t->utc_seconds(TimeZone::utc()), day);
  EXPECT_EQ(parse_date_time("2007-02-06T09:30Z")->utc_seconds(TimeZone::seoul()),
            day + 9 * 3600 + 30 * 60);
  EXPECT_EQ(parse_date_time("2007-02-06T09:30-0130")->offset, -90 * 60);
  EXPECT_EQ(parse_date_time("2007-02-06T09+09").error(), DateTextError::Malformed);
  EXPECT_EQ(parse_date_time("2007-02-06T09:30+24:00").error(), DateTextError::Malformed);
  EXPECT_EQ(parse_date_time("2007-02-06T24:00").error(), DateTextError::DoesNotExist);
  EXPECT_EQ(parse_date_time("2023-02-29T10:00+09:00").error(), DateTextError::DoesNotExist);
  EXPECT_EQ(parse_date_time("2023-02-29T10:00 and more").error(), DateTextError::Malformed);
}

TEST(Iso8601, RoundTripThroughRfc3339) {
  const std::int64_t at = days_from_civil(2007, 2, 6) * kSecondsPerDay + 30 * 60;
  const std::string text = format_rfc3339(at, TimeZone::seoul());
  EXPECT_EQ(text, "2007-02-06T09:30:00+09:00");
  EXPECT_EQ(parse_date_time(text)->utc_seconds(TimeZone::utc()), at);
}

}  // namespace
}  // namespace dojang::base
