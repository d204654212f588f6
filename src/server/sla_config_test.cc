#include "server/sla_config.h"

#include <gtest/gtest.h>

#include <string>

#include "server/config.h"

namespace fr::server {
namespace {

using domain::Platform;
using domain::Priority;
using domain::sla::EscalationAction;

constexpr char kChannel[] = R"(
[x]
consumer_secret = "xsecret"
[[x.accounts]]
user_id = "1000000000000000001"
handle = "kantina_il"
)";

Result<ServerConfig> Parse(const std::string& sla) {
  return ParseConfig(std::string(kChannel) + sla, "feedroom.toml",
                     [](const std::string&) { return std::optional<std::string>(); });
}

std::string ErrorOf(const std::string& sla) {
  auto c = Parse(sla);
  EXPECT_FALSE(c.ok()) << "accepted:\n" << sla;
  return c.ok() ? "" : c.status().message();
}

TEST(SlaConfigTest, WithoutASectionTheDefaultsApply) {
  auto c = Parse("");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->sla.default_calendar, "always");
  EXPECT_TRUE(c->sla.calendars.contains("israel"));
  EXPECT_EQ(c->sla.policies.Lookup(Platform::kX, Priority::kNormal).first_response,
            std::chrono::minutes(60));
  EXPECT_EQ(c->sla.escalation.on_breach,
            (std::vector{EscalationAction::kNotifySupervisors, EscalationAction::kRaisePriority}));
  EXPECT_EQ(c->routing.reassign_after, 15 * 60 * 1000);
}

TEST(SlaConfigTest, ParsesPoliciesCalendarsTeamsAndEscalation) {
  auto c = Parse(R"(
[routing]
reassign_minutes = 0

[sla]
calendar = "israel"
warn_percent = 75

[sla.policies.x]
first_response_minutes = 30
[sla.policies.x.urgent]
first_response_minutes = 10
next_response_minutes = 20
[sla.policies.linkedin]
first_response_minutes = 480
next_response_minutes = 240

[sla.calendars.night]
time_zone = "Asia/Jerusalem"
sunday = ["00:00-08:00", "20:00-24:00"]
monday = ["20:00-24:00"]
holidays = ["2026-12-25"]
special_days = { "2026-12-31" = ["20:00-22:00"] }

[sla.calendars.support]
preset = "israel"
friday = []

[sla.teams]
"צוות לילה" = "night"
"צוות X" = "support"

[sla.escalation]
on_warning = ["notify_supervisors"]
on_breach = ["raise_priority", "reassign"]
)");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->routing.reassign_after, 0);
  const SlaConfig& s = c->sla;
  EXPECT_EQ(s.default_calendar, "israel");
  auto x = s.policies.Lookup(Platform::kX, Priority::kNormal);
  EXPECT_EQ(x.first_response, std::chrono::minutes(30));
  EXPECT_EQ(x.next_response, std::chrono::minutes(30));  // defaults to the first response
  EXPECT_DOUBLE_EQ(x.warn_fraction, 0.75);
  EXPECT_EQ(s.policies.Lookup(Platform::kX, Priority::kUrgent).next_response,
            std::chrono::minutes(20));
  EXPECT_EQ(s.policies.Lookup(Platform::kX, Priority::kHigh).first_response,
            std::chrono::minutes(22));  // 30 x 3/4
  EXPECT_EQ(s.policies.Lookup(Platform::kLinkedIn, Priority::kNormal).next_response,
            std::chrono::minutes(240));
  // Platforms left at their defaults warn at the configured share too.
  auto facebook = s.policies.Lookup(Platform::kFacebook, Priority::kNormal);
  EXPECT_EQ(facebook.first_response, std::chrono::minutes(240));
  EXPECT_DOUBLE_EQ(facebook.warn_fraction, 0.75);

  ASSERT_TRUE(s.calendars.contains("night"));
  const auto& night = s.calendars.at("night").calendar;
  // Sunday 2026-12-20 21:00 in Jerusalem (19:00 UTC): working; 12:00 is not.
  EXPECT_EQ(*night.WorkingTimeBetween(UtcMillisOf({2026, 12, 20}, 19 * 60),
                                      UtcMillisOf({2026, 12, 20}, 19 * 60 + 30)),
            std::chrono::minutes(30));
  EXPECT_EQ(*night.WorkingTimeBetween(UtcMillisOf({2026, 12, 20}, 10 * 60),
                                      UtcMillisOf({2026, 12, 20}, 10 * 60 + 30)),
            std::chrono::minutes(0));
  EXPECT_EQ(s.team_calendars.at("צוות לילה"), "night");
  EXPECT_EQ(s.escalation.on_warning, (std::vector{EscalationAction::kNotifySupervisors}));
  EXPECT_EQ(s.escalation.on_breach,
            (std::vector{EscalationAction::kRaisePriority, EscalationAction::kReassign}));
}

