#include "dojang/engine/table_coverage.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace dojang::engine {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
using Column = ColumnDomain::Kind;

bool contains(const Interval& r, double x) {
  if (!std::isfinite(x)) return false;
  return (r.lo_open ? x > r.lo : x >= r.lo) && (r.hi_open ? x < r.hi : x <= r.hi);
}

Interval intersect(const Interval& a, const Interval& b) {
  Interval r;
  if (a.lo > b.lo || (a.lo == b.lo && a.lo_open)) {
    r.lo = a.lo, r.lo_open = a.lo_open;
  } else {
    r.lo = b.lo, r.lo_open = b.lo_open;
  }
  if (a.hi < b.hi || (a.hi == b.hi && a.hi_open)) {
    r.hi = a.hi, r.hi_open = a.hi_open;
  } else {
    r.hi = b.hi, r.hi_open = b.hi_open;
  }
  return r;
}

// A number strictly between a and b (either may be infinite), if there is one.
std::optional<double> between(double a, double b) {
  if (!(a < b)) return std::nullopt;
  double m = 0;
  if (std::isfinite(a) && std::isfinite(b)) {
    m = a / 2 + b / 2;
  } else if (std::isfinite(b)) {
    m = b - std::max(1.0, std::abs(b));
    if (!std::isfinite(m) || !(m < b)) m = std::nextafter(b, -kInf);
  } else if (std::isfinite(a)) {
    m = a + std::max(1.0, std::abs(a));
    if (!std::isfinite(m) || !(m > a)) m = std::nextafter(a, kInf);
  }
  if (!(a < m && m < b) || !std::isfinite(m)) return std::nullopt;
  return m;
}

// A simple member of `r`: a closed finite end if there is one, else a number inside.
std::optional<double> member(const Interval& r) {
  if (std::isfinite(r.lo) && contains(r, r.lo)) return r.lo;
  if (std::isfinite(r.hi) && contains(r, r.hi)) return r.hi;
  return between(r.lo, r.hi);
}

