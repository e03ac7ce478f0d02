#pragma once
// Points in time as people type them on the command line (--now, directory periods) and as the
// commands print them. The CLI is the edge: it is the one place that may read the real clock.

#include <optional>
#include <string>
#include <string_view>

#include "dojang/engine/value.hpp"

namespace dojang::cli {

// ISO 8601: "2007-02-01" (midnight UTC), "2007-02-01T09:30", "2007-02-01T09:30:15",
// "2007-02-01 09:30:15.250" (fractions dropped), each optionally followed by "Z", "+09:00",
// "+0900" or "+09". Without an offset the time is UTC. Nothing else is accepted.
[[nodiscard]] std::optional<engine::Date> parse_instant(std::string_view text);

// A calendar date "YYYY-MM-DD" as the number of days since 1970-01-01.
[[nodiscard]] std::optional<long long> parse_day_number(std::string_view text);

// "2007-02-01T09:30:00Z".
[[nodiscard]] std::string format_instant(engine::Date at);

// "2007-02-01 09:30" (UTC), for tables.
[[nodiscard]] std::string format_minute(engine::Date at);

// The real clock, to the second.
[[nodiscard]] engine::Date clock_now();

}  // namespace dojang::cli
