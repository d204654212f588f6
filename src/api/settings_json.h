// What GET /api/v1/settings shows: the configuration that shapes the agents' work (SLA
// targets, business calendars, escalation, routing, the reply rules, the channel accounts),
// for the web app's Settings screen. The server fills a SettingsView from its configuration at
// start (server/settings_view.h); the API renders it as JSON (schema Settings). A
// SettingsView has no field for a secret — app secrets, verify tokens and access tokens never
// reach this layer — so no rendering can leak one. Plain values; thread-safe once built.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/civil_date.h"
#include "domain/approval_rules.h"
#include "domain/generic_draft.h"
#include "domain/platform.h"
#include "domain/sla/business_calendar.h"
#include "domain/sla/escalation.h"
#include "domain/sla/sla_policy.h"
#include "engine/route/routing_sweep.h"

namespace fr::api {

struct SettingsView {
  // A holiday or an eve a calendar's preset computes (the Israeli holidays).
  struct RuleDay {
    CivilDate date;
    std::string name;  // "rosh_hashanah", "pesach", ...
    bool eve = false;  // the day before: a short day
  };
  struct Calendar {
    std::string name;
    std::string preset;  // "always", "israel" or "" (none)
    std::string time_zone;
    domain::sla::WeeklySchedule week;                   // Sunday first
    std::vector<CivilDate> holidays;                    // listed in the configuration
    std::vector<domain::sla::SpecialDay> special_days;  // listed in the configuration
    std::vector<RuleDay> rule_days;                     // computed, this year and the next
    std::optional<int> eve_closing_minute;  // when an eve closes, if the preset has eves
  };
  // One brand account a channel listens on.
  struct ChannelAccount {
    domain::Platform platform = domain::Platform::kX;
    std::string account_id;  // as cases have it (account_id)
    std::string handle;      // X screen name, without '@'
    std::string name;        // a Page's name
    std::string api_base;    // where replies are sent
    bool can_reply = false;  // a token is configured (the token itself is never here)
  };

  domain::sla::SlaPolicyTable sla_policies;
  std::string default_calendar;
  std::vector<Calendar> calendars;
  std::vector<std::pair<std::string, std::string>> team_calendars;  // team name, calendar name
  domain::sla::EscalationPlan escalation;
  engine::RoutingOptions routing;
  domain::ApprovalPolicy approval;
  domain::GenericDraftPolicy generic_drafts;
  std::vector<ChannelAccount> channels;
};

// The JSON of GET /api/v1/settings (schema/openapi.yaml, Settings).
std::string SettingsJson(const SettingsView& settings);

}  // namespace fr::api
