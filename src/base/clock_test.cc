#include "base/clock.h"

#include <gtest/gtest.h>

namespace fr {
namespace {

TEST(ClockTest, FormatUtcWritesUtcWithCLocaleNames) {
  EXPECT_EQ(FormatUtc(1'800'057'600'000, "%Y-%m-%dT%H:%M:%SZ"), "2027-01-16T00:00:00Z");
  EXPECT_EQ(FormatUtc(1'800'057'600'999, "%a, %d %b %Y %H:%M:%S"), "Sat, 16 Jan 2027 00:00:00");
  EXPECT_EQ(FormatUtc(-1, "%Y-%m-%d %H:%M:%S"), "1969-12-31 23:59:59");  // floor, not truncation
}

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(1000);
  EXPECT_EQ(clock.NowMillis(), 1000);
  clock.Advance(500);
  EXPECT_EQ(clock.NowMillis(), 1500);
  clock.Set(7);
  EXPECT_EQ(clock.NowMillis(), 7);
}

}  // namespace
}  // namespace fr
