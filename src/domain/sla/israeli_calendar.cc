#include "domain/sla/israeli_calendar.h"

#include <algorithm>

#include "base/hebrew_calendar.h"

namespace fr::domain::sla {
namespace {

struct HolidayRule {
  std::string_view name;
  HebrewMonth month;
  int day;
  bool has_eve;
};

// Spring holidays take their Hebrew year from the Gregorian year's Nisan (one less than the
// year starting in its autumn).
constexpr HolidayRule kSpring[] = {
    {"pesach", HebrewMonth::kNisan, 15, true},
    {"pesach_7", HebrewMonth::kNisan, 21, true},
    {"shavuot", HebrewMonth::kSivan, 6, true},
};
constexpr HolidayRule kAutumn[] = {
    {"rosh_hashanah", HebrewMonth::kTishrei, 1, true},
    {"rosh_hashanah_2", HebrewMonth::kTishrei, 2, false},
    {"yom_kippur", HebrewMonth::kTishrei, 10, true},
    {"sukkot", HebrewMonth::kTishrei, 15, true},
    {"shemini_atzeret", HebrewMonth::kTishrei, 22, true},
};

// Independence Day is never on Sunday, Tuesday or Thursday by the calendar's structure; the
// law keeps it off Friday, Saturday (moved back to Thursday) and Monday (moved to Tuesday).
CivilDate ObservedIndependenceDay(const CivilDate& iyar_5) {
  switch (WeekdayOf(iyar_5)) {
    case Weekday::kFriday:
      return AddDays(iyar_5, -1);
    case Weekday::kSaturday:
      return AddDays(iyar_5, -2);
    case Weekday::kMonday:
      return AddDays(iyar_5, 1);
    default:
      return iyar_5;
  }
}

void AddHoliday(std::string_view name, const CivilDate& date, bool has_eve,
                std::vector<IsraeliHoliday>& out) {
  out.push_back({date, name, false});
  if (has_eve) out.push_back({AddDays(date, -1), name, true});
}

Status AddRules(int hebrew_year, const HolidayRule* begin, const HolidayRule* end,
                std::vector<IsraeliHoliday>& out) {
  for (const HolidayRule* rule = begin; rule != end; ++rule) {
    FR_ASSIGN_OR_RETURN(CivilDate date, HebrewToGregorian({hebrew_year, rule->month, rule->day}));
    AddHoliday(rule->name, date, rule->has_eve, out);
  }
  return Status::Ok();
}

// `hours` cut off at `closing_minute`.
DayHours ClosingBy(const DayHours& hours, int closing_minute) {
  DayHours out;
  for (const WorkingPeriod& p : hours) {
    if (p.start_minute < closing_minute) {
      out.push_back({p.start_minute, std::min(p.end_minute, closing_minute)});
    }
  }
  return out;
}

}  // namespace

Result<std::vector<IsraeliHoliday>> IsraeliHolidays(int year) {
  const int autumn_year = HebrewYearStartingIn(year);
  std::vector<IsraeliHoliday> out;
  FR_RETURN_IF_ERROR(AddRules(autumn_year - 1, std::begin(kSpring), std::end(kSpring), out));
  FR_RETURN_IF_ERROR(AddRules(autumn_year, std::begin(kAutumn), std::end(kAutumn), out));
  FR_ASSIGN_OR_RETURN(CivilDate iyar_5,
                      HebrewToGregorian({autumn_year - 1, HebrewMonth::kIyar, 5}));
  AddHoliday("independence_day", ObservedIndependenceDay(iyar_5), true, out);
  std::sort(out.begin(), out.end(),
            [](const IsraeliHoliday& a, const IsraeliHoliday& b) { return a.date < b.date; });
  return out;
}

CalendarSpec IsraeliWeek(const IsraeliWeekHours& hours) {
  CalendarSpec spec;
  spec.time_zone = "Asia/Jerusalem";
  for (Weekday d : {Weekday::kSunday, Weekday::kMonday, Weekday::kTuesday, Weekday::kWednesday,
                    Weekday::kThursday}) {
    spec.week[static_cast<int>(d)] = {hours.sunday_to_thursday};
  }
  spec.week[static_cast<int>(Weekday::kFriday)] = {hours.friday};
  spec.annual = [week = spec.week,
                 closing = hours.eve_closing_minute](int year) -> Result<YearDays> {
    FR_ASSIGN_OR_RETURN(std::vector<IsraeliHoliday> holidays, IsraeliHolidays(year));
    YearDays days;
    for (const IsraeliHoliday& h : holidays) {
      if (h.eve) {
        days.special_days.push_back(
            {h.date, ClosingBy(week[static_cast<int>(WeekdayOf(h.date))], closing)});
      } else {
        days.holidays.push_back(h.date);
      }
    }
    return days;
  };
  return spec;
}

}  // namespace fr::domain::sla
