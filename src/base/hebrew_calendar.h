// The Hebrew (Jewish) calendar, as far as Israeli business calendars need it: converting a
// Hebrew date to the Gregorian date whose daytime it names. Backed by ICU's Hebrew calendar.
// A Hebrew day begins at the previous sunset; the Gregorian date returned is the one of the
// daytime (1 Tishrei 5787 -> 2026-09-12, whose eve is the evening of 2026-09-11).
// Pure functions; thread-safe.
#pragma once

#include "base/civil_date.h"
#include "base/status.h"

namespace fr {

// In ICU's order, starting at Tishrei. Adar I exists only in leap years (7 in every 19); in a
// leap year kAdar is Adar II, in a common year it is the only Adar.
enum class HebrewMonth {
  kTishrei,
  kHeshvan,
  kKislev,
  kTevet,
  kShevat,
  kAdarI,
  kAdar,
  kNisan,
  kIyar,
  kSivan,
  kTammuz,
  kAv,
  kElul,
};

struct HebrewDate {
  int year = 5787;  // anno mundi; the year that begins with Tishrei
  HebrewMonth month = HebrewMonth::kTishrei;
  int day = 1;  // 1..30
};

// The Hebrew year whose 1 Tishrei falls in Gregorian `gregorian_year` (Tishrei through Elul
// span two Gregorian years, e.g. 5787 runs from 2026-09-12 to 2027-10-01).
int HebrewYearStartingIn(int gregorian_year);

// Returns the Gregorian date of `date`. Fails with kInvalidArgument / "invalid_hebrew_date"
// for a date that does not exist (Adar I in a common year, 30 Heshvan in a short year) or a
// year outside 5561..6861 (starting in Gregorian 1800..3100).
Result<CivilDate> HebrewToGregorian(const HebrewDate& date);

}  // namespace fr
