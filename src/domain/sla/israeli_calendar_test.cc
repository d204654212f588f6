#include "domain/sla/israeli_calendar.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/sla/sla_test_util.h"

namespace fr::domain::sla {
namespace {

using sla_testing::H;
using sla_testing::kHour;
using sla_testing::Utc;
using std::chrono::milliseconds;

struct Expected {
  CivilDate date;
  std::string name;
  bool eve;
};

void ExpectHolidays(int year, const std::vector<Expected>& expected) {
  auto holidays = IsraeliHolidays(year);
  ASSERT_TRUE(holidays.ok()) << holidays.status().ToString();
  ASSERT_EQ(holidays->size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const IsraeliHoliday& h = (*holidays)[i];
    EXPECT_EQ(h.date, expected[i].date) << year << " #" << i << ": " << ToString(h.date);
    EXPECT_EQ(h.name, expected[i].name) << ToString(h.date);
    EXPECT_EQ(h.eve, expected[i].eve) << ToString(h.date);
  }
}

// The rest days Israeli calendars publish for these years (one-day holidays, as in Israel)
// and the day before each.
TEST(IsraeliCalendarTest, Holidays2026) {
  ExpectHolidays(2026, {
                           {{2026, 4, 1}, "pesach", true},
                           {{2026, 4, 2}, "pesach", false},
                           {{2026, 4, 7}, "pesach_7", true},
                           {{2026, 4, 8}, "pesach_7", false},
                           {{2026, 4, 21}, "independence_day", true},
                           {{2026, 4, 22}, "independence_day", false},
                           {{2026, 5, 21}, "shavuot", true},
                           {{2026, 5, 22}, "shavuot", false},
                           {{2026, 9, 11}, "rosh_hashanah", true},
                           {{2026, 9, 12}, "rosh_hashanah", false},
                           {{2026, 9, 13}, "rosh_hashanah_2", false},
                           {{2026, 9, 20}, "yom_kippur", true},
                           {{2026, 9, 21}, "yom_kippur", false},
                           {{2026, 9, 25}, "sukkot", true},
                           {{2026, 9, 26}, "sukkot", false},
                           {{2026, 10, 2}, "shemini_atzeret", true},
                           {{2026, 10, 3}, "shemini_atzeret", false},
                       });
}

TEST(IsraeliCalendarTest, Holidays2027) {
  ExpectHolidays(2027, {
                           {{2027, 4, 21}, "pesach", true},
                           {{2027, 4, 22}, "pesach", false},
                           {{2027, 4, 27}, "pesach_7", true},
                           {{2027, 4, 28}, "pesach_7", false},
                           {{2027, 5, 11}, "independence_day", true},
                           {{2027, 5, 12}, "independence_day", false},
                           {{2027, 6, 10}, "shavuot", true},
                           {{2027, 6, 11}, "shavuot", false},
                           {{2027, 10, 1}, "rosh_hashanah", true},
                           {{2027, 10, 2}, "rosh_hashanah", false},
                           {{2027, 10, 3}, "rosh_hashanah_2", false},
                           {{2027, 10, 10}, "yom_kippur", true},
                           {{2027, 10, 11}, "yom_kippur", false},
                           {{2027, 10, 15}, "sukkot", true},
                           {{2027, 10, 16}, "sukkot", false},
                           {{2027, 10, 22}, "shemini_atzeret", true},
                           {{2027, 10, 23}, "shemini_atzeret", false},
                       });
}

TEST(IsraeliCalendarTest, IndependenceDayMovesOffFridaySaturdayAndMonday) {
  struct Case {
    int year;
    CivilDate observed;  // 5 Iyar falls on...
  };
  const Case cases[] = {
      {2022, {2022, 5, 5}},   // Friday 6 May -> Thursday
      {2025, {2025, 5, 1}},   // Saturday 3 May -> Thursday
      {2024, {2024, 5, 14}},  // Monday 13 May -> Tuesday
      {2023, {2023, 4, 26}},  // Wednesday: stays
  };
  for (const Case& c : cases) {
    auto holidays = IsraeliHolidays(c.year);
    ASSERT_TRUE(holidays.ok());
    int found = 0;
    for (const IsraeliHoliday& h : *holidays) {
      if (h.name != "independence_day") continue;
      ++found;
      EXPECT_EQ(h.date, h.eve ? AddDays(c.observed, -1) : c.observed) << c.year;
    }
    EXPECT_EQ(found, 2);
  }
}

// The Hebrew calendar's own rules, checked for a century: if ICU's conversion drifted, some
// holiday would land on a weekday the calendar never allows.
TEST(IsraeliCalendarTest, EveryYearHasTheHolidaysOnAllowedWeekdays) {
  for (int year = 2000; year <= 2100; ++year) {
    auto holidays = IsraeliHolidays(year);
    ASSERT_TRUE(holidays.ok()) << year;
    ASSERT_EQ(holidays->size(), 17u) << year;
    for (std::size_t i = 0; i < holidays->size(); ++i) {
      const IsraeliHoliday& h = (*holidays)[i];
      EXPECT_EQ(h.date.year, year);
      if (i > 0) {
        EXPECT_LT((*holidays)[i - 1].date, h.date) << year;
      }
      if (h.eve) continue;
      const Weekday day = WeekdayOf(h.date);
      if (h.name == "rosh_hashanah") {  // never Sunday, Wednesday or Friday
        EXPECT_NE(day, Weekday::kSunday) << year;
        EXPECT_NE(day, Weekday::kWednesday) << year;
        EXPECT_NE(day, Weekday::kFriday) << year;
      } else if (h.name == "yom_kippur") {  // never Friday or Sunday
        EXPECT_NE(day, Weekday::kFriday) << year;
        EXPECT_NE(day, Weekday::kSunday) << year;
      } else if (h.name == "pesach") {  // never Monday, Wednesday or Friday
        EXPECT_NE(day, Weekday::kMonday) << year;
        EXPECT_NE(day, Weekday::kWednesday) << year;
        EXPECT_NE(day, Weekday::kFriday) << year;
      } else if (h.name == "independence_day" && year >= 2004) {
        EXPECT_NE(day, Weekday::kFriday) << year;
        EXPECT_NE(day, Weekday::kSaturday) << year;
        EXPECT_NE(day, Weekday::kMonday) << year;
      }
    }
  }
  EXPECT_EQ(IsraeliHolidays(1700).status().reason(), "invalid_hebrew_date");
}

TEST(IsraeliCalendarTest, TheWeekHolidaysAndEves) {
  const BusinessCalendar cal = sla_testing::IsraeliCalendar();
  EXPECT_EQ(cal.zone().name(), "Asia/Jerusalem");
  struct Case {
    const char* what;
    UnixMillis t;
    bool open;
  };
  // January is UTC+2, September and April UTC+3.
  const Case cases[] = {
      {"Sunday 09:00", Utc({2027, 1, 10}, H(7)), true},
      {"Sunday 08:59", Utc({2027, 1, 10}, H(6, 59)), false},
      {"Thursday 17:59", Utc({2027, 1, 14}, H(15, 59)), true},
      {"Thursday 18:00", Utc({2027, 1, 14}, H(16)), false},
      {"Friday 12:59", Utc({2027, 1, 15}, H(10, 59)), true},
      {"Friday 13:00", Utc({2027, 1, 15}, H(11)), false},
      {"Saturday noon", Utc({2027, 1, 16}, H(10)), false},
      {"Yom Kippur 2026, Monday", Utc({2026, 9, 21}, H(7)), false},
      {"its eve, Sunday 12:59", Utc({2026, 9, 20}, H(9, 59)), true},
      {"its eve, Sunday 13:00", Utc({2026, 9, 20}, H(10)), false},
      {"an ordinary Sunday 13:00", Utc({2026, 9, 6}, H(10)), true},
      {"Pesach 2027, Thursday", Utc({2027, 4, 22}, H(7)), false},
      {"its eve, Wednesday 12:59", Utc({2027, 4, 21}, H(9, 59)), true},
      {"its eve, Wednesday 13:00", Utc({2027, 4, 21}, H(10)), false},
      {"Chol HaMoed works", Utc({2027, 4, 25}, H(7)), true},
      {"Independence Day 2027", Utc({2027, 5, 12}, H(7)), false},
  };
  for (const Case& c : cases) {
    auto open = cal.IsOpen(c.t);
    ASSERT_TRUE(open.ok()) << c.what;
    EXPECT_EQ(*open, c.open) << c.what;
  }
}

TEST(IsraeliCalendarTest, DeadlinesOverTheWeekendAndRoshHashanah) {
  const BusinessCalendar cal = sla_testing::IsraeliCalendar();
  // Thursday 2027-01-14 17:00 + 6 h: 1 h Thursday, 4 h Friday morning, 1 h Sunday.
  EXPECT_EQ(*cal.AddWorkingTime(Utc({2027, 1, 14}, H(15)), milliseconds(6 * kHour)),
            Utc({2027, 1, 17}, H(8)));  // Sunday 10:00
  // Thursday 2026-09-10 17:00 + 6 h: 1 h; Friday is the eve (09:00-13:00) 4 h; Saturday and
  // Sunday are Rosh Hashanah; Monday from 09:00.
  EXPECT_EQ(*cal.AddWorkingTime(Utc({2026, 9, 10}, H(14)), milliseconds(6 * kHour)),
            Utc({2026, 9, 14}, H(7)));  // Monday 10:00
}

TEST(IsraeliCalendarTest, CustomHoursAndTeamDates) {
  IsraeliWeekHours hours;
  hours.sunday_to_thursday = {H(8), H(20)};
  hours.friday = {H(8), H(12)};
  hours.eve_closing_minute = H(14);
  CalendarSpec spec = IsraeliWeek(hours);
  // This team works on Yom Kippur 2026 from 10:00 to 14:00.
  spec.special_days.push_back({{2026, 9, 21}, {{H(10), H(14)}}});
  auto cal = BusinessCalendar::Create(spec);
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE(*cal->IsOpen(Utc({2026, 9, 21}, H(8))));       // 11:00 on Yom Kippur
  EXPECT_TRUE(*cal->IsOpen(Utc({2026, 9, 20}, H(10, 59))));  // the eve at 13:59
  EXPECT_FALSE(*cal->IsOpen(Utc({2026, 9, 20}, H(11))));     // the eve at 14:00
  EXPECT_TRUE(*cal->IsOpen(Utc({2027, 1, 14}, H(17, 59))));  // Thursday 19:59
  // An eve on Friday keeps Friday's shorter hours.
  EXPECT_FALSE(*cal->IsOpen(Utc({2026, 9, 11}, H(9, 30))));  // Friday 12:30
}

}  // namespace
}  // namespace fr::domain::sla
