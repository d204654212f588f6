#include "base/hebrew_calendar.h"

#include <gtest/gtest.h>

namespace fr {
namespace {

TEST(HebrewCalendarTest, KnownDates) {
  struct Case {
    HebrewDate hebrew;
    CivilDate gregorian;
  };
  // The holiday dates Israeli calendars publish for these years (Rosh Hashanah 5787 begins on
  // the evening of 2026-09-11).
  const Case cases[] = {
      {{5787, HebrewMonth::kTishrei, 1}, {2026, 9, 12}},   // Rosh Hashanah 5787
      {{5787, HebrewMonth::kTishrei, 10}, {2026, 9, 21}},  // Yom Kippur
      {{5787, HebrewMonth::kTishrei, 15}, {2026, 9, 26}},  // Sukkot
      {{5787, HebrewMonth::kNisan, 15}, {2027, 4, 22}},    // Pesach 2027
      {{5787, HebrewMonth::kSivan, 6}, {2027, 6, 11}},     // Shavuot 2027
      {{5786, HebrewMonth::kNisan, 15}, {2026, 4, 2}},     // Pesach 2026
      {{5786, HebrewMonth::kIyar, 5}, {2026, 4, 22}},      // Independence Day 2026
      {{5788, HebrewMonth::kTishrei, 1}, {2027, 10, 2}},   // Rosh Hashanah 5788
      {{5787, HebrewMonth::kAdarI, 1}, {2027, 2, 8}},      // 5787 is a leap year
      {{5786, HebrewMonth::kAdar, 14}, {2026, 3, 3}},      // Purim 2026
  };
  for (const Case& c : cases) {
    auto date = HebrewToGregorian(c.hebrew);
    ASSERT_TRUE(date.ok()) << date.status().ToString();
    EXPECT_EQ(*date, c.gregorian) << ToString(*date);
  }
}

TEST(HebrewCalendarTest, DatesThatDoNotExistAreErrors) {
  const HebrewDate missing[] = {
      {5786, HebrewMonth::kAdarI, 1},  // 5786 is a common year
      {5787, HebrewMonth::kTishrei, 31},
      {5787, HebrewMonth::kTishrei, 0},
      {5000, HebrewMonth::kTishrei, 1},  // outside the supported years
  };
  for (const HebrewDate& d : missing) {
    auto date = HebrewToGregorian(d);
    ASSERT_FALSE(date.ok()) << d.year << " " << d.day;
    EXPECT_EQ(date.status().reason(), "invalid_hebrew_date");
  }
}

TEST(HebrewCalendarTest, YearStartingInAGregorianYear) {
  EXPECT_EQ(HebrewYearStartingIn(2026), 5787);
  EXPECT_EQ(HebrewYearStartingIn(2027), 5788);
}

}  // namespace
}  // namespace fr
