#pragma once
// Instants (seconds since 1970-01-01T00:00:00Z) as a time zone's calendar and clock show them,
// and back. Far-away instants saturate instead of overflowing.

#include <cstdint>
#include <string>

#include "dojang/base/civil.hpp"
#include "dojang/base/time_zone.hpp"

namespace dojang::base {

struct LocalDateTime {
  CivilDate date;
  unsigned hour = 0, minute = 0, second = 0;
  friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

// `utc_seconds` plus the zone's offset, saturated at the ends of int64.
[[nodiscard]] std::int64_t local_seconds(std::int64_t utc_seconds, const TimeZone& zone);
// The UTC instant of a zone's wall-clock reading (seconds since 1970-01-01T00:00 local).
[[nodiscard]] std::int64_t utc_seconds(std::int64_t local_seconds, const TimeZone& zone);

[[nodiscard]] LocalDateTime to_local(std::int64_t utc_seconds, const TimeZone& zone);
// The zone's calendar day of an instant, as days since 1970-01-01.
[[nodiscard]] std::int64_t local_day(std::int64_t utc_seconds, const TimeZone& zone);
// The instant at which the zone's calendar day `day` (days since 1970-01-01) begins.
[[nodiscard]] std::int64_t start_of_local_day(std::int64_t day, const TimeZone& zone);

// "2007-02-06" (years before 1000 zero-padded to four digits, negative years with a '-').
[[nodiscard]] std::string format_date(const CivilDate& date);
// RFC 3339 in the zone with its offset: "2007-02-06T09:30:00+09:00"; a zone at offset 0 ends
// in "Z" ("2007-02-06T00:30:00Z").
[[nodiscard]] std::string format_rfc3339(std::int64_t utc_seconds, const TimeZone& zone);
// For people: the zone's date and clock to the minute, then its offset in parentheses,
// "2007-02-06 09:30 (+09:00)" ("2007-02-06 00:30 (+00:00)" at offset 0). Seconds are dropped.
[[nodiscard]] std::string format_readable(std::int64_t utc_seconds, const TimeZone& zone);

}  // namespace dojang::base
