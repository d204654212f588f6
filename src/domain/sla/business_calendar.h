// BusinessCalendar: when a team works, in its own time zone. SLA targets are measured in the
// working time of a calendar, so "4 hours" on a Thursday afternoon in Tel Aviv can end on
// Sunday morning. A calendar is a weekly schedule of working periods per weekday, plus dates
// that differ: holidays (closed all day) and special days (their own periods, e.g. a holiday
// eve that closes at 13:00). Dates may be listed or computed per year by a rule (the Israeli
// holidays of domain/sla/israeli_calendar.h).
//
// Working periods are local wall-clock times; on daylight-saving switch days they follow
// TimeZone::ToUtc (a period over skipped local times shrinks, one over repeated times grows).
// Thread safety: an immutable value, cheap to copy; every method is safe from many threads,
// provided the annual rule is (rules compute from their arguments only).
#pragma once

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "base/clock.h"
#include "base/status.h"
#include "base/time_zone.h"

namespace fr::domain::sla {

// Working time within one local day: [start_minute, end_minute) after local midnight.
struct WorkingPeriod {
  int start_minute = 0;  // 0..1439
  int end_minute = 0;    // start_minute+1..1440 (1440: until midnight)
  bool operator==(const WorkingPeriod&) const = default;
};

// The periods of one day; empty means closed all day.
using DayHours = std::vector<WorkingPeriod>;

// Hours per weekday, indexed by static_cast<int>(Weekday) (Sunday first).
using WeeklySchedule = std::array<DayHours, 7>;

// A date with its own hours instead of its weekday's.
struct SpecialDay {
  CivilDate date;
  DayHours hours;
};

// Holidays and special days of one Gregorian year, as a rule computes them.
struct YearDays {
  std::vector<CivilDate> holidays;
  std::vector<SpecialDay> special_days;
};

// Computes the rule-based dates of a Gregorian year. Calendar queries call it on demand, from
// any thread; it must be pure. An error it returns fails the query.
using AnnualDays = std::function<Result<YearDays>(int year)>;

// Everything a calendar is made of; configuration maps onto this.
//
// Which hours a date has, first match wins: a listed special day, a listed holiday, the
// rule's special day, the rule's holiday, the weekly schedule.
struct CalendarSpec {
  std::string time_zone = "UTC";  // IANA name
  WeeklySchedule week;
  std::vector<CivilDate> holidays;
  std::vector<SpecialDay> special_days;
  AnnualDays annual;  // optional
};

class BusinessCalendar {
 public:
  // The longest span the queries work on: due times further than this from their start, and
  // WorkingTimeBetween over longer spans, are errors. About ten years.
  static constexpr std::chrono::days kHorizon{3660};

  // Validates and builds a calendar. Periods of a day may come in any order; touching periods
  // merge. Fails with kInvalidArgument and reason:
  // - "unknown_time_zone": time_zone is not a zone ICU knows;
  // - "invalid_period": a period outside 00:00..24:00 or not longer than zero;
  // - "overlapping_periods": two periods of one day overlap;
  // - "invalid_date": a listed holiday or special day does not exist (2026-02-30);
  // - "duplicate_special_day": two special days share a date.
  static Result<BusinessCalendar> Create(CalendarSpec spec);

  // Open at every instant (UTC, no holidays): working time equals elapsed time.
  static BusinessCalendar AlwaysOpen();

  const TimeZone& zone() const { return zone_; }

  // Returns whether `t` lies in working time. Fails with "out_of_range" for `t` outside
  // [kEarliestCivilMillis, kLatestCivilMillis], or with the annual rule's error.
  Result<bool> IsOpen(UnixMillis t) const;

  // Returns the earliest instant `due` at which WorkingTimeBetween(start, due) == duration:
  // `start` itself for a zero duration (even when closed), else an instant inside or at the
  // end of a working period (work that fills a day up to 18:00 is due at 18:00, not at the
  // next opening). Fails with kInvalidArgument and reason "negative_duration",
  // "out_of_range" (start outside [kEarliestCivilMillis, kLatestCivilMillis]),
  // "beyond_horizon" (due more than kHorizon after start), "no_working_time" (366
  // consecutive days without working time were met: the calendar never or hardly ever opens),
  // or with the annual rule's error. Cost: linear in the calendar days scanned.
  Result<UnixMillis> AddWorkingTime(UnixMillis start, std::chrono::milliseconds duration) const;

  // Returns the working time within [from, to); zero when to <= from. Fails with "out_of_range"
  // (as above), "beyond_horizon" (to - from > kHorizon) or the annual rule's error.
  Result<std::chrono::milliseconds> WorkingTimeBetween(UnixMillis from, UnixMillis to) const;

 private:
  struct Rules;
  class DayResolver;
  BusinessCalendar(TimeZone zone, std::shared_ptr<const Rules> rules, bool always_open);
  // WorkingTimeBetween without its argument checks. REQUIRES: from < to, both in range.
  Result<std::chrono::milliseconds> Sum(UnixMillis from, UnixMillis to) const;

  TimeZone zone_;
  std::shared_ptr<const Rules> rules_;
  // Every day is 00:00-24:00 and no date differs: queries are plain arithmetic.
  bool always_open_ = false;
};

}  // namespace fr::domain::sla
