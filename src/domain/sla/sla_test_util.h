// Helpers shared by the SLA tests: readable local times and the calendars the tests use.
#pragma once

#include <gtest/gtest.h>

#include "base/civil_date.h"
#include "domain/sla/business_calendar.h"
#include "domain/sla/israeli_calendar.h"

namespace fr::domain::sla::sla_testing {

// Minutes after midnight: H(13, 30) is 13:30.
constexpr int H(int hour, int minute = 0) { return hour * 60 + minute; }

// The UTC instant `date` at `minute` UTC. Tests name their instants in UTC and say the local
// time in a comment.
inline UnixMillis Utc(const CivilDate& date, int minute) { return UtcMillisOf(date, minute); }

inline constexpr std::int64_t kHour = 60 * kMillisPerMinute;

// Asia/Jerusalem, Sunday-Thursday 08:00-12:00 and 13:00-17:00 (a lunch break), Friday and
// Saturday closed; Tuesday 2026-01-20 is a holiday and Thursday 2026-01-22 closes at 10:00.
inline BusinessCalendar LunchBreakCalendar() {
  CalendarSpec spec;
  spec.time_zone = "Asia/Jerusalem";
  for (int day = 0; day <= static_cast<int>(Weekday::kThursday); ++day) {
    spec.week[day] = {{H(13), H(17)}, {H(8), H(12)}};  // any order
  }
  spec.holidays = {{2026, 1, 20}};
  spec.special_days = {{{2026, 1, 22}, {{H(8), H(10)}}}};
  auto calendar = BusinessCalendar::Create(std::move(spec));
  EXPECT_TRUE(calendar.ok()) << calendar.status().ToString();
  return std::move(calendar).value();
}

inline BusinessCalendar IsraeliCalendar() {
  auto calendar = BusinessCalendar::Create(IsraeliWeek());
  EXPECT_TRUE(calendar.ok()) << calendar.status().ToString();
  return std::move(calendar).value();
}

}  // namespace fr::domain::sla::sla_testing
