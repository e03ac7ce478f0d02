#include "dojang/base/iso8601.hpp"

#include "dojang/base/local_time.hpp"

namespace dojang::base {

namespace {

// Reads exactly `len` digits at `pos`, advancing it.
bool digits(std::string_view s, std::size_t& pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  pos += len;
  return true;
}

std::expected<CivilDate, DateTextError> date_at(std::string_view s, std::size_t& pos) {
  int y = 0, m = 0, d = 0;
  if (!digits(s, pos, 4, y) || pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, m) ||
      pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, d)) {
    return std::unexpected(DateTextError::Malformed);
  }
  if (!date_exists(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) {
    return std::unexpected(DateTextError::DoesNotExist);
  }
  return CivilDate{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

// "Z", "+09:00", "+0900", "+09" (or "-..."), as seconds east of UTC.
std::optional<std::int32_t> offset_at(std::string_view s, std::size_t& pos) {
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
    return 0;
  }
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  const int sign = s[pos++] == '-' ? -1 : 1;
  int h = 0, m = 0;
  if (!digits(s, pos, 2, h)) return std::nullopt;
  if (pos < s.size()) {
    if (s[pos] == ':') ++pos;
    if (!digits(s, pos, 2, m)) return std::nullopt;
  }
  if (h > 23 || m > 59) return std::nullopt;
  return sign * (h * 3600 + m * 60);
}

}  // namespace

std::expected<CivilDate, DateTextError> parse_date(std::string_view text) {
  std::size_t pos = 0;
  auto date = date_at(text, pos);
  if (date && pos != text.size()) return std::unexpected(DateTextError::Malformed);
  return date;
}

std::int64_t DateTimeText::utc_seconds(const TimeZone& zone) const {
  if (offset) return local_seconds - *offset;  // four-digit years: no overflow
  return base::utc_seconds(local_seconds, zone);
}

std::expected<DateTimeText, DateTextError> parse_date_time(std::string_view text) {
  std::size_t pos = 0;
  const auto date = date_at(text, pos);
  if (!date && date.error() == DateTextError::Malformed) return std::unexpected(date.error());
  // A date that does not exist is reported only once the rest is known to be well formed.
  DateTimeText out;
  bool time_exists = true;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ')) {
    ++pos;
    int h = 0, m = 0, s = 0;
    if (!digits(text, pos, 2, h) || pos >= text.size() || text[pos++] != ':' ||
        !digits(text, pos, 2, m)) {
      return std::unexpected(DateTextError::Malformed);
    }
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!digits(text, pos, 2, s)) return std::unexpected(DateTextError::Malformed);
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        const std::size_t first = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == first) return std::unexpected(DateTextError::Malformed);
      }
    }
    time_exists = h <= 23 && m <= 59 && s <= 59;
    out.has_time = true;
    out.local_seconds = h * 3600LL + m * 60LL + s;
  }
  if (pos < text.size()) {
    out.offset = offset_at(text, pos);
    if (!out.offset || pos != text.size()) return std::unexpected(DateTextError::Malformed);
  }
  if (!date || !time_exists) return std::unexpected(DateTextError::DoesNotExist);
  out.local_seconds += days_from_civil(*date) * kSecondsPerDay;
  return out;
}

}  // namespace dojang::base
