#include "base/hebrew_calendar.h"

#include <fmt/format.h>
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>

namespace fr {
namespace {

// Anno mundi year = Gregorian year of its Tishrei + 3761.
constexpr int kYearOffset = 3761;
constexpr int kMinYear = 1800 + kYearOffset;
constexpr int kMaxYear = 3100 + kYearOffset;

Status InvalidDate(const HebrewDate& date, std::string_view why) {
  return Status(Errc::kInvalidArgument, "invalid_hebrew_date",
                fmt::format("hebrew year {} month {} (0 is Tishrei) day {}: {}", date.year,
                            static_cast<int>(date.month), date.day, why));
}

}  // namespace

int HebrewYearStartingIn(int gregorian_year) { return gregorian_year + kYearOffset; }

Result<CivilDate> HebrewToGregorian(const HebrewDate& date) {
  if (date.year < kMinYear || date.year > kMaxYear) return InvalidDate(date, "year out of range");
  UErrorCode err = U_ZERO_ERROR;
  // A calendar per call: ICU calendars are mutable and not safe to share; creating one costs a
  // few microseconds. GMT makes getTime() the UTC midnight of the date.
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=hebrew"), err));
  if (U_FAILURE(err)) return Status(Errc::kInternal, "icu", u_errorName(err));
  // Strict: ICU then rejects dates that do not exist instead of rolling them over.
  calendar->setLenient(false);
  calendar->clear();
  calendar->set(UCAL_EXTENDED_YEAR, date.year);
  calendar->set(UCAL_MONTH, static_cast<int32_t>(date.month));
  calendar->set(UCAL_DATE, date.day);
  const UDate millis = calendar->getTime(err);
  if (U_FAILURE(err)) return InvalidDate(date, "no such day");
  return CivilDateFromDays(static_cast<std::int64_t>(std::floor(millis / kMillisPerDay)));
}

}  // namespace fr
