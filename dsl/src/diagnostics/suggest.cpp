// Edit distance and "did you mean".

#include "dojang/dsl/suggest.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

#include "dojang/dsl/text_width.hpp"

namespace dojang::dsl {

namespace {

// Code points; an invalid byte becomes a value above U+10FFFF so it equals only itself.
std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Unit u = decode_utf8(s, i);
    out.push_back(u.valid ? u.code_point : char32_t{0x110000} + static_cast<unsigned char>(s[i]));
    i += u.length;
  }
  return out;
}

std::size_t distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  // Three rolling rows of the optimal string alignment table.
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(decode_all(a), decode_all(b));
}

std::optional<std::string> did_you_mean(std::string_view name,
                                        std::span<const std::string> candidates) {
  const std::vector<char32_t> wanted = decode_all(name);
  if (wanted.empty()) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, wanted.size() / 3));

  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    if (candidate == name) continue;
    const std::vector<char32_t> have = decode_all(candidate);
    const std::size_t gap =
        have.size() > wanted.size() ? have.size() - wanted.size() : wanted.size() - have.size();
    if (gap >= best_distance) continue;  // cannot be closer than the best so far
    const std::size_t d = distance(wanted, have);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace dojang::dsl
