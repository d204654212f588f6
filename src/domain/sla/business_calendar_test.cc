#include "domain/sla/business_calendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

#include "domain/sla/sla_test_util.h"

namespace fr::domain::sla {
namespace {

using sla_testing::H;
using sla_testing::kHour;
using sla_testing::Utc;
using std::chrono::milliseconds;

// January 2026 in Israel is UTC+2: 09:00 local is 07:00 UTC. 2026-01-12 is a Monday.
struct AddCase {
  const char* what;
  UnixMillis start;
  std::int64_t duration;
  UnixMillis due;
};

TEST(BusinessCalendarTest, AddWorkingTimeAcrossBreaksWeekendsHolidaysAndShortDays) {
  const BusinessCalendar cal = sla_testing::LunchBreakCalendar();
  const AddCase cases[] = {
      {"within a period", Utc({2026, 1, 12}, H(7)), 2 * kHour, Utc({2026, 1, 12}, H(9))},
      {"over lunch", Utc({2026, 1, 12}, H(9)), 2 * kHour, Utc({2026, 1, 12}, H(12))},
      {"starting at lunch", Utc({2026, 1, 12}, H(10, 30)), 30 * kMillisPerMinute,
       Utc({2026, 1, 12}, H(11, 30))},
      {"before opening", Utc({2026, 1, 12}, H(5)), kHour, Utc({2026, 1, 12}, H(7))},
      {"filling the day ends at closing", Utc({2026, 1, 12}, H(14)), kHour,
       Utc({2026, 1, 12}, H(15))},
      {"a millisecond more opens the next day", Utc({2026, 1, 12}, H(14)), kHour + 1,
       Utc({2026, 1, 13}, H(6)) + 1},
      // Thursday 16:00 + 2 h: one hour on Thursday, none on Friday and Saturday, one on Sunday.
      {"over the weekend", Utc({2026, 1, 15}, H(14)), 2 * kHour, Utc({2026, 1, 18}, H(7))},
      {"starting on Saturday", Utc({2026, 1, 17}, H(8)), kHour, Utc({2026, 1, 18}, H(7))},
      // Monday 16:00 + 2 h: Tuesday 2026-01-20 is a holiday.
      {"over a holiday", Utc({2026, 1, 19}, H(14)), 2 * kHour, Utc({2026, 1, 21}, H(7))},
      // Wednesday 16:00 + 4 h: 1 h Wednesday, 2 h on the short Thursday, 1 h on Sunday.
      {"over a short day", Utc({2026, 1, 21}, H(14)), 4 * kHour, Utc({2026, 1, 25}, H(7))},
      {"zero when closed is the start", Utc({2026, 1, 17}, H(8)), 0, Utc({2026, 1, 17}, H(8))},
      {"a week of work", Utc({2026, 1, 4}, H(6)), 40 * kHour, Utc({2026, 1, 8}, H(15))},
  };
  for (const AddCase& c : cases) {
    auto due = cal.AddWorkingTime(c.start, milliseconds(c.duration));
    ASSERT_TRUE(due.ok()) << c.what << ": " << due.status().ToString();
    EXPECT_EQ(*due, c.due) << c.what;
  }
}

TEST(BusinessCalendarTest, IsOpenAtPeriodEdges) {
  const BusinessCalendar cal = sla_testing::LunchBreakCalendar();
  struct Case {
    UnixMillis t;
    bool open;
  };
  const Case cases[] = {
      {Utc({2026, 1, 12}, H(6)) - 1, false},  // Monday 07:59:59.999
      {Utc({2026, 1, 12}, H(6)), true},       // 08:00
      {Utc({2026, 1, 12}, H(10)) - 1, true},  // 11:59:59.999
      {Utc({2026, 1, 12}, H(10)), false},     // 12:00, lunch
      {Utc({2026, 1, 12}, H(11)), true},      // 13:00
      {Utc({2026, 1, 12}, H(15)), false},     // 17:00
      {Utc({2026, 1, 16}, H(8)), false},      // Friday
      {Utc({2026, 1, 20}, H(8)), false},      // the holiday
      {Utc({2026, 1, 22}, H(7, 59)), true},   // the short day, 09:59
      {Utc({2026, 1, 22}, H(8)), false},      // the short day, 10:00
  };
  for (const Case& c : cases) {
    auto open = cal.IsOpen(c.t);
    ASSERT_TRUE(open.ok());
    EXPECT_EQ(*open, c.open) << c.t;
  }
}

TEST(BusinessCalendarTest, WorkingTimeBetween) {
  const BusinessCalendar cal = sla_testing::LunchBreakCalendar();
  struct Case {
    UnixMillis from;
    UnixMillis to;
    std::int64_t expected;
  };
  const Case cases[] = {
      {Utc({2026, 1, 12}, H(5)), Utc({2026, 1, 12}, H(16)), 8 * kHour},    // a whole Monday
      {Utc({2026, 1, 12}, H(9)), Utc({2026, 1, 12}, H(12)), 2 * kHour},    // 11:00-14:00
      {Utc({2026, 1, 15}, H(14)), Utc({2026, 1, 18}, H(7)), 2 * kHour},    // over the weekend
      {Utc({2026, 1, 10}, H(22)), Utc({2026, 1, 17}, H(22)), 40 * kHour},  // a week
      {Utc({2026, 1, 19}, H(0)), Utc({2026, 1, 24}, H(0)), 18 * kHour},    // holiday, short day
      {Utc({2026, 1, 12}, H(9)), Utc({2026, 1, 12}, H(9)), 0},
      {Utc({2026, 1, 12}, H(9)), Utc({2026, 1, 12}, H(8)), 0},  // reversed
  };
  for (const Case& c : cases) {
    auto between = cal.WorkingTimeBetween(c.from, c.to);
    ASSERT_TRUE(between.ok()) << between.status().ToString();
    EXPECT_EQ(between->count(), c.expected) << c.from << ".." << c.to;
  }
}

// AddWorkingTime and WorkingTimeBetween agree: the due time is the first instant by which the
// duration is worked.
TEST(BusinessCalendarTest, AddAndBetweenAreInverse) {
  for (const BusinessCalendar& cal :
       {sla_testing::LunchBreakCalendar(), sla_testing::IsraeliCalendar()}) {
    for (int hour = 0; hour < 24 * 8; hour += 5) {
      const UnixMillis start = Utc({2026, 3, 22}, 0) + hour * kHour + 17;  // over the DST switch
      for (std::int64_t duration :
           {std::int64_t{1}, 30 * kMillisPerMinute, kHour, 8 * kHour, 40 * kHour, 200 * kHour}) {
        auto due = cal.AddWorkingTime(start, milliseconds(duration));
        ASSERT_TRUE(due.ok()) << due.status().ToString();
        EXPECT_EQ(cal.WorkingTimeBetween(start, *due)->count(), duration) << start;
        EXPECT_LT(cal.WorkingTimeBetween(start, *due - 1)->count(), duration) << start;
      }
    }
  }
}

// Israel moves its clocks forward on Friday 2026-03-27 at 02:00 and back on Sunday
// 2026-10-25 at 02:00. Working hours stay on the wall clock.
TEST(BusinessCalendarTest, DaylightSavingSwitchDays) {
  const BusinessCalendar israeli = sla_testing::IsraeliCalendar();
  // Thursday 2026-03-26 17:00 (UTC+2) + 3 h: 1 h on Thursday, then Friday (UTC+3) from 09:00.
  EXPECT_EQ(*israeli.AddWorkingTime(Utc({2026, 3, 26}, H(15)), milliseconds(3 * kHour)),
            Utc({2026, 3, 27}, H(8)));  // 11:00 local
  // Thursday 2026-10-22 17:00 (UTC+3) + 6 h: 1 h, Friday 4 h, Sunday (UTC+2) from 09:00.
  EXPECT_EQ(*israeli.AddWorkingTime(Utc({2026, 10, 22}, H(14)), milliseconds(6 * kHour)),
            Utc({2026, 10, 25}, H(8)));  // 10:00 local

  // Open all day every day, local time: the switch days last 23 and 25 hours.
  CalendarSpec spec;
  spec.time_zone = "Asia/Jerusalem";
  spec.week.fill({{0, kMinutesPerDay}});
  spec.holidays = {{2030, 1, 1}};  // so that the calendar is not plain arithmetic
  auto all_day = BusinessCalendar::Create(spec);
  ASSERT_TRUE(all_day.ok());
  // Local midnight to local midnight.
  EXPECT_EQ(
      all_day->WorkingTimeBetween(Utc({2026, 3, 26}, H(22)), Utc({2026, 3, 27}, H(21)))->count(),
      23 * kHour);
  EXPECT_EQ(
      all_day->WorkingTimeBetween(Utc({2026, 10, 24}, H(21)), Utc({2026, 10, 25}, H(22)))->count(),
      25 * kHour);
  EXPECT_EQ(*all_day->AddWorkingTime(Utc({2026, 3, 26}, H(22)), milliseconds(23 * kHour)),
            Utc({2026, 3, 27}, H(21)));

  // A period made only of skipped local times has no working time.
  CalendarSpec night;
  night.time_zone = "Asia/Jerusalem";
  night.week[static_cast<int>(Weekday::kFriday)] = {{H(2, 15), H(2, 45)}};
  auto night_shift = BusinessCalendar::Create(night);
  ASSERT_TRUE(night_shift.ok());
  EXPECT_EQ(night_shift->WorkingTimeBetween(Utc({2026, 3, 26}, 0), Utc({2026, 3, 28}, 0))->count(),
            0);
  EXPECT_EQ(night_shift->WorkingTimeBetween(Utc({2026, 3, 19}, 0), Utc({2026, 3, 21}, 0))->count(),
            30 * kMillisPerMinute);
}

TEST(BusinessCalendarTest, AlwaysOpenIsPlainArithmetic) {
  const BusinessCalendar cal = BusinessCalendar::AlwaysOpen();
  const std::int64_t horizon = milliseconds(BusinessCalendar::kHorizon).count();
  const UnixMillis starts[] = {0, Utc({2026, 3, 27}, 0) + 123, Utc({2026, 10, 24}, H(23))};
  for (UnixMillis start : starts) {
    for (std::int64_t duration : {std::int64_t{0}, std::int64_t{1}, kHour, 1000 * kHour, horizon}) {
      EXPECT_EQ(*cal.AddWorkingTime(start, milliseconds(duration)), start + duration);
      EXPECT_EQ(cal.WorkingTimeBetween(start, start + duration)->count(), duration);
    }
    EXPECT_TRUE(*cal.IsOpen(start));
  }
  // The same hours written as two touching periods a day are also plain arithmetic.
  CalendarSpec halves;
  halves.week.fill({{H(12), kMinutesPerDay}, {0, H(12)}});
  auto split = BusinessCalendar::Create(halves);
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(*split->AddWorkingTime(7, milliseconds(horizon)), 7 + horizon);
}

TEST(BusinessCalendarTest, HugeNegativeAndOutOfRangeArguments) {
  const BusinessCalendar israeli = sla_testing::IsraeliCalendar();
  const UnixMillis start = Utc({2026, 1, 4}, H(7));
  // About two and a half years of office hours fit in the horizon...
  auto far = israeli.AddWorkingTime(start, milliseconds(5000 * kHour));
  ASSERT_TRUE(far.ok()) << far.status().ToString();
  EXPECT_EQ(israeli.WorkingTimeBetween(start, *far)->count(), 5000 * kHour);
  // ...twenty years do not.
  EXPECT_EQ(israeli.AddWorkingTime(start, milliseconds(50000 * kHour)).status().reason(),
            "beyond_horizon");
  const BusinessCalendar always = BusinessCalendar::AlwaysOpen();
  const std::int64_t horizon = milliseconds(BusinessCalendar::kHorizon).count();
  EXPECT_EQ(always.AddWorkingTime(start, milliseconds(horizon + 1)).status().reason(),
            "beyond_horizon");
  EXPECT_EQ(always.AddWorkingTime(start, milliseconds::max()).status().reason(), "beyond_horizon");
  EXPECT_EQ(always.WorkingTimeBetween(start, start + horizon + 1).status().reason(),
            "beyond_horizon");
  EXPECT_EQ(israeli.AddWorkingTime(start, milliseconds(-1)).status().reason(), "negative_duration");
  for (UnixMillis bad :
       {kLatestCivilMillis + 1, kEarliestCivilMillis - 1, std::numeric_limits<UnixMillis>::max()}) {
    EXPECT_EQ(israeli.AddWorkingTime(bad, milliseconds(kHour)).status().reason(), "out_of_range");
    EXPECT_EQ(israeli.IsOpen(bad).status().reason(), "out_of_range");
    EXPECT_EQ(
        israeli.WorkingTimeBetween(std::min(start, bad), std::max(start, bad)).status().reason(),
        "out_of_range");
  }
}

TEST(BusinessCalendarTest, NoWorkingTimeIsAnErrorNotALoop) {
  auto closed = BusinessCalendar::Create(CalendarSpec{});
  ASSERT_TRUE(closed.ok());
  const UnixMillis start = Utc({2026, 1, 1}, 0);
  auto due = closed->AddWorkingTime(start, milliseconds(kMillisPerMinute));
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(due.status().reason(), "no_working_time");
  EXPECT_EQ(closed->WorkingTimeBetween(start, start + 365 * kMillisPerDay)->count(), 0);
  EXPECT_FALSE(*closed->IsOpen(start));
  EXPECT_EQ(*closed->AddWorkingTime(start, milliseconds(0)), start);

  // Closed but for one special day five months away: reachable, and exhausted after it.
  CalendarSpec one_day;
  one_day.special_days = {{{2026, 6, 1}, {{H(9), H(10)}}}};
  auto rare = BusinessCalendar::Create(one_day);
  ASSERT_TRUE(rare.ok());
  EXPECT_EQ(*rare->AddWorkingTime(start, milliseconds(30 * kMillisPerMinute)),
            Utc({2026, 6, 1}, H(9, 30)));
  EXPECT_EQ(rare->AddWorkingTime(start, milliseconds(2 * kHour)).status().reason(),
            "no_working_time");
}

TEST(BusinessCalendarTest, ListedDatesWinOverRulesAndSpecialDaysOverHolidays) {
  CalendarSpec spec;
  spec.week.fill({{H(9), H(17)}});
  // The rule closes every 12 January and fails for 2027.
  spec.annual = [](int year) -> Result<YearDays> {
    if (year == 2027) return Status(Errc::kInternal, "rule_failed", "test rule");
    YearDays days;
    days.holidays = {{year, 1, 12}};
    days.special_days = {{{year, 1, 13}, {{H(9), H(10)}}}};
    return days;
  };
  spec.holidays = {{2026, 1, 14}, {2025, 1, 12}};
  spec.special_days = {{{2026, 1, 14}, {{H(10), H(11)}}}, {{2025, 1, 13}, {}}};
  auto cal = BusinessCalendar::Create(spec);
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_FALSE(*cal->IsOpen(Utc({2026, 1, 12}, H(10))));    // the rule's holiday
  EXPECT_TRUE(*cal->IsOpen(Utc({2026, 1, 13}, H(9, 30))));  // the rule's special day
  EXPECT_FALSE(*cal->IsOpen(Utc({2026, 1, 13}, H(10))));
  EXPECT_TRUE(*cal->IsOpen(Utc({2026, 1, 14}, H(10, 30))));  // listed special over holiday
  EXPECT_FALSE(*cal->IsOpen(Utc({2026, 1, 14}, H(9, 30))));
  EXPECT_FALSE(*cal->IsOpen(Utc({2025, 1, 13}, H(9, 30))));  // listed closure over the rule
  EXPECT_EQ(cal->IsOpen(Utc({2027, 3, 1}, H(10))).status().reason(), "rule_failed");
  EXPECT_EQ(
      cal->AddWorkingTime(Utc({2026, 12, 31}, H(16)), milliseconds(2 * kHour)).status().reason(),
      "rule_failed");
}

TEST(BusinessCalendarTest, CreateRejectsBadSpecs) {
  struct Case {
    const char* what;
    CalendarSpec spec;
    const char* reason;
  };
  auto with_monday = [](DayHours hours) {
    CalendarSpec spec;
    spec.week[static_cast<int>(Weekday::kMonday)] = std::move(hours);
    return spec;
  };
  CalendarSpec unknown_zone;
  unknown_zone.time_zone = "Asia/Tel_Aviv_Jaffa";
  CalendarSpec bad_holiday;
  bad_holiday.holidays = {{2026, 2, 30}};
  CalendarSpec bad_special;
  bad_special.special_days = {{{2026, 1, 1}, {{H(10), H(9)}}}};
  CalendarSpec twice;
  twice.special_days = {{{2026, 1, 1}, {}}, {{2026, 1, 1}, {{H(9), H(10)}}}};
  const Case cases[] = {
      {"unknown zone", unknown_zone, "unknown_time_zone"},
      {"empty period", with_monday({{H(9), H(9)}}), "invalid_period"},
      {"negative start", with_monday({{-1, H(9)}}), "invalid_period"},
      {"past midnight", with_monday({{H(9), kMinutesPerDay + 1}}), "invalid_period"},
      {"overlap", with_monday({{H(8), H(12)}, {H(11), H(13)}}), "overlapping_periods"},
      {"no such date", bad_holiday, "invalid_date"},
      {"reversed special period", bad_special, "invalid_period"},
      {"special day twice", twice, "duplicate_special_day"},
  };
  for (const Case& c : cases) {
    auto cal = BusinessCalendar::Create(c.spec);
    ASSERT_FALSE(cal.ok()) << c.what;
    EXPECT_EQ(cal.status().code(), Errc::kInvalidArgument) << c.what;
    EXPECT_EQ(cal.status().reason(), c.reason) << c.what;
  }
}

}  // namespace
}  // namespace fr::domain::sla
