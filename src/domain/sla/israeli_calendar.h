// The Israeli working week as a calendar preset: Sunday to Thursday full days, Friday morning,
// Asia/Jerusalem, closed on the public holidays (rest days by law) and closing early on their
// eves. Holidays are computed for any year from the Hebrew calendar, so the preset needs no
// yearly edits. Pure functions; thread-safe.
//
// Closed: Rosh Hashanah (1-2 Tishrei), Yom Kippur (10 Tishrei), Sukkot (15 Tishrei), Shemini
// Atzeret / Simchat Torah (22 Tishrei), Pesach (15 Nisan) and its seventh day (21 Nisan),
// Shavuot (6 Sivan) and Independence Day (5 Iyar, moved to Thursday when it falls on Friday or
// Saturday and to Tuesday when it falls on Monday, as the law has it since 2004). The day
// before each (for Rosh Hashanah, before the first day only) is an eve. Chol HaMoed, Purim and
// the memorial days are ordinary working days here; teams add their own dates to the spec.
#pragma once

#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "base/status.h"
#include "domain/sla/business_calendar.h"

namespace fr::domain::sla {

struct IsraeliHoliday {
  CivilDate date;
  // "rosh_hashanah", "rosh_hashanah_2", "yom_kippur", "sukkot", "shemini_atzeret", "pesach",
  // "pesach_7", "shavuot" or "independence_day"; an eve carries the name of its holiday.
  std::string_view name;
  bool eve = false;  // the day before the holiday: a short working day
};

// Returns the holidays and eves that fall in Gregorian `year`, by date. Fails with
// "invalid_hebrew_date" for years outside 1800..3100.
Result<std::vector<IsraeliHoliday>> IsraeliHolidays(int year);

struct IsraeliWeekHours {
  WorkingPeriod sunday_to_thursday{9 * 60, 18 * 60};
  WorkingPeriod friday{9 * 60, 13 * 60};
  int eve_closing_minute = 13 * 60;  // an eve keeps its weekday's hours up to this minute
};

// The spec of the Israeli week: by default Sunday-Thursday 09:00-18:00, Friday 09:00-13:00,
// Saturday closed, holidays closed and eves closing at 13:00, in Asia/Jerusalem. Teams may add
// holidays and special days before BusinessCalendar::Create; listed dates win over computed
// ones.
CalendarSpec IsraeliWeek(const IsraeliWeekHours& hours = {});

}  // namespace fr::domain::sla
