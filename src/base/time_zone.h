// TimeZone: an IANA time zone (ICU's copy of the tz database) that maps UTC instants to local
// civil dates and times and back. Business calendars use it to place working hours.
//
// Local times that do not exist or exist twice (daylight saving switches) are resolved as
// documented on ToUtc. Thread safety: a TimeZone is an immutable value, cheap to copy (copies
// share one ICU zone); every method is safe to call from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/civil_date.h"
#include "base/clock.h"
#include "base/status.h"

namespace fr {

// What a wall clock in some zone shows at one instant.
struct LocalTime {
  CivilDate date;
  Weekday weekday = Weekday::kThursday;
  int minute_of_day = 0;       // 0..1439; seconds and milliseconds are dropped
  int utc_offset_minutes = 0;  // local = UTC + offset (e.g. +180 in Israel in summer)
};

class TimeZone {
 public:
  // Returns the zone named `name`: an IANA id ("Asia/Jerusalem", "UTC") or an alias ICU knows
  // ("Israel"). Names are case-sensitive. Fails with kInvalidArgument / "unknown_time_zone".
  static Result<TimeZone> Find(std::string_view name);
  // Coordinated Universal Time: no offset, no daylight saving.
  static TimeZone Utc();

  // The name this zone was found by.
  const std::string& name() const;

  // The local date and time at instant `t`.
  // REQUIRES: kEarliestCivilMillis <= t <= kLatestCivilMillis.
  LocalTime ToLocal(UnixMillis t) const;

  // The instant at which the local clock shows `date` at `minute_of_day` (1440 means the
  // next day's 00:00). When the clocks go forward the skipped local times (e.g. 02:00-02:59 in
  // Israel on 2026-03-27) all map to the instant of the switch; when they go back the repeated
  // local times (01:00-01:59 on 2026-10-25) map to their first, earlier occurrence. So ToUtc
  // never decreases as the local time grows, and a span of local time that does not exist
  // maps to an empty span of instants.
  // REQUIRES: IsValid(date), 0 <= minute_of_day <= 1440, and the date within the years
  // 1800..3100 (callers look up to ten years past kLatestCivilMillis).
  UnixMillis ToUtc(const CivilDate& date, int minute_of_day) const;

 private:
  struct Impl;
  explicit TimeZone(std::shared_ptr<const Impl> impl);

  std::shared_ptr<const Impl> impl_;
};

}  // namespace fr
