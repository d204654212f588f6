// The JSON of GET /api/v1/settings from a SettingsView: every section, and the derived SLA
// targets of every platform and priority.
#include "api/settings_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace fr::api {
namespace {

namespace json = boost::json;
using domain::Platform;
using domain::Priority;

SettingsView Sample() {
  SettingsView s;
  domain::sla::SlaPolicy x = domain::sla::DefaultSlaPolicy(Platform::kX, Priority::kNormal);
  x.first_response = std::chrono::minutes(20);
  x.next_response = std::chrono::minutes(40);
  x.warn_fraction = 0.75;
  s.sla_policies = std::move(domain::sla::SlaPolicyTable::Create({x})).value();
  s.default_calendar = "night";
  SettingsView::Calendar night;
  night.name = "night";
  night.time_zone = "Asia/Jerusalem";
  night.week[0] = {{0, 8 * 60}, {20 * 60, 24 * 60}};
  night.holidays = {CivilDate{2026, 12, 25}};
  night.special_days = {{CivilDate{2026, 12, 31}, {{20 * 60, 22 * 60}}}};
  night.rule_days = {{CivilDate{2026, 9, 11}, "rosh_hashanah", true}};
  night.eve_closing_minute = 13 * 60 + 30;
  s.calendars.push_back(night);
  s.team_calendars = {{"לילה", "night"}};
  s.escalation.on_warning = {domain::sla::EscalationAction::kNotifySupervisors};
  s.routing.reassign_after = 0;
  s.approval.vip_followers = 777;
  s.approval.verified_is_vip = false;
  s.approval.lexicon = domain::SensitiveLexicon{{"בחילה"}, {"lawyer"}, {}, {}, {"חרם"}};
  s.generic_drafts.stock_phrases = {"thanks for reaching out"};
  s.channels.push_back({Platform::kX, "1001", "brand", "", "https://api.x.com", false});
  return s;
}

TEST(SettingsJsonTest, RendersEverySection) {
  const json::value doc = json::parse(SettingsJson(Sample()));
  const json::object& sla = doc.at("sla").as_object();
  EXPECT_EQ(sla.at("default_calendar").as_string(), "night");
  const json::object& night = sla.at("calendars").at(0).as_object();
  EXPECT_EQ(night.at("name").as_string(), "night");
  EXPECT_TRUE(night.at("preset").is_null());
  EXPECT_EQ(night.at("time_zone").as_string(), "Asia/Jerusalem");
  EXPECT_EQ(night.at("week"), json::parse(R"({"sunday":["00:00-08:00","20:00-24:00"],
      "monday":[],"tuesday":[],"wednesday":[],"thursday":[],"friday":[],"saturday":[]})"));
  EXPECT_EQ(night.at("holidays"), json::parse(R"(["2026-12-25"])"));
  EXPECT_EQ(night.at("special_days"),
            json::parse(R"([{"date":"2026-12-31","hours":["20:00-22:00"]}])"));
  EXPECT_EQ(night.at("computed_days"),
            json::parse(R"([{"date":"2026-09-11","name":"rosh_hashanah","eve":true}])"));
  EXPECT_EQ(night.at("eve_closing").as_string(), "13:30");
  EXPECT_EQ(sla.at("teams"), json::parse(R"([{"team":"לילה","calendar":"night"}])"));
  EXPECT_EQ(sla.at("escalation"), json::parse(R"({"on_warning":["notify_supervisors"],
                            "on_breach":["notify_supervisors","raise_priority"]})"));

  EXPECT_EQ(doc.at("routing").at("reassign_minutes").as_int64(), 0);
  const json::object& replies = doc.at("replies").as_object();
  EXPECT_EQ(replies.at("vip_followers").as_int64(), 777);
  EXPECT_FALSE(replies.at("verified_is_vip").as_bool());
  EXPECT_EQ(replies.at("sensitive"),
            json::parse(R"({"health":["בחילה"],"legal":["lawyer"],"safety":[],
                            "discrimination":[],"boycott":["חרם"]})"));
  EXPECT_EQ(replies.at("stock_phrases"), json::parse(R"(["thanks for reaching out"])"));
  EXPECT_EQ(doc.at("channels"),
            json::parse(R"([{"platform":"x","account_id":"1001","handle":"brand","name":"",
                             "api_base":"https://api.x.com","can_reply":false}])"));
}

TEST(SettingsJsonTest, PoliciesCoverEveryPlatformAndPriorityWithDerivedTargets) {
  const json::value doc = json::parse(SettingsJson(Sample()));
  std::map<std::string, json::value> by_key;
  for (const json::value& p : doc.at("sla").at("policies").as_array()) {
    by_key[std::string(p.at("platform").as_string()) + "/" +
           std::string(p.at("priority").as_string())] = p;
  }
  EXPECT_EQ(by_key.size(), 7u * 4u);
  EXPECT_EQ(by_key["x/normal"], json::parse(R"({"platform":"x","priority":"normal",
      "first_response_minutes":20,"next_response_minutes":40,"warn_percent":75})"));
  EXPECT_EQ(by_key["x/urgent"].at("first_response_minutes").as_int64(), 10);  // scaled
  EXPECT_EQ(by_key["x/low"].at("next_response_minutes").as_int64(), 80);
  EXPECT_EQ(by_key["facebook/normal"].at("first_response_minutes").as_int64(), 240);  // default
  EXPECT_EQ(by_key["rss/high"].at("first_response_minutes").as_int64(), 1080);
}

}  // namespace
}  // namespace fr::api