std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::string number_text(double v) {
  if (v == 0) return "0";  // also -0
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A cell, checked against its column's kind.
struct Cell {
  enum class Kind : std::uint8_t { Any, Range, Values, Opaque } kind = Kind::Any;
  Interval range;
  std::vector<double> numbers;     // Values, Number column
  std::vector<std::string> texts;  // Values, other columns
};

Cell normalise(const ColumnDomain& col, const CellTest& t) {
  Cell c;
  switch (t.kind) {
    case CellTest::Kind::Any:
      return c;
    case CellTest::Kind::Opaque:
      c.kind = Cell::Kind::Opaque;
      return c;
    case CellTest::Kind::Interval:
      c.kind = col.kind == Column::Number ? Cell::Kind::Range : Cell::Kind::Opaque;
      c.range = t.interval;
      return c;
    case CellTest::Kind::Set:
      break;
  }
  c.kind = Cell::Kind::Values;
  if (col.kind != Column::Number) {
    c.texts = t.set;
    return c;
  }
  for (const auto& s : t.set) {
    const auto v = parse_number(s);
    if (!v) return Cell{Cell::Kind::Opaque, {}, {}, {}};
    c.numbers.push_back(*v);
  }
  return c;
}

// A representative input of one column. Number columns: an exact critical value, or an open
// gap (lo, hi) between consecutive critical values represented by `value`. Others: a text, or
// any text not mentioned in the table.
struct Point {
  enum class Kind : std::uint8_t { Exact, Gap, Text, OtherText, AnyText } kind = Kind::Exact;
  double value = 0, lo = 0, hi = 0;
  std::string text;
};

std::vector<std::string> domain_values(const ColumnDomain& col) {
  if (col.kind == Column::Bool && col.values.empty()) return {"false", "true"};
  return col.values;
}

std::vector<Point> points_of(const ColumnDomain& col, const std::vector<Cell>& cells) {
  std::vector<Point> points;
  if (col.kind == Column::Number) {
    const Interval& d = col.range;
    std::vector<double> crit;
    auto consider = [&](double v) {
      if (contains(d, v)) crit.push_back(v);
    };
    consider(d.lo);
    consider(d.hi);
    for (const auto& c : cells) {
      if (c.kind == Cell::Kind::Range) {
        consider(c.range.lo);
        consider(c.range.hi);
      }
      for (double v : c.numbers) consider(v);
    }
    std::ranges::sort(crit);
    crit.erase(std::unique(crit.begin(), crit.end()), crit.end());
    auto gap = [&](double a, double b) {
      if (const auto m = between(a, b)) points.push_back({Point::Kind::Gap, *m, a, b, {}});
    };
    double prev = d.lo;
    for (double v : crit) {
      gap(prev, v);
      points.push_back({Point::Kind::Exact, v, v, v, {}});
      prev = v;
    }
    gap(prev, d.hi);
    return points;
  }
  std::vector<std::string> values;
  if (col.kind == Column::Text) {
    for (const auto& c : cells) values.insert(values.end(), c.texts.begin(), c.texts.end());
  } else {
    values = domain_values(col);
  }
  for (const auto& v : values) {
    if (std::ranges::none_of(points, [&](const Point& p) { return p.text == v; })) {
      points.push_back({Point::Kind::Text, 0, 0, 0, v});
    }
  }
  if (col.kind == Column::Text) {
    // When the table mentions no text at all, every text is alike.
    points.push_back({points.empty() ? Point::Kind::AnyText : Point::Kind::OtherText, 0, 0, 0, {}});
  }
  return points;
}

bool matches(const Cell& c, const Point& p) {
  switch (c.kind) {
    case Cell::Kind::Any:
      return true;
    case Cell::Kind::Opaque:
      return false;
    case Cell::Kind::Range:
      return p.kind <= Point::Kind::Gap && contains(c.range, p.value);
    case Cell::Kind::Values:
      break;
  }
  if (p.kind <= Point::Kind::Gap) return std::ranges::find(c.numbers, p.value) != c.numbers.end();
  return p.kind == Point::Kind::Text && std::ranges::find(c.texts, p.text) != c.texts.end();
}

std::string column_name(const std::vector<ColumnDomain>& columns, std::size_t c) {
  return columns[c].name.empty() ? "input " + std::to_string(c + 1) : columns[c].name;
}

// "x = 5", "x in [0, 60)", "x < 10", "x >= 90": the numbers from `first` to `last`.
std::string describe_run(const std::string& name, const Point& first, const Point& last) {
  const bool lo_open = first.kind == Point::Kind::Gap, hi_open = last.kind == Point::Kind::Gap;
  const double lo = first.lo, hi = last.hi;
  if (!lo_open && !hi_open && lo == hi) return name + " = " + number_text(lo);
  if (std::isinf(lo) && std::isinf(hi)) return name + " is any number";
  if (std::isinf(lo)) return name + (hi_open ? " < " : " <= ") + number_text(hi);
  if (std::isinf(hi)) return name + (lo_open ? " > " : " >= ") + number_text(lo);
  return name + " in " + (lo_open ? "(" : "[") + number_text(lo) + ", " + number_text(hi) +
         (hi_open ? ")" : "]");
}

std::string describe_value(const ColumnDomain& col, const std::string& name, const Point& p) {
  if (p.kind <= Point::Kind::Gap) return describe_run(name, p, p);
  if (p.kind == Point::Kind::OtherText) return name + " = (any other text)";
  if (p.kind == Point::Kind::AnyText) return name + " = (any text)";
  return name + " = " + (col.kind == Column::Bool ? p.text : quoted(p.text));
}

using Bits = std::vector<std::uint64_t>;

void find_gaps(const std::vector<ColumnDomain>& columns,
               const std::vector<std::vector<Cell>>& cells,
               const std::vector<std::vector<Point>>& points, TableCoverage& out) {
  const auto ncols = columns.size(), nrows = cells.size(), words = (nrows + 63) / 64;
  // bits[c][p]: the rows whose cell in column c matches point p.
  std::vector<std::vector<Bits>> bits(ncols);
  for (std::size_t c = 0; c < ncols; ++c) {
    for (const auto& p : points[c]) {
      Bits b(words);
      for (std::size_t r = 0; r < nrows; ++r) {
        if (matches(cells[r][c], p)) b[r / 64] |= std::uint64_t{1} << (r % 64);
      }
      bits[c].push_back(std::move(b));
    }
  }
  // The first Number column is the axis along which uncovered points merge into ranges.
  std::optional<std::size_t> axis;
  for (std::size_t c = 0; c < ncols && !axis; ++c) {
    if (columns[c].kind == Column::Number) axis = c;
  }
  std::vector<std::size_t> outer;
  for (std::size_t c = 0; c < ncols; ++c) {
    if (c != axis) outer.push_back(c);
  }
  std::vector<std::size_t> at(ncols, 0);
  auto describe = [&](std::size_t run_from, std::size_t run_to) {
    std::string text;
    for (std::size_t c = 0; c < ncols; ++c) {
      const auto name = column_name(columns, c);
      text += text.empty() ? "" : ", ";
      text += c == axis ? describe_run(name, points[c][run_from], points[c][run_to])
                        : describe_value(columns[c], name, points[c][at[c]]);
    }
    out.gaps.push_back(text.empty() ? "any input" : text);
  };
  auto any = [](const Bits& b) {
    return std::ranges::any_of(b, [](std::uint64_t w) { return w != 0; });
  };

  while (out.gaps.size() < kMaxGaps) {
    Bits mask(words, ~std::uint64_t{0});
    for (auto c : outer) {
      for (std::size_t w = 0; w < words; ++w) mask[w] &= bits[c][at[c]][w];
    }
    if (!axis) {
      if (!any(mask)) describe(0, 0);
    } else {
      const auto& axis_bits = bits[*axis];
      std::optional<std::size_t> run;
      for (std::size_t p = 0; p <= axis_bits.size() && out.gaps.size() < kMaxGaps; ++p) {
        bool covered = true;
        if (p < axis_bits.size()) {
          Bits b = mask;
          for (std::size_t w = 0; w < words; ++w) b[w] &= axis_bits[p][w];
          covered = any(b);
        }
        if (!covered && !run) run = p;
        if (covered && run) {
          describe(*run, p - 1);
          run.reset();
        }
      }
    }
    // Next combination of the other columns (the last varies fastest).
    std::size_t k = outer.size();
    while (k > 0) {
      const auto c = outer[k - 1];
      if (++at[c] < points[c].size()) break;
      at[c] = 0;
      --k;
    }
    if (k == 0) break;
  }
}

// One input of column `col` that both cells accept: "" when both accept anything, nullopt when
// they accept nothing in common.
std::optional<std::string> common_input(const ColumnDomain& col, const std::string& name,
                                        const Cell& a, const Cell& b) {
  using K = Cell::Kind;
  const bool both_any = a.kind == K::Any && b.kind == K::Any;
  if (col.kind == Column::Number) {
    Interval r = col.range;
    if (a.kind == K::Range) r = intersect(r, a.range);
    if (b.kind == K::Range) r = intersect(r, b.range);
    if (a.kind == K::Values || b.kind == K::Values) {
      std::vector<double> vs;
      for (double v : a.kind == K::Values ? a.numbers : b.numbers) {
        const auto& other = a.kind == K::Values ? b : a;
        const bool in_other =
            other.kind != K::Values || std::ranges::find(other.numbers, v) != other.numbers.end();
        if (in_other && contains(r, v)) vs.push_back(v);
      }
      if (vs.empty()) return std::nullopt;
      return name + " = " + number_text(std::ranges::min(vs));
    }
    const auto m = member(r);
    if (!m) return std::nullopt;
    return both_any ? "" : name + " = " + number_text(*m);
  }
  if (col.kind == Column::Text) {
    if (both_any) return "";
    const auto& first = a.kind == K::Values ? a : b;
    const auto& second = a.kind == K::Values ? b : a;
    for (const auto& v : first.texts) {
      if (second.kind == K::Any || std::ranges::find(second.texts, v) != second.texts.end()) {
        return name + " = " + quoted(v);
      }
    }
    return std::nullopt;
  }
  const auto values = domain_values(col);
  for (const auto& v : values) {
    auto ok = [&](const Cell& c) {
      return c.kind == K::Any || std::ranges::find(c.texts, v) != c.texts.end();
    };
    if (ok(a) && ok(b)) {
      if (both_any) return "";
      return name + " = " + (col.kind == Column::Bool ? v : quoted(v));
    }
  }
  return std::nullopt;
}

}  // namespace

