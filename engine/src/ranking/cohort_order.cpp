// Ordering a cohort: keys compared with null last, competition places, bands by place, and the
// check that refuses a tie across a band boundary.

#include "ranking/cohort_order.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "apply/runtime_detail.hpp"

namespace dojang::engine::detail {

namespace {

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Ascending comparison of two non-null values of one static type; values that cannot be
// ordered (lists, mixed types) count as equal.
int compare_ascending(const Value& a, const Value& b) {
  if (const double* x = a.as_number(); x != nullptr) {
    if (const double* y = b.as_number()) return three_way(*x, *y);
  }
  if (const Decimal* x = a.as_money(); x != nullptr) {
    if (const Decimal* y = b.as_money()) return three_way(*x, *y);
  }
  if (const std::string* x = a.as_text(); x != nullptr) {
    if (const std::string* y = b.as_text()) return three_way(*x, *y);
  }
  if (const Date* x = a.as_date(); x != nullptr) {
    if (const Date* y = b.as_date()) return three_way(x->seconds, y->seconds);
  }
  if (const Duration* x = a.as_duration(); x != nullptr) {
    if (const Duration* y = b.as_duration()) return three_way(x->seconds, y->seconds);
  }
  if (const bool* x = a.as_bool(); x != nullptr) {
    if (const bool* y = b.as_bool()) return three_way(*x, *y);
  }
  return 0;
}

int compare_keys(const RankingDef& ranking, const RankEntry& a, const RankEntry& b) {
  for (std::size_t k = 0; k < ranking.order.size(); ++k) {
    const Value none;
    const Value& x = k < a.keys.size() ? a.keys[k] : none;
    const Value& y = k < b.keys.size() ? b.keys[k] : none;
    if (const int c = compare_key(x, y, ranking.order[k].descending); c != 0) return c;
  }
  return 0;
}

// Between items equal on every key: the earlier started first, then the smaller id.
bool earlier(const RankEntry& a, const RankEntry& b) {
  if (a.instance->created_at != b.instance->created_at)
    return a.instance->created_at < b.instance->created_at;
  return a.instance->id < b.instance->id;
}

struct BandRange {
  int first = 1, last = std::numeric_limits<int>::max();  // places, inclusive
};

std::vector<BandRange> band_ranges(const RankingDef& ranking) {
  std::vector<BandRange> out;
  int taken = 0;
  for (const RankBand& b : ranking.bands) {
    BandRange r;
    r.first = taken + 1;
    if (b.count > 0) {
      r.last = taken + b.count;
      taken = r.last;
    } else {
      taken = std::numeric_limits<int>::max() - 1;  // `rest` takes the others
    }
    out.push_back(r);
  }
  return out;
}

Index band_of(const std::vector<BandRange>& ranges, int place) {
  for (Index b = 0; b < ranges.size(); ++b) {
    if (ranges[b].first <= place && place <= ranges[b].last) return b;
  }
  return kNone;
}

std::string band_text(const Definition& def, const RankingDef& ranking, Index band) {
  if (band == kNone) return "the items that stay where they are (after every band)";
  const RankBand& b = ranking.bands[band];
  const std::string places =
      b.count > 0 ? std::to_string(b.count) + (b.count == 1 ? " place" : " places") : "the rest";
  if (b.target >= def.states.size()) return places;
  const StateDef& s = def.states[b.target];
  if (s.label.empty() || s.label == s.name) return s.name + " (" + places + ")";
  return s.label + " (" + s.name + ", " + places + ")";
}

std::string keys_text(const RankingDef& ranking, const RankEntry& e) {
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < ranking.order.size() && k < e.keys.size(); ++k)
    parts.push_back(ranking.order[k].source + " = " + plain(e.keys[k]));
  return join(parts, ", ");
}

// `ties refuse`: items equal on every key at positions [from, to) that a band boundary cuts.
std::optional<Refusal> cut_tie(const Definition& def, const RankingDef& ranking,
                               std::span<const RankEntry> entries,
                               const std::vector<Placement>& order, std::size_t from,
                               std::size_t to) {
  const std::vector<BandRange> ranges = band_ranges(ranking);
  const Index first_band = band_of(ranges, static_cast<int>(from) + 1);
  const Index last_band = band_of(ranges, static_cast<int>(to));
  if (first_band == last_band) return std::nullopt;
  std::vector<std::string> ids;
  for (std::size_t i = from; i < to; ++i) ids.push_back(entries[order[i].entry].instance->id);
  const RankEntry& sample = entries[order[from].entry];
  return Refusal{
      Refusal::Code::Tie,
      "a tie at place " + std::to_string(order[from].place) + ": " + join(ids, ", ") +
          " are equal on every key (" + keys_text(ranking, sample) + "), and the line between " +
          band_text(def, ranking, first_band) + " and " + band_text(def, ranking, last_band) +
          " runs between them; ranking " + quoted(ranking.name) +
          " has `ties refuse`, so a person must break the tie (correct a value) before it runs"};
}

}  // namespace

int compare_key(const Value& a, const Value& b, bool descending) {
  if (a.is_null() || b.is_null()) return three_way(a.is_null(), b.is_null());
  const int c = compare_ascending(a, b);
  return descending ? -c : c;
}

std::expected<std::vector<Placement>, Refusal> place_entries(const Definition& def,
                                                             const RankingDef& ranking,
                                                             std::span<const RankEntry> entries) {
  std::vector<std::size_t> idx(entries.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    if (const int c = compare_keys(ranking, entries[a], entries[b]); c != 0) return c < 0;
    return earlier(entries[a], entries[b]);
  });

  const bool distinct = ranking.ties == TieRule::Earliest;
  std::vector<Placement> order;
  order.reserve(idx.size());
  for (std::size_t i = 0; i < idx.size(); ++i) {
    const bool shares =
        !distinct && i > 0 && compare_keys(ranking, entries[idx[i - 1]], entries[idx[i]]) == 0;
    order.push_back({idx[i], shares ? order.back().place : static_cast<int>(i) + 1, kNone});
  }

  if (ranking.ties == TieRule::Refuse) {
    for (std::size_t from = 0; from < order.size();) {
      std::size_t to = from + 1;
      while (to < order.size() && order[to].place == order[from].place) ++to;
      if (to - from > 1) {
        if (auto r = cut_tie(def, ranking, entries, order, from, to)) return std::unexpected(*r);
      }
      from = to;
    }
  }

  const std::vector<BandRange> ranges = band_ranges(ranking);
  for (Placement& p : order) p.band = band_of(ranges, p.place);
  return order;
}

}  // namespace dojang::engine::detail
