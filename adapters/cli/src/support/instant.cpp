#include "support/instant.hpp"

#include <chrono>

#include "dojang/base/iso8601.hpp"
#include "dojang/base/local_time.hpp"
#include "dojang/base/time_zone.hpp"

namespace dojang::cli {

std::optional<engine::Date> parse_instant(std::string_view text) {
  const auto parsed = base::parse_date_time(text);
  if (!parsed) return std::nullopt;
  return engine::Date{parsed->utc_seconds(base::office_zone())};
}

std::string time_text(engine::Date at) {
  return base::format_readable(at.seconds, base::office_zone());
}

std::string time_json(engine::Date at) {
  return base::format_rfc3339(at.seconds, base::office_zone());
}

engine::Date clock_now() {
  const auto since = std::chrono::system_clock::now().time_since_epoch();
  return engine::Date{std::chrono::duration_cast<std::chrono::seconds>(since).count()};
}

}  // namespace dojang::cli
