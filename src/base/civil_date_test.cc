#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace fr {
namespace {

TEST(CivilDateTest, DaysSinceEpochKnownAnswers) {
  struct Case {
    CivilDate date;
    std::int64_t days;
  };
  const Case cases[] = {
      {{1970, 1, 1}, 0},        {{1969, 12, 31}, -1},   {{2000, 3, 1}, 11017},
      {{2026, 9, 12}, 20708},   {{2027, 4, 22}, 20930}, {{1900, 1, 1}, -25567},
      {{2999, 12, 31}, 376199},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DaysSinceEpoch(c.date), c.days) << ToString(c.date);
    EXPECT_EQ(CivilDateFromDays(c.days), c.date) << c.days;
  }
}

TEST(CivilDateTest, ValidityHonoursMonthLengthsAndLeapYears) {
  EXPECT_TRUE(IsValid({2024, 2, 29}));
  EXPECT_FALSE(IsValid({2026, 2, 29}));
  EXPECT_FALSE(IsValid({1900, 2, 29}));  // divisible by 100, not by 400
  EXPECT_TRUE(IsValid({2000, 2, 29}));
  EXPECT_FALSE(IsValid({2026, 4, 31}));
  EXPECT_FALSE(IsValid({2026, 0, 1}));
  EXPECT_FALSE(IsValid({2026, 13, 1}));
  EXPECT_FALSE(IsValid({2026, 1, 0}));
  EXPECT_FALSE(IsValid({2026, 1, 257}));  // would wrap in an 8-bit day
}

TEST(CivilDateTest, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(AddDays({2026, 12, 31}, 1), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2026, 9, 12}, -1), (CivilDate{2026, 9, 11}));
}

TEST(CivilDateTest, Weekdays) {
  EXPECT_EQ(WeekdayOf({1970, 1, 1}), Weekday::kThursday);
  EXPECT_EQ(WeekdayOf({2026, 9, 12}), Weekday::kSaturday);
  EXPECT_EQ(WeekdayOf({2026, 9, 13}), Weekday::kSunday);
  EXPECT_EQ(WeekdayOf({2026, 3, 27}), Weekday::kFriday);
}

TEST(CivilDateTest, UtcMillisAndFormatting) {
  EXPECT_EQ(UtcMillisOf({1970, 1, 2}), kMillisPerDay);
  EXPECT_EQ(UtcMillisOf({1970, 1, 1}, 90), 90 * kMillisPerMinute);
  EXPECT_EQ(UtcMillisOf({1970, 1, 1}, kMinutesPerDay), UtcMillisOf({1970, 1, 2}));
  EXPECT_EQ(UtcMillisOf({1900, 1, 1}), kEarliestCivilMillis);
  EXPECT_EQ(UtcMillisOf({3000, 1, 1}) - 1, kLatestCivilMillis);
  EXPECT_EQ(ToString({2026, 3, 7}), "2026-03-07");
}

}  // namespace
}  // namespace fr
