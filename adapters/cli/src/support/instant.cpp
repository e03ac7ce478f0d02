#include "support/instant.hpp"

#include <chrono>

#include "dojang/base/civil.hpp"
#include "dojang/base/iso8601.hpp"
#include "dojang/base/local_time.hpp"

namespace dojang::cli {

std::optional<long long> parse_day_number(std::string_view text) {
  const auto date = base::parse_date(text);
  if (!date) return std::nullopt;
  return base::days_from_civil(*date);
}

std::optional<engine::Date> parse_instant(std::string_view text) {
  const auto parsed = base::parse_date_time(text);
  if (!parsed) return std::nullopt;
  // Without an offset the text is read as UTC (not yet office time).
  return engine::Date{parsed->utc_seconds(base::TimeZone::utc())};
}

std::string format_instant(engine::Date at) {
  return base::format_rfc3339(at.seconds, base::TimeZone::utc());
}

std::string format_minute(engine::Date at) {
  std::string text = format_instant(at);  // YYYY-MM-DDTHH:MM:SSZ
  text[10] = ' ';
  return text.substr(0, 16);
}

engine::Date clock_now() {
  const auto since = std::chrono::system_clock::now().time_since_epoch();
  return engine::Date{std::chrono::duration_cast<std::chrono::seconds>(since).count()};
}

}  // namespace dojang::cli
