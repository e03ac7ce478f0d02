#include "dojang/base/time_zone.hpp"

#include <atomic>
#include <cstdlib>

namespace dojang::base {

namespace {

struct Known {
  std::string_view name;
  std::int32_t offset;
};

// Zones with one offset all year. Index 0 is the default office zone.
constexpr Known kKnown[] = {
    {"Asia/Seoul", 9 * 3600},
    {"UTC", 0},
    {"Etc/UTC", 0},
    {"Asia/Tokyo", 9 * 3600},
};

std::atomic<std::size_t> g_office{0};

std::optional<std::size_t> index_of(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kKnown); ++i) {
    if (kKnown[i].name == name) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<TimeZone> TimeZone::named(std::string_view name) {
  const auto i = index_of(name);
  if (!i) return std::nullopt;
  return TimeZone{kKnown[*i].name, kKnown[*i].offset};
}

std::string TimeZone::known_names() {
  std::string out;
  for (const Known& k : kKnown) {
    if (!out.empty()) out += ", ";
    out += k.name;
  }
  return out;
}

std::string TimeZone::offset_text() const {
  const std::int32_t a = std::abs(m_offset) / 60;
  const std::int32_t h = a / 60, m = a % 60;
  std::string out(1, m_offset < 0 ? '-' : '+');
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + m / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

TimeZone office_zone() {
  const Known& k = kKnown[g_office.load(std::memory_order_acquire)];
  return *TimeZone::named(k.name);
}

void set_office_zone(const TimeZone& zone) {
  // Every TimeZone comes from the table (the constructor is private).
  if (const auto i = index_of(zone.name())) g_office.store(*i, std::memory_order_release);
}

bool set_office_zone(std::string_view name) {
  const auto i = index_of(name);
  if (!i) return false;
  g_office.store(*i, std::memory_order_release);
  return true;
}

}  // namespace dojang::base
