#pragma once
// Proleptic Gregorian calendar dates and days since 1970-01-01 (Howard Hinnant's algorithms).

#include <cstdint>

namespace dojang::base {

inline constexpr std::int64_t kSecondsPerDay = 86400;

struct CivilDate {
  std::int64_t year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

[[nodiscard]] constexpr bool is_leap_year(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days in `month` (1..12) of `year`; 0 for a month that does not exist.
[[nodiscard]] constexpr unsigned days_in_month(std::int64_t year, unsigned month) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Whether year-month-day names a day of the calendar (2023-02-29 and 2007-13-01 do not).
[[nodiscard]] constexpr bool date_exists(std::int64_t year, unsigned month, unsigned day) {
  return day >= 1 && day <= days_in_month(year, month);
}

// Days since 1970-01-01 of a date; |year| must stay below about 2.5e13.
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

[[nodiscard]] constexpr std::int64_t days_from_civil(const CivilDate& c) {
  return days_from_civil(c.year, c.month, c.day);
}

// The date `z` days after 1970-01-01. Defined for every z whose magnitude is below
// INT64_MAX / 2 (every day of every int64 count of seconds).
[[nodiscard]] constexpr CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}

// Floor division and its remainder in [0, kSecondsPerDay): the day and second of day of a count
// of seconds since 1970-01-01T00:00.
[[nodiscard]] constexpr std::int64_t day_of_seconds(std::int64_t seconds) {
  return seconds / kSecondsPerDay - (seconds % kSecondsPerDay < 0 ? 1 : 0);
}
[[nodiscard]] constexpr std::int64_t second_of_day(std::int64_t seconds) {
  const std::int64_t r = seconds % kSecondsPerDay;
  return r < 0 ? r + kSecondsPerDay : r;
}

}  // namespace dojang::base
