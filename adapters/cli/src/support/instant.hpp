#pragma once
// Points in time as people type them on the command line (--now) and as the commands print
// them: always in the office time zone (base::office_zone(), Asia/Seoul unless --zone or
// DOJANG_ZONE names another). The store and the engine keep UTC seconds; only this edge turns
// them into text. The CLI is also the one place that may read the real clock.

#include <optional>
#include <string>
#include <string_view>

#include "dojang/engine/value.hpp"

namespace dojang::cli {

// ISO 8601: "2007-02-01" (midnight), "2007-02-01T09:30", "2007-02-01T09:30:15",
// "2007-02-01 09:30:15.250" (fractions dropped), each optionally followed by "Z", "+09:00",
// "+0900" or "+09". Without an offset the text is office time; with one, as written.
[[nodiscard]] std::optional<engine::Date> parse_instant(std::string_view text);

// For people (text output, tables, messages): "2007-02-01 18:30 (+09:00)".
[[nodiscard]] std::string time_text(engine::Date at);

// For machines (--json): RFC 3339 with the office zone's offset, "2007-02-01T18:30:00+09:00"
// ("...Z" when the office zone is UTC).
[[nodiscard]] std::string time_json(engine::Date at);

// The real clock, to the second.
[[nodiscard]] engine::Date clock_now();

}  // namespace dojang::cli
