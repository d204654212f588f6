#include "server/sla_config.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/log.h"
#include "domain/sla/israeli_calendar.h"
#include "server/config_fields.h"
#include "server/sla_config_toml.h"

namespace fr::server {
namespace {

using domain::sla::BusinessCalendar;
using domain::sla::CalendarSpec;
using domain::sla::DayHours;
using domain::sla::SlaPolicy;

constexpr const char* kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday"};
constexpr domain::Platform kPlatforms[] = {
    domain::Platform::kX,        domain::Platform::kFacebook, domain::Platform::kMessenger,
    domain::Platform::kInstagram, domain::Platform::kLinkedIn, domain::Platform::kTikTok,
    domain::Platform::kRss};

// "HH:MM" → minutes after midnight; "24:00" is the end of the day.
std::optional<int> ParseClockTime(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  int hours = (s[0] - '0') * 10 + (s[1] - '0');
  int minutes = (s[3] - '0') * 10 + (s[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

// "HH:MM-HH:MM" → a working period (BusinessCalendar::Create checks its order).
Result<domain::sla::WorkingPeriod> ParsePeriod(std::string_view s, const std::string& key) {
  const std::size_t dash = s.find('-');
  std::optional<int> start, end;
  if (dash != std::string_view::npos) {
    start = ParseClockTime(s.substr(0, dash));
    end = ParseClockTime(s.substr(dash + 1));
  }
  if (!start || !end) {
    return ConfigError(key, "\"" + std::string(s) + "\" is not a period like \"09:00-18:00\"");
  }
  return domain::sla::WorkingPeriod{*start, *end};
}

// "YYYY-MM-DD" → a date (existence is checked by BusinessCalendar::Create).
Result<CivilDate> ParseDate(std::string_view s, const std::string& key) {
  CivilDate d;
  int month = 0, day = 0;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' &&
      std::sscanf(std::string(s).c_str(), "%4d-%2d-%2d", &d.year, &month, &day) == 3) {
    d.month = month;
    d.day = day;
    return d;
  }
  return ConfigError(key, "\"" + std::string(s) + "\" is not a date like \"2026-09-21\"");
}

Result<DayHours> ParseDayHours(const toml::table& t, const std::string& prefix,
                               const std::string& key) {
  FR_ASSIGN_OR_RETURN(std::vector<std::string> texts, OptionalStrings(t, prefix, key));
  DayHours hours;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    FR_ASSIGN_OR_RETURN(auto period,
                        ParsePeriod(texts[i], prefix + key + "[" + std::to_string(i) + "]"));
    hours.push_back(period);
  }
  return hours;
}

Result<ConfiguredCalendar> ParseCalendar(const toml::table& t, const std::string& prefix) {
  std::set<std::string> known = {"preset", "time_zone", "holidays", "special_days"};
  for (const char* day : kWeekdays) known.insert(day);
  FR_RETURN_IF_ERROR(CheckKnownKeys(t, prefix, known));
  FR_ASSIGN_OR_RETURN(std::string preset, OptionalString(t, prefix, "preset", ""));
  CalendarSpec spec;
  if (preset == kIsraelCalendar) {
    spec = domain::sla::IsraeliWeek();
  } else if (!preset.empty()) {
    return ConfigError(prefix + "preset", "must be \"israel\" or absent");
  }
  FR_ASSIGN_OR_RETURN(spec.time_zone, OptionalString(t, prefix, "time_zone", spec.time_zone));
  for (int day = 0; day < 7; ++day) {
    if (!t.contains(kWeekdays[day])) continue;
    FR_ASSIGN_OR_RETURN(spec.week[day], ParseDayHours(t, prefix, kWeekdays[day]));
  }
  FR_ASSIGN_OR_RETURN(std::vector<std::string> holidays, OptionalStrings(t, prefix, "holidays"));
  for (std::size_t i = 0; i < holidays.size(); ++i) {
    FR_ASSIGN_OR_RETURN(CivilDate d, ParseDate(holidays[i], prefix + "holidays[" +
                                                                std::to_string(i) + "]"));
    spec.holidays.push_back(d);
  }
  FR_ASSIGN_OR_RETURN(const toml::table* special, OptionalTable(t, prefix, "special_days"));
  if (special) {
    for (const auto& [date, hours] : *special) {
      const std::string key = prefix + "special_days." + std::string(date.str());
      FR_ASSIGN_OR_RETURN(CivilDate d, ParseDate(date.str(), key));
      FR_ASSIGN_OR_RETURN(DayHours h, ParseDayHours(*special, prefix + "special_days.",
                                                    std::string(date.str())));
      spec.special_days.push_back({d, std::move(h)});
    }
  }
  auto calendar = BusinessCalendar::Create(spec);
  if (!calendar.ok()) return ConfigError(prefix.substr(0, prefix.size() - 1),
                                         calendar.status().message());
  // A calendar without working time would make every due time an error.
  const UnixMillis probe = UtcMillisOf({2026, 1, 1});
  if (!calendar->AddWorkingTime(probe, std::chrono::minutes(1)).ok()) {
    return ConfigError(prefix.substr(0, prefix.size() - 1), "has no working time");
  }
  return ConfiguredCalendar{std::move(calendar).value(), preset, std::move(spec)};
}

// One [sla.policies.<platform>] or [sla.policies.<platform>.<priority>] entry.
Result<SlaPolicy> ParsePolicy(const toml::table& t, const std::string& prefix,
                              domain::Platform platform, domain::Priority priority,
                              double warn_fraction) {
  SlaPolicy p = domain::sla::DefaultSlaPolicy(platform, priority);
  FR_ASSIGN_OR_RETURN(std::int64_t first, OptionalInt(t, prefix, "first_response_minutes",
                                                      p.first_response.count(), 1, 60 * 24 * 90));
  FR_ASSIGN_OR_RETURN(std::int64_t next,
                      OptionalInt(t, prefix, "next_response_minutes", first, 1, 60 * 24 * 90));
  p.first_response = std::chrono::minutes(first);
  p.next_response = std::chrono::minutes(next);
  p.warn_fraction = warn_fraction;
  return p;
}

Status ParsePolicies(const toml::table& t, double warn_fraction, SlaConfig& out) {
  std::vector<SlaPolicy> policies;
  std::set<domain::Platform> configured;
  for (const auto& [name, node] : t) {
    const std::string key = "sla.policies." + std::string(name.str());
    auto platform = domain::ParsePlatform(name.str());
    if (!platform) return ConfigError(key, "unknown platform");
    const toml::table* table = node.as_table();
    if (!table) return ConfigError(key, "must be a table");
    std::set<std::string> known = {"first_response_minutes", "next_response_minutes"};
    for (domain::Priority pr : {domain::Priority::kLow, domain::Priority::kHigh,
                                domain::Priority::kUrgent, domain::Priority::kNormal}) {
      known.insert(std::string(domain::PriorityName(pr)));
    }
    FR_RETURN_IF_ERROR(CheckKnownKeys(*table, key + ".", known));
    FR_ASSIGN_OR_RETURN(SlaPolicy normal, ParsePolicy(*table, key + ".", *platform,
                                                      domain::Priority::kNormal, warn_fraction));
    policies.push_back(normal);
    configured.insert(*platform);
    for (domain::Priority pr :
         {domain::Priority::kLow, domain::Priority::kHigh, domain::Priority::kUrgent}) {
      const std::string pname(domain::PriorityName(pr));
      FR_ASSIGN_OR_RETURN(const toml::table* sub, OptionalTable(*table, key + ".", pname));
      if (!sub) continue;
      const std::string sub_key = key + "." + pname + ".";
      FR_RETURN_IF_ERROR(
          CheckKnownKeys(*sub, sub_key, {"first_response_minutes", "next_response_minutes"}));
      FR_ASSIGN_OR_RETURN(SlaPolicy p, ParsePolicy(*sub, sub_key, *platform, pr, warn_fraction));
      policies.push_back(p);
    }
  }
  // The warning share applies to the platforms left at their defaults too.
  for (domain::Platform platform : kPlatforms) {
    if (configured.contains(platform)) continue;
    SlaPolicy p = domain::sla::DefaultSlaPolicy(platform, domain::Priority::kNormal);
    p.warn_fraction = warn_fraction;
    policies.push_back(p);
  }
  auto table = domain::sla::SlaPolicyTable::Create(std::move(policies));
  if (!table.ok()) return ConfigError("sla.policies", table.status().message());
  out.policies = std::move(*table);
  return Status::Ok();
}

Result<std::vector<domain::sla::EscalationAction>> ParseActions(const toml::table& t,
                                                                const std::string& key) {
  FR_ASSIGN_OR_RETURN(std::vector<std::string> names,
                      OptionalStrings(t, "sla.escalation.", key));
  std::vector<domain::sla::EscalationAction> actions;
  for (const std::string& name : names) {
    auto a = domain::sla::ParseEscalationAction(name);
    if (!a) {
      return ConfigError("sla.escalation." + key,
                         "unknown action \"" + name +
                             "\" (notify_supervisors, raise_priority, reassign)");
    }
    actions.push_back(*a);
  }
  return actions;
}

}  // namespace

SlaConfig DefaultSlaConfig() {
  SlaConfig c;
  CalendarSpec always;  // what AlwaysOpen is: every day 00:00-24:00 in UTC
  always.week.fill(DayHours{domain::sla::WorkingPeriod{0, 24 * 60}});
  c.calendars.emplace(kAlwaysCalendar, ConfiguredCalendar{BusinessCalendar::AlwaysOpen(),
                                                          kAlwaysCalendar, std::move(always)});
  // The preset is a constant spec: Create cannot fail on it.
  CalendarSpec israel = domain::sla::IsraeliWeek();
  c.calendars.emplace(kIsraelCalendar,
                      ConfiguredCalendar{std::move(BusinessCalendar::Create(israel)).value(),
                                         kIsraelCalendar, israel});
  return c;
}

Status ParseSlaConfig(const toml::table& t, SlaConfig& out) {
  FR_RETURN_IF_ERROR(CheckKnownKeys(
      t, "sla.", {"calendar", "warn_percent", "policies", "calendars", "teams", "escalation"}));
  FR_ASSIGN_OR_RETURN(std::int64_t warn_percent, OptionalInt(t, "sla.", "warn_percent", 80, 1, 100));
  FR_ASSIGN_OR_RETURN(const toml::table* calendars, OptionalTable(t, "sla.", "calendars"));
  if (calendars) {
    for (const auto& [name, node] : *calendars) {
      const std::string key = "sla.calendars." + std::string(name.str());
      if (name.str() == kAlwaysCalendar || name.str() == kIsraelCalendar) {
        return ConfigError(key, "is a built-in calendar; choose another name");
      }
      const toml::table* table = node.as_table();
      if (!table) return ConfigError(key, "must be a table");
      FR_ASSIGN_OR_RETURN(ConfiguredCalendar cal, ParseCalendar(*table, key + "."));
      out.calendars.emplace(std::string(name.str()), std::move(cal));
    }
  }
  auto known_calendar = [&](const std::string& key, const std::string& name) -> Status {
    if (out.calendars.contains(name)) return Status::Ok();
    return ConfigError(key, "no calendar named \"" + name + "\"");
  };
  FR_ASSIGN_OR_RETURN(out.default_calendar,
                      OptionalString(t, "sla.", "calendar", out.default_calendar));
  FR_RETURN_IF_ERROR(known_calendar("sla.calendar", out.default_calendar));
  FR_ASSIGN_OR_RETURN(const toml::table* teams, OptionalTable(t, "sla.", "teams"));
  if (teams) {
    for (const auto& [team, node] : *teams) {
      const std::string key = "sla.teams." + std::string(team.str());
      auto calendar = node.value<std::string>();
      if (!calendar || !node.is_string()) return ConfigError(key, "must be a calendar name");
      FR_RETURN_IF_ERROR(known_calendar(key, *calendar));
      out.team_calendars.emplace(std::string(team.str()), *calendar);
    }
  }
  FR_ASSIGN_OR_RETURN(const toml::table* policies, OptionalTable(t, "sla.", "policies"));
  FR_RETURN_IF_ERROR(ParsePolicies(policies ? *policies : toml::table{},
                                   static_cast<double>(warn_percent) / 100.0, out));
  FR_ASSIGN_OR_RETURN(const toml::table* escalation, OptionalTable(t, "sla.", "escalation"));
  if (escalation) {
    FR_RETURN_IF_ERROR(CheckKnownKeys(*escalation, "sla.escalation.", {"on_warning", "on_breach"}));
    if (escalation->contains("on_warning")) {
      FR_ASSIGN_OR_RETURN(out.escalation.on_warning, ParseActions(*escalation, "on_warning"));
    }
    if (escalation->contains("on_breach")) {
      FR_ASSIGN_OR_RETURN(out.escalation.on_breach, ParseActions(*escalation, "on_breach"));
    }
  }
  return Status::Ok();
}

engine::SlaSettings ResolveSlaSettings(const SlaConfig& config,
                                       const std::vector<domain::Team>& teams) {
  engine::SlaSettings s;
  s.policies = config.policies;
  s.default_calendar = config.calendars.at(config.default_calendar).calendar;
  s.escalation = config.escalation;
  for (const auto& [team_name, calendar] : config.team_calendars) {
    auto team = std::find_if(teams.begin(), teams.end(),
                             [&](const domain::Team& t) { return t.name == team_name; });
    if (team == teams.end()) {
      FR_LOG(kWarn, "sla", "sla.teams names \"{}\", which is not a team; add it with `feedroom "
                           "team add` and restart", team_name);
      continue;
    }
    s.team_calendars.emplace(team->id, config.calendars.at(calendar).calendar);
  }
  return s;
}

}  // namespace fr::server
