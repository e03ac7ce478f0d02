// Helpers for running rankings: where one is declared, an item's group, the `at` day.

#include "dojang/engine/rank_support.hpp"

#include <cstdint>

#include "runtime_detail.hpp"

namespace dojang::engine {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kKoreaOffset = 9 * 3600;  // Korea Standard Time, no daylight saving

// The Korean calendar day of `at` as YYYYMMDD (Hinnant's civil_from_days).
std::int64_t korean_ymd(Date at) {
  std::int64_t s = at.seconds;
  if (s > INT64_MAX - kKoreaOffset) s = INT64_MAX - kKoreaOffset;
  if (s < INT64_MIN + kSecondsPerDay) s = INT64_MIN + kSecondsPerDay;
  s += kKoreaOffset;
  std::int64_t z = s / kSecondsPerDay - (s % kSecondsPerDay < 0 ? 1 : 0);
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<std::int64_t>(z - era * 146097);
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

}  // namespace

Index ranking_state(const Definition& definition, std::string_view name) {
  for (Index s = 0; s < definition.states.size(); ++s) {
    const auto& ranking = definition.states[s].ranking;
    if (ranking && ranking->name == name) return s;
  }
  return kNone;
}

std::string rank_group_key(const Definition& definition, const RankingDef& ranking,
                           const Instance& instance) {
  if (ranking.group == kNone) return "";
  if (ranking.group >= definition.fields.size()) return "-";
  const Index slot = definition.fields[ranking.group].slot;
  return slot < instance.slots.size() ? detail::plain(instance.slots[slot]) : "-";
}

bool rank_day_reached(const MonthDay& at, Date since, Date now) {
  const std::int64_t today = korean_ymd(now);
  const std::int64_t year = today / 10000;
  const std::int64_t day = at.month * 100 + at.day;
  // The latest `at` day on or before today.
  const std::int64_t latest = (today % 10000 >= day ? year : year - 1) * 10000 + day;
  return latest >= korean_ymd(since) && latest <= today;
}

}  // namespace dojang::engine
