#include "dojang/engine/table_coverage.hpp"

#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace dojang::engine {
namespace {

using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
using Strings = std::vector<std::string>;
constexpr double kInf = std::numeric_limits<double>::infinity();

Interval closed(double lo, double hi) {
  return {lo, hi, false, false};
}
Interval half_open(double lo, double hi) {
  return {lo, hi, false, true};
}

CellTest range(Interval i) {
  CellTest c;
  c.kind = CellTest::Kind::Interval;
  c.interval = i;
  return c;
}
CellTest at_most(double hi) {
  return range({-kInf, hi, false, false});
}
CellTest at_least(double lo) {
  return range({lo, kInf, false, false});
}
CellTest below(double hi) {
  return range({-kInf, hi, false, true});
}
CellTest one_of(Strings values) {
  CellTest c;
  c.kind = CellTest::Kind::Set;
  c.set = std::move(values);
  return c;
}
CellTest any() {
  return {};
}
CellTest opaque() {
  CellTest c;
  c.kind = CellTest::Kind::Opaque;
  return c;
}

ColumnDomain number(std::string name, Interval r = {}) {
  return {std::move(name), ColumnDomain::Kind::Number, r, {}};
}
ColumnDomain score(std::string name) {
  return number(std::move(name), closed(0, 100));
}
ColumnDomain enumeration(std::string name, Strings values) {
  return {std::move(name), ColumnDomain::Kind::Enum, {}, std::move(values)};
}
ColumnDomain text(std::string name) {
  return {std::move(name), ColumnDomain::Kind::Text, {}, {}};
}
ColumnDomain boolean(std::string name) {
  return {std::move(name), ColumnDomain::Kind::Bool, {}, {"false", "true"}};
}

TEST(TableCoverage, FullCoverage) {
  const auto t = analyse_table(
      {score("average")},
      {{range(half_open(0, 60))}, {range(half_open(60, 80))}, {range(closed(80, 100))}});
  EXPECT_TRUE(t.complete);
  EXPECT_TRUE(t.gaps.empty());
  EXPECT_TRUE(t.overlaps.empty());
}

TEST(TableCoverage, GapInTheMiddle) {
  const auto t =
      analyse_table({score("average")}, {{range(half_open(0, 60))}, {range(closed(70, 100))}});
  EXPECT_TRUE(t.complete);
  EXPECT_EQ(t.gaps, Strings{"average in [60, 70)"});
  EXPECT_TRUE(t.overlaps.empty());
}

TEST(TableCoverage, GapAtTheTop) {
  const auto t = analyse_table({score("average")}, {{below(90)}});
  EXPECT_EQ(t.gaps, Strings{"average in [90, 100]"});
}

TEST(TableCoverage, SinglePointGap) {
  const auto t = analyse_table({score("average")}, {{below(90)}, {range({90, 100, true, false})}});
  EXPECT_EQ(t.gaps, Strings{"average = 90"});
}

TEST(TableCoverage, OverlapAtASharedClosedEndpoint) {
  const auto t = analyse_table({score("average")}, {{at_most(80)}, {at_least(80)}});
  EXPECT_TRUE(t.gaps.empty());
  EXPECT_EQ(t.overlaps, (Pairs{{0, 1}}));
  EXPECT_EQ(t.overlap_examples, Strings{"average = 80"});
}

TEST(TableCoverage, HalfOpenRowsTileWithoutOverlap) {
  const auto t = analyse_table({number("amount")},
                               {{below(1000)}, {range(half_open(1000, 5000))}, {at_least(5000)}});
  EXPECT_TRUE(t.complete);
  EXPECT_TRUE(t.gaps.empty());
  EXPECT_TRUE(t.overlaps.empty());
}

TEST(TableCoverage, UnboundedDomainGapsOnBothSides) {
  const auto t = analyse_table({number("x")}, {{range(closed(0, 10))}});
  EXPECT_EQ(t.gaps, (Strings{"x < 0", "x > 10"}));
}

TEST(TableCoverage, OpenDomainEnd) {
  const auto t = analyse_table({number("x", {0, 100, true, false})}, {{range(closed(50, 100))}});
  EXPECT_EQ(t.gaps, Strings{"x in (0, 50)"});
}

TEST(TableCoverage, NumbersWithoutTrailingZeros) {
  const auto t = analyse_table({number("ratio", closed(0, 1))},
                               {{range(half_open(0, 0.5))}, {range(closed(0.75, 1))}});
  EXPECT_EQ(t.gaps, Strings{"ratio in [0.5, 0.75)"});
}

TEST(TableCoverage, RowsOutsideTheDomainNeitherCoverNorOverlap) {
  const auto t = analyse_table({score("average")}, {{below(0)}, {below(-5)}});
  EXPECT_TRUE(t.overlaps.empty());
  EXPECT_EQ(t.gaps, Strings{"average in [0, 100]"});
}

TEST(TableCoverage, NoRowsLeavesTheWholeDomain) {
  EXPECT_EQ(analyse_table({score("s")}, {}).gaps, Strings{"s in [0, 100]"});
  EXPECT_EQ(analyse_table({number("n")}, {}).gaps, Strings{"n is any number"});
}

TEST(TableCoverage, EnumColumnMissingAValue) {
  const auto t = analyse_table({enumeration("kind", {"new", "renewal", "transfer"})},
                               {{one_of({"new"})}, {one_of({"transfer"})}});
  EXPECT_TRUE(t.complete);
  EXPECT_EQ(t.gaps, Strings{"kind = \"renewal\""});
  EXPECT_TRUE(t.overlaps.empty());
}

TEST(TableCoverage, TwoColumns) {
  const std::vector<ColumnDomain> cols{score("average"),
                                       enumeration("kind", {"new", "renewal", "transfer"})};
  const auto t = analyse_table(
      cols,
      {{at_least(90), one_of({"new"})}, {at_least(90), one_of({"renewal"})}, {below(90), any()}});
  EXPECT_TRUE(t.complete);
  EXPECT_EQ(t.gaps, Strings{"average in [90, 100], kind = \"transfer\""});
  EXPECT_TRUE(t.overlaps.empty());
}

TEST(TableCoverage, TwoColumnOverlapExample) {
  const std::vector<ColumnDomain> cols{score("average"), enumeration("kind", {"new", "renewal"})};
  const auto t = analyse_table(cols, {{range(closed(50, 90)), one_of({"renewal", "new"})},
                                      {range(closed(70, 90)), one_of({"new"})},
                                      {below(50), any()},
                                      {range({90, 100, true, false}), one_of({"new"})}});
  EXPECT_EQ(t.overlaps, (Pairs{{0, 1}}));
  EXPECT_EQ(t.overlap_examples, Strings{"average = 70, kind = \"new\""});
  EXPECT_EQ(t.gaps, Strings{"average in (90, 100], kind = \"renewal\""});
}

TEST(TableCoverage, AnyCells) {
  const std::vector<ColumnDomain> cols{score("a"), text("note")};
  const auto one = analyse_table(cols, {{any(), any()}});
  EXPECT_TRUE(one.complete);
  EXPECT_TRUE(one.gaps.empty());
  const auto two = analyse_table(cols, {{any(), any()}, {any(), any()}});
  EXPECT_EQ(two.overlaps, (Pairs{{0, 1}}));
  EXPECT_EQ(two.overlap_examples, Strings{"any input"});
}

TEST(TableCoverage, TextColumnOtherText) {
  const auto t =
      analyse_table({text("region")}, {{one_of({"north"})}, {one_of({"south", "north"})}});
  EXPECT_EQ(t.gaps, Strings{"region = (any other text)"});
  EXPECT_EQ(t.overlaps, (Pairs{{0, 1}}));
  EXPECT_EQ(t.overlap_examples, Strings{"region = \"north\""});
}

TEST(TableCoverage, TextColumnWithoutLiterals) {
  const auto t = analyse_table({score("a"), text("note")}, {{below(50), any()}});
  EXPECT_EQ(t.gaps, Strings{"a in [50, 100], note = (any text)"});
}

TEST(TableCoverage, BoolColumn) {
  const auto t = analyse_table({boolean("urgent")}, {{one_of({"true"})}});
  EXPECT_EQ(t.gaps, Strings{"urgent = false"});
  EXPECT_TRUE(
      analyse_table({boolean("urgent")}, {{one_of({"true"})}, {one_of({"false"})}}).gaps.empty());
}

TEST(TableCoverage, NumberSetCells) {
  const auto t =
      analyse_table({number("n", closed(1, 3))}, {{one_of({"1", "2"})}, {range(closed(2, 2.5))}});
  EXPECT_EQ(t.overlaps, (Pairs{{0, 1}}));
  EXPECT_EQ(t.overlap_examples, Strings{"n = 2"});
  EXPECT_EQ(t.gaps, (Strings{"n in (1, 2)", "n in (2.5, 3]"}));
}

TEST(TableCoverage, OpaqueMakesItIncomplete) {
  const auto t = analyse_table({score("a")}, {{opaque()}, {at_most(50)}, {at_least(40)}});
  EXPECT_FALSE(t.complete);
  EXPECT_TRUE(t.gaps.empty());
  EXPECT_EQ(t.overlaps, (Pairs{{1, 2}}));  // constant rows are still compared
  EXPECT_EQ(t.overlap_examples, Strings{"a = 40"});
}

TEST(TableCoverage, IntervalOnAnEnumColumnIsOpaque) {
  const auto t = analyse_table({enumeration("k", {"a"})}, {{range(closed(0, 1))}});
  EXPECT_FALSE(t.complete);
  EXPECT_TRUE(t.gaps.empty());
}

TEST(TableCoverage, EveryOverlappingPairOnceAndSorted) {
  const auto t = analyse_table({score("a")}, {{at_least(10)}, {at_most(90)}, {any()}, {below(0)}});
  EXPECT_EQ(t.overlaps, (Pairs{{0, 1}, {0, 2}, {1, 2}}));
  EXPECT_EQ(t.overlap_examples, (Strings{"a = 10", "a = 10", "a = 0"}));
}

TEST(TableCoverage, AtMostFiveGaps) {
  Strings values;
  for (int i = 0; i < 10; ++i) values.push_back("v" + std::to_string(i));
  const auto t = analyse_table({enumeration("k", values)}, {{one_of({"v0"})}});
  EXPECT_EQ(t.gaps,
            (Strings{"k = \"v1\"", "k = \"v2\"", "k = \"v3\"", "k = \"v4\"", "k = \"v5\""}));
}

TEST(TableCoverage, TooManyCombinationsIsIncomplete) {
  // 4 columns, 25 distinct values each: about 50 representative points per column.
  std::vector<ColumnDomain> cols;
  for (int c = 0; c < 4; ++c) cols.push_back(number("c" + std::to_string(c)));
  std::vector<std::vector<CellTest>> rows;
  for (int r = 0; r < 25; ++r) {
    rows.push_back(std::vector<CellTest>(4, one_of({std::to_string(r)})));
  }
  rows.push_back({at_least(24), at_least(24), at_least(24), at_least(24)});
  const auto t = analyse_table(cols, rows);
  EXPECT_FALSE(t.complete);
  EXPECT_TRUE(t.gaps.empty());
  EXPECT_EQ(t.overlaps, (Pairs{{24, 25}}));
  // Below the cap the same shape is analysed completely.
  const auto small = analyse_table({cols[0], cols[1]}, {{one_of({"1"}), one_of({"2"})}});
  EXPECT_TRUE(small.complete);
  EXPECT_EQ(small.gaps, (Strings{"c0 is any number, c1 < 2", "c0 < 1, c1 = 2", "c0 > 1, c1 = 2",
                                 "c0 is any number, c1 > 2"}));
}

}  // namespace
}  // namespace dojang::engine