TEST(SlaConfigTest, ErrorsNameTheKey) {
  EXPECT_EQ(ErrorOf("[sla]\ncalendar = \"mars\"\n"), "sla.calendar: no calendar named \"mars\"");
  EXPECT_EQ(ErrorOf("[sla]\nwarn_percent = 0\n"), "sla.warn_percent: must be between 1 and 100");
  EXPECT_EQ(ErrorOf("[sla.policies.myspace]\nfirst_response_minutes = 5\n"),
            "sla.policies.myspace: unknown platform");
  EXPECT_EQ(ErrorOf("[sla.policies.x]\nfirst_response_minutes = 0\n"),
            "sla.policies.x.first_response_minutes: must be between 1 and 129600");
  EXPECT_EQ(ErrorOf("[sla.policies.x.critical]\n"), "sla.policies.x.critical: unknown key");
  EXPECT_EQ(ErrorOf("[sla.calendars.a]\nsunday = [\"9-17\"]\n"),
            "sla.calendars.a.sunday[0]: \"9-17\" is not a period like \"09:00-18:00\"");
  EXPECT_EQ(ErrorOf("[sla.calendars.a]\nsunday = [\"09:00-18:00\"]\nholidays = [\"2026-02-30\"]\n")
                .rfind("sla.calendars.a: ", 0),
            0u);
  EXPECT_EQ(ErrorOf("[sla.calendars.a]\ntime_zone = \"Mars/Olympus\"\nsunday = [\"09:00-18:00\"]\n")
                .rfind("sla.calendars.a: ", 0),
            0u);
  EXPECT_EQ(ErrorOf("[sla.calendars.a]\n"), "sla.calendars.a: has no working time");
  EXPECT_EQ(ErrorOf("[sla.calendars.israel]\nsunday = [\"09:00-18:00\"]\n"),
            "sla.calendars.israel: is a built-in calendar; choose another name");
  EXPECT_EQ(ErrorOf("[sla.teams]\n\"צוות X\" = \"nowhere\"\n"),
            "sla.teams.צוות X: no calendar named \"nowhere\"");
  EXPECT_EQ(ErrorOf("[sla.escalation]\non_breach = [\"page_the_ceo\"]\n"),
            "sla.escalation.on_breach: unknown action \"page_the_ceo\" (notify_supervisors, "
            "raise_priority, reassign)");
  EXPECT_EQ(ErrorOf("[routing]\nreassign_minutes = -1\n"),
            "routing.reassign_minutes: must be between 0 and 1440");
}

TEST(RepliesConfigTest, ApprovalThresholdsAndListsThatAddToTheBuiltIns) {
  auto defaults = Parse("");
  ASSERT_TRUE(defaults.ok());
  auto c = Parse(R"(
[replies]
vip_followers = 5000
verified_is_vip = false
sensitive_health = ["צליאק", "celiac"]
stock_phrases = ["פנייתך חשובה לנו"]
)");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->replies.approval.vip_followers, 5000);
  EXPECT_FALSE(c->replies.approval.verified_is_vip);
  const auto& health = c->replies.approval.lexicon.health;
  EXPECT_EQ(health.size(), defaults->replies.approval.lexicon.health.size() + 2);
  EXPECT_EQ(health.back(), "celiac");
  EXPECT_EQ(c->replies.generic.stock_phrases.back(), "פנייתך חשובה לנו");
  EXPECT_EQ(ErrorOf("[replies]\nvip_followers = 0\n"),
            "replies.vip_followers: must be between 1 and 1000000000");
  EXPECT_EQ(ErrorOf("[replies]\nsensitive_weather = [\"שרב\"]\n"),
            "replies.sensitive_weather: unknown key");
}

TEST(SlaConfigTest, ResolveMapsTeamNamesToIdsAndSkipsUnknownOnes) {
  auto c = Parse("[sla.teams]\n\"צוות X\" = \"israel\"\n\"ghosts\" = \"israel\"\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  domain::Team x;
  x.id = 4;
  x.name = "צוות X";
  domain::Team meta;
  meta.id = 5;
  meta.name = "צוות Meta";
  engine::SlaSettings s = ResolveSlaSettings(c->sla, {x, meta});
  ASSERT_EQ(s.team_calendars.size(), 1u);
  EXPECT_TRUE(s.team_calendars.contains(4));
}

}  // namespace
}  // namespace fr::server
