#include "instant.hpp"

#include <charconv>
#include <chrono>
#include <cstdint>

namespace dojang::cli {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Hinnant's days_from_civil.
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Civil {
  long long year;
  unsigned month, day;
};

// Hinnant's civil_from_days.
Civil civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {m <= 2 ? y + 1 : y, m, d};
}

// Reads exactly `len` digits at `pos`, advancing it.
bool digits(std::string_view s, std::size_t& pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  pos += len;
  return true;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::optional<long long> day_at(std::string_view s, std::size_t& pos) {
  int y = 0, m = 0, d = 0;
  if (!digits(s, pos, 4, y) || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  if (!digits(s, pos, 2, m) || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  if (!digits(s, pos, 2, d)) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  if (m == 2 && d == 29 && !leap(y)) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// "Z", "+09:00", "+0900", "+09" (or "-..."), as seconds east of UTC.
std::optional<long long> offset_at(std::string_view s, std::size_t& pos) {
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
  return sign * (h * 3600LL + m * 60LL);
}

std::string two(unsigned v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

}  // namespace

std::optional<long long> parse_day_number(std::string_view text) {
  std::size_t pos = 0;
  auto day = day_at(text, pos);
  if (!day || pos != text.size()) return std::nullopt;
  return day;
}

std::optional<engine::Date> parse_instant(std::string_view text) {
  std::size_t pos = 0;
  const auto day = day_at(text, pos);
  if (!day) return std::nullopt;
  long long seconds = *day * kSecondsPerDay;
  if (pos == text.size()) return engine::Date{seconds};
  if (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ') {
    ++pos;
    int h = 0, m = 0, s = 0;
    if (!digits(text, pos, 2, h) || pos >= text.size() || text[pos++] != ':') return std::nullopt;
    if (!digits(text, pos, 2, m)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!digits(text, pos, 2, s)) return std::nullopt;
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        const std::size_t first = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == first) return std::nullopt;
      }
    }
    if (h > 23 || m > 59 || s > 59) return std::nullopt;
    seconds += h * 3600LL + m * 60LL + s;
  }
  if (pos == text.size()) return engine::Date{seconds};
  const auto offset = offset_at(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;
  return engine::Date{seconds - *offset};
}

std::string format_instant(engine::Date at) {
  long long days = at.seconds / kSecondsPerDay;
  long long rest = at.seconds % kSecondsPerDay;
  if (rest < 0) {
    rest += kSecondsPerDay;
    --days;
  }
  const Civil c = civil_from_days(days);
  std::string year = std::to_string(c.year);
  while (year.size() < 4) year.insert(year.begin(), '0');
  return year + "-" + two(c.month) + "-" + two(c.day) + "T" +
         two(static_cast<unsigned>(rest / 3600)) + ":" +
         two(static_cast<unsigned>(rest / 60 % 60)) + ":" + two(static_cast<unsigned>(rest % 60)) +
         "Z";
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
