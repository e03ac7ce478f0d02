#pragma once
// The office time zone: a name and a fixed offset from UTC, configured once for the process.
// Only zones without daylight saving time are known (Korea has none since 1988); an unknown
// name is refused rather than guessed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dojang::base {

class TimeZone {
 public:
  // Asia/Seoul, +09:00: the default office zone.
  [[nodiscard]] static TimeZone seoul() { return {"Asia/Seoul", 9 * 3600}; }
  [[nodiscard]] static TimeZone utc() { return {"UTC", 0}; }
  // A known zone by its IANA name ("Asia/Seoul", "UTC", "Etc/UTC", "Asia/Tokyo"); nullopt else.
  [[nodiscard]] static std::optional<TimeZone> named(std::string_view name);
  // The names `named` knows, for messages: "Asia/Seoul, UTC, Etc/UTC, Asia/Tokyo".
  [[nodiscard]] static std::string known_names();

  [[nodiscard]] std::string_view name() const { return m_name; }
  // Seconds east of UTC.
  [[nodiscard]] std::int32_t offset_seconds() const { return m_offset; }
  // "+09:00", "-03:30", "+00:00".
  [[nodiscard]] std::string offset_text() const;

  friend bool operator==(const TimeZone& a, const TimeZone& b) {
    return a.m_name == b.m_name && a.m_offset == b.m_offset;
  }

 private:
  TimeZone(std::string_view name, std::int32_t offset) : m_name(name), m_offset(offset) {}
  std::string_view m_name;  // points into a static table or literal
  std::int32_t m_offset;
};

// The process-wide office zone (Asia/Seoul until set). Set it once at start-up, before threads
// that read it run; reading it is then safe from any thread.
[[nodiscard]] TimeZone office_zone();
void set_office_zone(const TimeZone& zone);
// Sets the office zone by name; false (and the zone unchanged) for an unknown name.
[[nodiscard]] bool set_office_zone(std::string_view name);

}  // namespace dojang::base