TableCoverage analyse_table(const std::vector<ColumnDomain>& columns,
                            const std::vector<std::vector<CellTest>>& rows) {
  TableCoverage out;
  const auto ncols = columns.size();
  std::vector<std::vector<Cell>> cells(rows.size());
  std::vector<bool> opaque_row(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < ncols; ++c) {
      cells[r].push_back(c < rows[r].size() ? normalise(columns[c], rows[r][c]) : Cell{});
      if (cells[r].back().kind == Cell::Kind::Opaque) opaque_row[r] = true;
    }
  }
  if (std::ranges::any_of(opaque_row, [](bool b) { return b; })) out.complete = false;

  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    for (std::uint32_t j = i + 1; j < rows.size(); ++j) {
      if (opaque_row[i] || opaque_row[j]) continue;
      std::string example;
      bool overlap = true;
      for (std::size_t c = 0; c < ncols && overlap; ++c) {
        const auto part =
            common_input(columns[c], column_name(columns, c), cells[i][c], cells[j][c]);
        overlap = part.has_value();
        if (part && !part->empty()) example += (example.empty() ? "" : ", ") + *part;
      }
      if (!overlap) continue;
      out.overlaps.emplace_back(i, j);
      out.overlap_examples.push_back(example.empty() ? "any input" : example);
    }
  }

  if (!out.complete) return out;
  std::vector<std::vector<Point>> points(ncols);
  std::size_t combinations = 1;
  for (std::size_t c = 0; c < ncols; ++c) {
    std::vector<Cell> column;
    for (const auto& row : cells) column.push_back(row[c]);
    points[c] = points_of(columns[c], column);
    combinations =
        points[c].empty() ? 0 : std::min(combinations * points[c].size(), kMaxCoveragePoints + 1);
  }
  if (combinations > kMaxCoveragePoints) {
    out.complete = false;
    return out;
  }
  if (combinations > 0) find_gaps(columns, cells, points, out);
  return out;
}

}  // namespace dojang::engine
