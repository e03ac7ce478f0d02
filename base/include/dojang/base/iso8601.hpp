#pragma once
// ISO 8601 dates and date-times as people type them. A text in the right shape that names no
// day or time (2023-02-29, 2007-13-01, 24:00) is told apart from one that is not in the shape.

#include <cstdint>
#include <expected>
#include <optional>
#include <string_view>

#include "dojang/base/civil.hpp"
#include "dojang/base/time_zone.hpp"

namespace dojang::base {

enum class DateTextError {
  Malformed,     // not YYYY-MM-DD (or not a date-time) at all
  DoesNotExist,  // the right shape, but no such day (or time of day)
};

// Exactly "YYYY-MM-DD".
[[nodiscard]] std::expected<CivilDate, DateTextError> parse_date(std::string_view text);

struct DateTimeText {
  std::int64_t local_seconds = 0;      // the wall-clock reading, seconds since 1970-01-01T00:00
  std::optional<std::int32_t> offset;  // seconds east of UTC, when the text gave one
  bool has_time = false;               // false for a bare date (midnight)

  // The instant meant: with the text's offset, or else read in `zone`.
  [[nodiscard]] std::int64_t utc_seconds(const TimeZone& zone) const;
};

// "2007-02-01", "2007-02-01T09:30", "2007-02-01T09:30:15", "2007-02-01 09:30:15.250"
// (fractions dropped; 't' and ' ' for 'T'), each optionally followed by "Z", "+09:00", "+0900"
// or "+09" (or '-').
[[nodiscard]] std::expected<DateTimeText, DateTextError> parse_date_time(std::string_view text);

}  // namespace dojang::base
