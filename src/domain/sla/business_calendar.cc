#include "domain/sla/business_calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace fr::domain::sla {
namespace {

using std::chrono::milliseconds;

// A calendar that stays shut this long is treated as never opening: AddWorkingTime stops
// instead of walking to the horizon one day at a time.
constexpr int kMaxClosedDays = 366;
constexpr std::int64_t kHorizonMillis =
    std::chrono::duration_cast<milliseconds>(BusinessCalendar::kHorizon).count();

Status Invalid(std::string_view reason, std::string message) {
  return Status(Errc::kInvalidArgument, std::string(reason), std::move(message));
}

Status CheckInRange(UnixMillis t) {
  if (t < kEarliestCivilMillis || t > kLatestCivilMillis) {
    return Invalid("out_of_range", fmt::format("time {} is outside the years 1900..2999", t));
  }
  return Status::Ok();
}

Status BeyondHorizon() {
  return Invalid("beyond_horizon", "the span exceeds the calendar horizon of 3660 days");
}

// Checks each period, sorts them and merges touching ones. `where` names the day in errors.
Result<DayHours> Normalize(DayHours hours, const std::string& where) {
  for (const WorkingPeriod& p : hours) {
    if (p.start_minute < 0 || p.end_minute > kMinutesPerDay || p.start_minute >= p.end_minute) {
      return Invalid("invalid_period",
                     fmt::format("{}: period {}-{} is not within 0..1440 or empty", where,
                                 p.start_minute, p.end_minute));
    }
  }
  std::sort(hours.begin(), hours.end(), [](const WorkingPeriod& a, const WorkingPeriod& b) {
    return a.start_minute < b.start_minute;
  });
  DayHours merged;
  for (const WorkingPeriod& p : hours) {
    if (!merged.empty() && p.start_minute < merged.back().end_minute) {
      return Invalid("overlapping_periods",
                     fmt::format("{}: periods overlap at minute {}", where, p.start_minute));
    }
    if (!merged.empty() && p.start_minute == merged.back().end_minute) {
      merged.back().end_minute = p.end_minute;
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

Status CheckDate(const CivilDate& date) {
  if (IsValid(date)) return Status::Ok();
  return Invalid("invalid_date", fmt::format("{} is not a date", ToString(date)));
}

// Adds listed holidays (closed) and special days to `dates`, special days first so that a
// special day wins over a holiday on the same date.
Status AddDates(const std::vector<CivilDate>& holidays, const std::vector<SpecialDay>& special_days,
                std::map<CivilDate, DayHours>& dates) {
  for (const SpecialDay& special : special_days) {
    FR_RETURN_IF_ERROR(CheckDate(special.date));
    FR_ASSIGN_OR_RETURN(DayHours hours, Normalize(special.hours, ToString(special.date)));
    if (!dates.emplace(special.date, std::move(hours)).second) {
      return Invalid("duplicate_special_day",
                     fmt::format("{} is listed as a special day twice", ToString(special.date)));
    }
  }
  for (const CivilDate& holiday : holidays) {
    FR_RETURN_IF_ERROR(CheckDate(holiday));
    dates.emplace(holiday, DayHours{});
  }
  return Status::Ok();
}

bool OpenAllDay(const DayHours& hours) {
  return hours.size() == 1 && hours[0] == WorkingPeriod{0, kMinutesPerDay};
}

}  // namespace

struct BusinessCalendar::Rules {
  WeeklySchedule week;
  std::map<CivilDate, DayHours> dates;  // listed holidays and special days
  AnnualDays annual;
};

// The hours of each date, for one query. Queries walk dates in order, so it keeps the annual
// rule's dates of one year at a time; being per query, it needs no lock.
class BusinessCalendar::DayResolver {
 public:
  explicit DayResolver(const Rules& rules) : rules_(rules) {}

  // The returned pointer is valid until the next call.
  Result<const DayHours*> HoursOn(const CivilDate& date) {
    if (auto it = rules_.dates.find(date); it != rules_.dates.end()) return &it->second;
    if (rules_.annual) {
      if (year_ != date.year) {
        year_dates_.clear();
        FR_ASSIGN_OR_RETURN(YearDays days, rules_.annual(date.year));
        FR_RETURN_IF_ERROR(AddDates(days.holidays, days.special_days, year_dates_));
        year_ = date.year;
      }
      if (auto it = year_dates_.find(date); it != year_dates_.end()) return &it->second;
    }
    return &rules_.week[static_cast<int>(WeekdayOf(date))];
  }

 private:
  const Rules& rules_;
  std::optional<int> year_;
  std::map<CivilDate, DayHours> year_dates_;
};

BusinessCalendar::BusinessCalendar(TimeZone zone, std::shared_ptr<const Rules> rules,
                                   bool always_open)
    : zone_(std::move(zone)), rules_(std::move(rules)), always_open_(always_open) {}

Result<BusinessCalendar> BusinessCalendar::Create(CalendarSpec spec) {
  FR_ASSIGN_OR_RETURN(TimeZone zone, TimeZone::Find(spec.time_zone));
  auto rules = std::make_shared<Rules>();
  bool always_open = true;
  for (int day = 0; day < 7; ++day) {
    FR_ASSIGN_OR_RETURN(rules->week[day],
                        Normalize(std::move(spec.week[day]), fmt::format("weekday {}", day)));
    always_open = always_open && OpenAllDay(rules->week[day]);
  }
  FR_RETURN_IF_ERROR(AddDates(spec.holidays, spec.special_days, rules->dates));
  rules->annual = std::move(spec.annual);
  always_open = always_open && rules->dates.empty() && !rules->annual;
  return BusinessCalendar(std::move(zone), std::move(rules), always_open);
}

BusinessCalendar BusinessCalendar::AlwaysOpen() {
  auto rules = std::make_shared<Rules>();
  rules->week.fill(DayHours{{0, kMinutesPerDay}});
  return BusinessCalendar(TimeZone::Utc(), std::move(rules), true);
}

Result<bool> BusinessCalendar::IsOpen(UnixMillis t) const {
  FR_RETURN_IF_ERROR(CheckInRange(t));
  FR_ASSIGN_OR_RETURN(milliseconds open, Sum(t, t + 1));
  return open.count() > 0;
}

Result<UnixMillis> BusinessCalendar::AddWorkingTime(UnixMillis start, milliseconds duration) const {
  if (duration.count() < 0) {
    return Invalid("negative_duration", fmt::format("duration {} ms < 0", duration.count()));
  }
  FR_RETURN_IF_ERROR(CheckInRange(start));
  // Working time never runs faster than the wall clock: a longer duration cannot fit.
  if (duration.count() > kHorizonMillis) return BeyondHorizon();
  if (duration.count() == 0 || always_open_) return start + duration.count();

  const UnixMillis limit = start + kHorizonMillis;
  std::int64_t remaining = duration.count();
  DayResolver resolver(*rules_);
  int closed_days = 0;
  // Periods of earlier local dates end by this date's midnight, which is not after `start`.
  for (CivilDate date = zone_.ToLocal(start).date;; date = AddDays(date, 1)) {
    FR_ASSIGN_OR_RETURN(const DayHours* hours, resolver.HoursOn(date));
    if (hours->empty()) {
      if (++closed_days >= kMaxClosedDays) {
        return Invalid("no_working_time",
                       fmt::format("no working time in the {} days from {}", kMaxClosedDays,
                                   ToString(AddDays(date, 1 - kMaxClosedDays))));
      }
      continue;
    }
    closed_days = 0;
    for (const WorkingPeriod& p : *hours) {
      const UnixMillis begin = std::max(start, zone_.ToUtc(date, p.start_minute));
      const UnixMillis end = zone_.ToUtc(date, p.end_minute);
      if (begin > limit) return BeyondHorizon();
      if (end <= begin) continue;
      if (remaining <= end - begin) {
        if (begin + remaining > limit) return BeyondHorizon();
        return begin + remaining;
      }
      remaining -= end - begin;
    }
  }
}

Result<milliseconds> BusinessCalendar::WorkingTimeBetween(UnixMillis from, UnixMillis to) const {
  if (to <= from) return milliseconds(0);
  FR_RETURN_IF_ERROR(CheckInRange(from));
  FR_RETURN_IF_ERROR(CheckInRange(to));
  if (to - from > kHorizonMillis) return BeyondHorizon();
  return Sum(from, to);
}

Result<milliseconds> BusinessCalendar::Sum(UnixMillis from, UnixMillis to) const {
  if (always_open_) return milliseconds(to - from);
  std::int64_t total = 0;
  DayResolver resolver(*rules_);
  for (CivilDate date = zone_.ToLocal(from).date; zone_.ToUtc(date, 0) < to;
       date = AddDays(date, 1)) {
    FR_ASSIGN_OR_RETURN(const DayHours* hours, resolver.HoursOn(date));
    for (const WorkingPeriod& p : *hours) {
      const UnixMillis begin = std::max(from, zone_.ToUtc(date, p.start_minute));
      const UnixMillis end = std::min(to, zone_.ToUtc(date, p.end_minute));
      if (end > begin) total += end - begin;
    }
  }
  return milliseconds(total);
}

}  // namespace fr::domain::sla
