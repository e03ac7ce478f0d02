// The `at MM-DD` day of a ranking (rank_support.hpp): reached on that day in Korea (UTC+9), for a
// cohort whose earliest member started before it.

#include "dojang/engine/rank_support.hpp"

#include <gtest/gtest.h>

#include "engine/ir_builders.hpp"

namespace dojang::engine {
namespace {

using test_ir::ymd;

TEST(RankDay, ComesOnTheDayInKoreaAndStaysReached) {
  const MonthDay at{11, 30};
  const Date started = ymd(2026, 10, 1);
  EXPECT_FALSE(rank_day_reached(at, started, ymd(2026, 11, 29, 14)));  // 11-29 23:00 KST
  EXPECT_TRUE(rank_day_reached(at, started, ymd(2026, 11, 29, 15)));   // 11-30 00:00 KST
  EXPECT_TRUE(rank_day_reached(at, started, ymd(2027, 1, 5)));
  EXPECT_TRUE(rank_day_reached(at, started, ymd(2027, 12, 5)));
  // Started after this year's day: the next year's day.
  EXPECT_FALSE(rank_day_reached(at, ymd(2026, 12, 1), ymd(2027, 3, 1)));
  EXPECT_TRUE(rank_day_reached(at, ymd(2026, 12, 1), ymd(2027, 11, 30)));
  // Started on the day itself.
  EXPECT_TRUE(rank_day_reached(at, ymd(2026, 11, 30, 2), ymd(2026, 11, 30, 3)));
  // Over the year end.
  EXPECT_TRUE(rank_day_reached(MonthDay{1, 2}, ymd(2026, 12, 20), ymd(2027, 1, 2)));
  EXPECT_FALSE(rank_day_reached(MonthDay{1, 2}, ymd(2026, 12, 20), ymd(2027, 1, 1)));
}

}  // namespace
}  // namespace dojang::engine
