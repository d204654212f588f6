// CivilDate: a date of the proleptic Gregorian calendar with no time zone attached ("2026-09-12"),
// the unit of holidays, special days and weekly schedules. Day arithmetic and the mapping to
// days since 1970-01-01 are exact (std::chrono calendar types). Values; thread-safe.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#include "base/clock.h"

namespace fr {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  auto operator<=>(const CivilDate&) const = default;
};

// Numbered as in std::chrono::weekday::c_encoding(): Sunday is 0.
enum class Weekday { kSunday, kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday };

// The instants Feedroom does calendar arithmetic from, inclusive: 1900-01-01T00:00Z to
// 2999-12-31T23:59:59.999Z. Business calendars refuse others (a stored time may be corrupt).
inline constexpr UnixMillis kEarliestCivilMillis = -2208988800000;
inline constexpr UnixMillis kLatestCivilMillis = 32503680000000 - 1;

inline constexpr std::int64_t kMillisPerMinute = 60'000;
inline constexpr std::int64_t kMillisPerDay = 86'400'000;
inline constexpr int kMinutesPerDay = 1440;

// True if the date exists (month 1..12, day within the month, leap years honoured).
bool IsValid(const CivilDate& date);

// Days from 1970-01-01 to `date` (negative before). REQUIRES: IsValid(date).
std::int64_t DaysSinceEpoch(const CivilDate& date);
// The inverse of DaysSinceEpoch. REQUIRES: the result lies in years -32767..32767.
CivilDate CivilDateFromDays(std::int64_t days);

// `date` moved by `days` (may be negative). REQUIRES: IsValid(date).
CivilDate AddDays(const CivilDate& date, int days);
// REQUIRES: IsValid(date).
Weekday WeekdayOf(const CivilDate& date);

// The UTC instant of `date` at 00:00 plus `minute_of_day` minutes (1440 is the next midnight).
// REQUIRES: IsValid(date).
UnixMillis UtcMillisOf(const CivilDate& date, int minute_of_day = 0);

// "YYYY-MM-DD", for messages and test output.
std::string ToString(const CivilDate& date);

}  // namespace fr
