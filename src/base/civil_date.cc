#include "base/civil_date.h"

#include <fmt/format.h>

#include <chrono>

namespace fr {
namespace {

std::chrono::year_month_day ToYmd(const CivilDate& date) {
  return std::chrono::year_month_day{std::chrono::year{date.year},
                                     std::chrono::month{static_cast<unsigned>(date.month)},
                                     std::chrono::day{static_cast<unsigned>(date.day)}};
}

std::chrono::sys_days ToSysDays(const CivilDate& date) {
  return std::chrono::sys_days{ToYmd(date)};
}

}  // namespace

bool IsValid(const CivilDate& date) {
  // std::chrono::month and day keep only 8 bits; reject what they would wrap.
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return false;
  if (date.year < -32767 || date.year > 32767) return false;
  return ToYmd(date).ok();
}

std::int64_t DaysSinceEpoch(const CivilDate& date) {
  return ToSysDays(date).time_since_epoch().count();
}

CivilDate CivilDateFromDays(std::int64_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<int>(unsigned{ymd.month()}),
                   static_cast<int>(unsigned{ymd.day()})};
}

CivilDate AddDays(const CivilDate& date, int days) {
  return CivilDateFromDays(DaysSinceEpoch(date) + days);
}

Weekday WeekdayOf(const CivilDate& date) {
  return static_cast<Weekday>(std::chrono::weekday{ToSysDays(date)}.c_encoding());
}

UnixMillis UtcMillisOf(const CivilDate& date, int minute_of_day) {
  return DaysSinceEpoch(date) * kMillisPerDay + minute_of_day * kMillisPerMinute;
}

std::string ToString(const CivilDate& date) {
  return fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
}

}  // namespace fr
