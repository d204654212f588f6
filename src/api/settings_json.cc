#include "api/settings_json.h"

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>

namespace fr::api {
namespace json = boost::json;
namespace {

constexpr domain::Platform kPlatforms[] = {
    domain::Platform::kX,         domain::Platform::kFacebook, domain::Platform::kMessenger,
    domain::Platform::kInstagram, domain::Platform::kLinkedIn, domain::Platform::kTikTok,
    domain::Platform::kRss};
constexpr domain::Priority kPriorities[] = {domain::Priority::kLow, domain::Priority::kNormal,
                                            domain::Priority::kHigh, domain::Priority::kUrgent};
constexpr const char* kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday"};

// Minutes after midnight as "HH:MM" ("24:00" is the end of the day), as the config writes them.
std::string ClockTime(int minute) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
  return text;
}

json::array Periods(const domain::sla::DayHours& hours) {
  json::array out;
  for (const domain::sla::WorkingPeriod& p : hours) {
    out.emplace_back(ClockTime(p.start_minute) + "-" + ClockTime(p.end_minute));
  }
  return out;
}

json::array Strings(const std::vector<std::string>& items) {
  json::array out;
  for (const std::string& s : items) out.emplace_back(s);
  return out;
}

json::array Actions(const std::vector<domain::sla::EscalationAction>& actions) {
  json::array out;
  for (domain::sla::EscalationAction a : actions) {
    out.emplace_back(domain::sla::EscalationActionName(a));
  }
  return out;
}

// Every (platform, priority) pair with the targets that apply to it, configured or derived.
json::array Policies(const domain::sla::SlaPolicyTable& table) {
  json::array out;
  for (domain::Platform platform : kPlatforms) {
    for (domain::Priority priority : kPriorities) {
      const domain::sla::SlaPolicy p = table.Lookup(platform, priority);
      out.emplace_back(json::object{
          {"platform", domain::PlatformName(platform)},
          {"priority", domain::PriorityName(priority)},
          {"first_response_minutes", p.first_response.count()},
          {"next_response_minutes", p.next_response.count()},
          {"warn_percent", static_cast<std::int64_t>(std::lround(p.warn_fraction * 100))}});
    }
  }
  return out;
}

json::object CalendarObject(const SettingsView::Calendar& c) {
  json::object week;
  for (int day = 0; day < 7; ++day) week[kWeekdays[day]] = Periods(c.week[day]);
  json::array holidays;
  for (const CivilDate& d : c.holidays) holidays.emplace_back(ToString(d));
  json::array special_days;
  for (const domain::sla::SpecialDay& d : c.special_days) {
    special_days.emplace_back(
        json::object{{"date", ToString(d.date)}, {"hours", Periods(d.hours)}});
  }
  json::array rule_days;
  for (const SettingsView::RuleDay& d : c.rule_days) {
    rule_days.emplace_back(
        json::object{{"date", ToString(d.date)}, {"name", d.name}, {"eve", d.eve}});
  }
  json::object o;
  o["name"] = c.name;
  o["preset"] = c.preset.empty() ? json::value(nullptr) : json::value(c.preset);
  o["time_zone"] = c.time_zone;
  o["week"] = std::move(week);
  o["holidays"] = std::move(holidays);
  o["special_days"] = std::move(special_days);
  o["computed_days"] = std::move(rule_days);
  o["eve_closing"] =
      c.eve_closing_minute ? json::value(ClockTime(*c.eve_closing_minute)) : json::value(nullptr);
  return o;
}

json::object SlaObject(const SettingsView& s) {
  json::array calendars;
  for (const SettingsView::Calendar& c : s.calendars) calendars.emplace_back(CalendarObject(c));
  json::array teams;
  for (const auto& [team, calendar] : s.team_calendars) {
    teams.emplace_back(json::object{{"team", team}, {"calendar", calendar}});
  }
  json::object o;
  o["policies"] = Policies(s.sla_policies);
  o["default_calendar"] = s.default_calendar;
  o["calendars"] = std::move(calendars);
  o["teams"] = std::move(teams);
  o["escalation"] = json::object{{"on_warning", Actions(s.escalation.on_warning)},
                                 {"on_breach", Actions(s.escalation.on_breach)}};
  return o;
}

json::object RepliesObject(const SettingsView& s) {
  const domain::SensitiveLexicon& lexicon = s.approval.lexicon;
  json::object o;
  o["vip_followers"] = s.approval.vip_followers;
  o["verified_is_vip"] = s.approval.verified_is_vip;
  o["sensitive"] = json::object{{"health", Strings(lexicon.health)},
                                {"legal", Strings(lexicon.legal)},
                                {"safety", Strings(lexicon.safety)},
                                {"discrimination", Strings(lexicon.discrimination)},
                                {"boycott", Strings(lexicon.boycott)}};
  o["stock_phrases"] = Strings(s.generic_drafts.stock_phrases);
  o["near_duplicate_similarity"] = s.generic_drafts.duplicate_similarity;
  o["near_duplicate_min_count"] = s.generic_drafts.duplicate_min_count;
  return o;
}

}  // namespace

std::string SettingsJson(const SettingsView& s) {
  json::array channels;
  for (const SettingsView::ChannelAccount& a : s.channels) {
    channels.emplace_back(json::object{{"platform", domain::PlatformName(a.platform)},
                                       {"account_id", a.account_id},
                                       {"handle", a.handle},
                                       {"name", a.name},
                                       {"api_base", a.api_base},
                                       {"can_reply", a.can_reply}});
  }
  json::object o;
  o["sla"] = SlaObject(s);
  o["routing"] = json::object{{"reassign_minutes", s.routing.reassign_after / 60'000},
                              {"sweep_interval_ms", s.routing.interval}};
  o["replies"] = RepliesObject(s);
  o["channels"] = std::move(channels);
  return json::serialize(o);
}

}  // namespace fr::api
