#include "dojang/base/local_time.hpp"

#include <limits>

namespace dojang::base {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  if (b > 0 && a > kMax - b) return kMax;
  if (b < 0 && a < kMin - b) return kMin;
  return a + b;
}

void append_padded(std::string& out, std::int64_t v, int width) {
  std::string digits;
  if (v < 0) {
    out += '-';
    // -(v + 1) + 1 avoids negating INT64_MIN; years are far from it anyway.
    digits = std::to_string(static_cast<std::uint64_t>(-(v + 1)) + 1);
  } else {
    digits = std::to_string(v);
  }
  for (int i = static_cast<int>(digits.size()); i < width; ++i) out += '0';
  out += digits;
}

}  // namespace

std::int64_t local_seconds(std::int64_t utc, const TimeZone& zone) {
  return saturating_add(utc, zone.offset_seconds());
}

std::int64_t utc_seconds(std::int64_t local, const TimeZone& zone) {
  return saturating_add(local, -static_cast<std::int64_t>(zone.offset_seconds()));
}

LocalDateTime to_local(std::int64_t utc, const TimeZone& zone) {
  const std::int64_t s = local_seconds(utc, zone);
  const std::int64_t rest = second_of_day(s);
  return {civil_from_days(day_of_seconds(s)), static_cast<unsigned>(rest / 3600),
          static_cast<unsigned>(rest / 60 % 60), static_cast<unsigned>(rest % 60)};
}

std::int64_t local_day(std::int64_t utc, const TimeZone& zone) {
  return day_of_seconds(local_seconds(utc, zone));
}

std::int64_t start_of_local_day(std::int64_t day, const TimeZone& zone) {
  constexpr std::int64_t kLastDay = kMax / kSecondsPerDay, kFirstDay = kMin / kSecondsPerDay;
  if (day > kLastDay) return kMax;
  if (day < kFirstDay) return kMin;
  return utc_seconds(day * kSecondsPerDay, zone);
}

std::string format_date(const CivilDate& date) {
  std::string out;
  append_padded(out, date.year, 4);
  out += '-';
  append_padded(out, date.month, 2);
  out += '-';
  append_padded(out, date.day, 2);
  return out;
}

std::string format_rfc3339(std::int64_t utc, const TimeZone& zone) {
  const LocalDateTime t = to_local(utc, zone);
  std::string out = format_date(t.date);
  out += 'T';
  append_padded(out, t.hour, 2);
  out += ':';
  append_padded(out, t.minute, 2);
  out += ':';
  append_padded(out, t.second, 2);
  out += zone.offset_seconds() == 0 ? std::string("Z") : zone.offset_text();
  return out;
}

std::string format_readable(std::int64_t utc, const TimeZone& zone) {
  const LocalDateTime t = to_local(utc, zone);
  std::string out = format_date(t.date);
  out += ' ';
  append_padded(out, t.hour, 2);
  out += ':';
  append_padded(out, t.minute, 2);
  out += " (" + zone.offset_text() + ")";
  return out;
}

}  // namespace dojang::base
