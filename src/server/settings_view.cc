#include "server/settings_view.h"

#include "base/civil_date.h"
#include "base/log.h"
#include "domain/sla/israeli_calendar.h"

namespace fr::server {
namespace {

std::vector<api::SettingsView::RuleDay> IsraeliRuleDays(int year) {
  std::vector<api::SettingsView::RuleDay> days;
  for (int y : {year, year + 1}) {
    auto holidays = domain::sla::IsraeliHolidays(y);
    if (!holidays.ok()) {
      FR_LOG(kWarn, "settings", "holidays of {} not listed: {}", y, holidays.status().ToString());
      continue;
    }
    for (const domain::sla::IsraeliHoliday& h : *holidays) {
      days.push_back({h.date, std::string(h.name), h.eve});
    }
  }
  return days;
}

api::SettingsView::Calendar CalendarOf(const std::string& name, const ConfiguredCalendar& c,
                                       int year) {
  api::SettingsView::Calendar out;
  out.name = name;
  out.preset = c.preset;
  out.time_zone = c.spec.time_zone;
  out.week = c.spec.week;
  out.holidays = c.spec.holidays;
  out.special_days = c.spec.special_days;
  if (c.preset == kIsraelCalendar) {
    out.rule_days = IsraeliRuleDays(year);
    out.eve_closing_minute = domain::sla::IsraeliWeekHours{}.eve_closing_minute;
  }
  return out;
}

void AddChannels(const ServerConfig& config, std::vector<api::SettingsView::ChannelAccount>& out) {
  using domain::Platform;
  if (config.x) {
    for (const channels::x::XAccount& a : config.x->accounts) {
      out.push_back(
          {Platform::kX, a.user_id, a.handle, "", config.x->api_base, !a.access_token.empty()});
    }
  }
  if (config.meta) {
    const std::string api = config.meta->graph_base + "/" + config.meta->graph_version;
    for (const channels::meta::MetaPage& p : config.meta->pages) {
      const bool can_reply = !p.access_token.empty();
      out.push_back({Platform::kFacebook, p.page_id, "", p.name, api, can_reply});
      out.push_back({Platform::kMessenger, p.page_id, "", p.name, api, can_reply});
      if (!p.instagram_user_id.empty()) {
        out.push_back({Platform::kInstagram, p.instagram_user_id, "", p.name, api, can_reply});
      }
    }
  }
}

}  // namespace

api::SettingsView SettingsViewOf(const ServerConfig& config, UnixMillis now) {
  constexpr UnixMillis kDay = 24 * 60 * 60 * 1000;
  const int year = CivilDateFromDays(now / kDay).year;
  api::SettingsView view;
  view.sla_policies = config.sla.policies;
  view.default_calendar = config.sla.default_calendar;
  for (const auto& [name, calendar] : config.sla.calendars) {
    view.calendars.push_back(CalendarOf(name, calendar, year));
  }
  for (const auto& [team, calendar] : config.sla.team_calendars) {
    view.team_calendars.emplace_back(team, calendar);
  }
  view.escalation = config.sla.escalation;
  view.routing = config.routing;
  view.approval = config.replies.approval;
  view.generic_drafts = config.replies.generic;
  AddChannels(config, view.channels);
  return view;
}

}  // namespace fr::server
