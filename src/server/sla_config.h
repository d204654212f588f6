// The [sla] section of the config file (docs/configuration.md): SLA targets per platform and
// priority, named business calendars, which team works by which calendar, and the escalation
// plan. Teams are named as `feedroom team add` named them; the server resolves the names to
// ids when it starts (ResolveSlaSettings).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/people.h"
#include "domain/sla/business_calendar.h"
#include "domain/sla/escalation.h"
#include "domain/sla/sla_policy.h"
#include "engine/sla/sla_tracker.h"

namespace fr::server {

// The calendars every configuration has: "always" (24/7, UTC) and "israel" (the Israeli week
// with its holidays, domain/sla/israeli_calendar.h).
inline constexpr char kAlwaysCalendar[] = "always";
inline constexpr char kIsraelCalendar[] = "israel";

// A named calendar: the calendar the SLA clocks use and what it was configured as (shown by
// GET /api/v1/settings).
struct ConfiguredCalendar {
  domain::sla::BusinessCalendar calendar;
  std::string preset;              // kAlwaysCalendar, kIsraelCalendar or "" (none)
  domain::sla::CalendarSpec spec;  // the preset's week with the configured changes applied
};

struct SlaConfig {
  domain::sla::SlaPolicyTable policies;
  std::string default_calendar = kAlwaysCalendar;  // for cases of teams not listed below
  std::map<std::string, ConfiguredCalendar> calendars;             // by name, built-ins too
  std::map<std::string, std::string> team_calendars;               // team name → calendar
  domain::sla::EscalationPlan escalation;
};

// The built-in calendars only, "always" as the default: what a config without [sla] gets.
SlaConfig DefaultSlaConfig();

// The engine's settings for the teams that exist now. A team named in the config that does not
// exist is logged and skipped (it may be added later; restart to apply).
engine::SlaSettings ResolveSlaSettings(const SlaConfig& config,
                                       const std::vector<domain::Team>& teams);

}  // namespace fr::server
