#pragma once
// Coverage of a decision table whose cells are constant tests: which inputs no row matches
// (gaps) and which inputs two rows both match (overlaps). The DSL checker reports them for
// `unique` tables. Pure and exact for interval and set tests.

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace dojang::engine {

// A range of numbers; an infinite end is never part of it, whatever its flag says.
struct Interval {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false, hi_open = false;
};

// The test of one cell (one row, one input column).
struct CellTest {
  // Opaque: not a constant test; the column's gaps cannot be known.
  enum class Kind : std::uint8_t { Any, Interval, Set, Opaque } kind = Kind::Any;
  Interval interval;             // Kind::Interval (numbers, also scores and money)
  std::vector<std::string> set;  // Kind::Set: allowed values (texts, one_of values, "true"/"false";
                                 // for numbers their decimal text)
};

// What one input column may hold.
struct ColumnDomain {
  std::string name;  // for the examples: "average = 55"
  enum class Kind : std::uint8_t { Number, Enum, Text, Bool } kind = Kind::Number;
  Interval range;                   // Number: the possible range (a score 0..100), or everything
  std::vector<std::string> values;  // Enum: every possible value; Bool: {"false", "true"}
};

struct TableCoverage {
  // Example inputs that no row matches, e.g. "average in [60, 70)" or
  // "average in [95, 100], kind = \"new\""; at most kMaxGaps.
  std::vector<std::string> gaps;
  // Pairs of row indexes (0-based, first < second) that both match some input; each pair once,
  // sorted. overlap_examples[i] is one such input for overlaps[i].
  std::vector<std::pair<std::uint32_t, std::uint32_t>> overlaps;
  std::vector<std::string> overlap_examples;
  // False when a cell is Opaque (or does not fit its column's kind), or when there are too many
  // combinations to enumerate: then no gaps are reported. Overlaps are still reported between
  // rows whose cells are all constant.
  bool complete = true;
};

inline constexpr std::size_t kMaxGaps = 5;
inline constexpr std::size_t kMaxCoveragePoints = 200000;

// Rows with fewer cells than columns are padded with Any; extra cells are ignored.
[[nodiscard]] TableCoverage analyse_table(const std::vector<ColumnDomain>& columns,
                                          const std::vector<std::vector<CellTest>>& rows);

}  // namespace dojang::engine
