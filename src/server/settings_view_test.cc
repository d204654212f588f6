// GET /api/v1/settings from a real configuration file: everything the Settings screen shows
// is there, and no secret is — neither from the file nor from the environment.
#include "server/settings_view.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

namespace fr::server {
namespace {

namespace json = boost::json;

// Every secret below is a distinct string that appears nowhere else in the file.
constexpr char kConfig[] = R"(
[routing]
reassign_minutes = 20

[sla]
calendar = "support"
[sla.policies.x]
first_response_minutes = 30
[sla.calendars.support]
preset = "israel"
friday = []
holidays = ["2026-12-25"]
special_days = { "2026-12-31" = ["09:00-12:30"] }
[sla.teams]
"צוות X" = "support"
[sla.escalation]
on_breach = ["reassign"]

[replies]
vip_followers = 5000
sensitive_health = ["קלקול קיבה"]
stock_phrases = ["we value your feedback"]

[x]
consumer_secret = "SECRET-x-consumer-1f9a"
api_base = "http://127.0.0.1:9100/"
[[x.accounts]]
user_id = "1000000000000000001"
handle = "kantina_il"
access_token = "SECRET-x-token-7c2e"
[[x.accounts]]
user_id = "1000000000000000002"
handle = "kantina_listen"

[meta]
app_secret = "SECRET-meta-app-55d0"
verify_token = "SECRET-meta-verify-a3b1"
[[meta.pages]]
page_id = "123456"
name = "קנטינה"
instagram_user_id = "1784"
access_token = "SECRET-page-token-e8f4"
)";

const std::vector<std::string> kSecrets = {"SECRET-x-consumer-1f9a", "SECRET-x-token-7c2e",
                                           "SECRET-meta-app-55d0",   "SECRET-meta-verify-a3b1",
                                           "SECRET-page-token-e8f4", "SECRET-env-x-token-2d2d",
                                           "SECRET-env-app-9090",    "SECRET-env-verify-4b4b"};

constexpr UnixMillis kJune2026 = 1'780'000'000'000;  // 2026-05-28

class SettingsViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Secrets from the environment win over the file's: they must not show either.
    std::map<std::string, std::string> env{
        {"FEEDROOM_X_ACCESS_TOKEN_1000000000000000002", "SECRET-env-x-token-2d2d"},
        {"FEEDROOM_META_APP_SECRET", "SECRET-env-app-9090"},
        {"FEEDROOM_META_VERIFY_TOKEN", "SECRET-env-verify-4b4b"}};
    auto config = ParseConfig(kConfig, "feedroom.toml",
                              [env](const std::string& k) -> std::optional<std::string> {
                                auto it = env.find(k);
                                if (it == env.end()) return std::nullopt;
                                return it->second;
                              });
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    config_ = std::move(config).value();
    body_ = api::SettingsJson(SettingsViewOf(config_, kJune2026));
    doc_ = json::parse(body_);
  }

  ServerConfig config_;
  std::string body_;
  json::value doc_;
};

TEST_F(SettingsViewTest, NoSecretIsShown) {
  // The configuration did load them (so the test would see a leak).
  ASSERT_EQ(config_.x->consumer_secret, "SECRET-x-consumer-1f9a");
  ASSERT_EQ(config_.x->accounts.at(1).access_token, "SECRET-env-x-token-2d2d");
  ASSERT_EQ(config_.meta->verify_token, "SECRET-env-verify-4b4b");
  for (const std::string& secret : kSecrets) {
    EXPECT_EQ(body_.find(secret), std::string::npos) << secret;
    EXPECT_EQ(body_.find(secret.substr(7)), std::string::npos) << secret;  // without "SECRET-"
  }
  EXPECT_EQ(body_.find("SECRET"), std::string::npos);
}

TEST_F(SettingsViewTest, ChannelAccountsSayWhetherTheyCanReply) {
  const json::array& channels = doc_.at("channels").as_array();
  ASSERT_EQ(channels.size(), 5u);  // 2 X accounts; the Page on Facebook and Messenger; Instagram
  EXPECT_EQ(channels[0].at("platform").as_string(), "x");
  EXPECT_EQ(channels[0].at("account_id").as_string(), "1000000000000000001");
  EXPECT_EQ(channels[0].at("handle").as_string(), "kantina_il");
  EXPECT_EQ(channels[0].at("api_base").as_string(), "http://127.0.0.1:9100");
  EXPECT_TRUE(channels[0].at("can_reply").as_bool());
  EXPECT_TRUE(channels[1].at("can_reply").as_bool());  // its token came from the environment
  EXPECT_EQ(channels[2].at("platform").as_string(), "facebook");
  EXPECT_EQ(channels[2].at("account_id").as_string(), "123456");
  EXPECT_EQ(channels[2].at("name").as_string(), "קנטינה");
  EXPECT_EQ(channels[2].at("api_base").as_string(), "https://graph.facebook.com/v21.0");
  EXPECT_EQ(channels[3].at("platform").as_string(), "messenger");
  EXPECT_EQ(channels[4].at("platform").as_string(), "instagram");
  EXPECT_EQ(channels[4].at("account_id").as_string(), "1784");
}

TEST_F(SettingsViewTest, SlaRoutingAndReplyRulesAreAsConfigured) {
  const json::object& sla = doc_.at("sla").as_object();
  EXPECT_EQ(sla.at("default_calendar").as_string(), "support");
  bool found_x_urgent = false;
  for (const json::value& p : sla.at("policies").as_array()) {
    if (p.at("platform") == "x" && p.at("priority") == "normal") {
      EXPECT_EQ(p.at("first_response_minutes").as_int64(), 30);
      EXPECT_EQ(p.at("next_response_minutes").as_int64(), 30);
      EXPECT_EQ(p.at("warn_percent").as_int64(), 80);
    }
    if (p.at("platform") == "x" && p.at("priority") == "urgent") {
      found_x_urgent = true;
      EXPECT_EQ(p.at("first_response_minutes").as_int64(), 15);  // 30 halved
    }
  }
  EXPECT_TRUE(found_x_urgent);
  EXPECT_EQ(sla.at("policies").as_array().size(), 7u * 4u);

  const json::object* support = nullptr;
  for (const json::value& c : sla.at("calendars").as_array()) {
    if (c.at("name") == "support") support = &c.as_object();
  }
  ASSERT_NE(support, nullptr);
  EXPECT_EQ(support->at("preset").as_string(), "israel");
  EXPECT_EQ(support->at("time_zone").as_string(), "Asia/Jerusalem");
  EXPECT_EQ(support->at("week").at("sunday"), json::parse(R"(["09:00-18:00"])"));
  EXPECT_EQ(support->at("week").at("friday"), json::array());  // configured closed
  EXPECT_EQ(support->at("holidays"), json::parse(R"(["2026-12-25"])"));
  EXPECT_EQ(support->at("special_days"),
            json::parse(R"([{"date":"2026-12-31","hours":["09:00-12:30"]}])"));
  EXPECT_EQ(support->at("eve_closing").as_string(), "13:00");
  bool rosh_hashanah = false;
  for (const json::value& d : support->at("computed_days").as_array()) {
    if (d.at("date") == "2026-09-12") {
      rosh_hashanah = d.at("name") == "rosh_hashanah" && !d.at("eve").as_bool();
    }
  }
  EXPECT_TRUE(rosh_hashanah) << support->at("computed_days");
  EXPECT_EQ(sla.at("teams"), json::parse(R"([{"team":"צוות X","calendar":"support"}])"));
  EXPECT_EQ(sla.at("escalation"), json::parse(R"({"on_warning":[],"on_breach":["reassign"]})"));

  EXPECT_EQ(doc_.at("routing").at("reassign_minutes").as_int64(), 20);
  const json::object& replies = doc_.at("replies").as_object();
  EXPECT_EQ(replies.at("vip_followers").as_int64(), 5000);
  const json::array& health = replies.at("sensitive").at("health").as_array();
  EXPECT_NE(std::find(health.begin(), health.end(), json::value("קלקול קיבה")), health.end());
  EXPECT_NE(std::find(health.begin(), health.end(), json::value("הרעלה")), health.end());
  const json::array& stock = replies.at("stock_phrases").as_array();
  EXPECT_NE(std::find(stock.begin(), stock.end(), json::value("we value your feedback")),
            stock.end());
}

TEST_F(SettingsViewTest, TheBuiltInCalendarsAreListedToo) {
  std::map<std::string, json::value> by_name;
  for (const json::value& c : doc_.at("sla").at("calendars").as_array()) {
    by_name[std::string(c.at("name").as_string())] = c;
  }
  ASSERT_TRUE(by_name.contains("always"));
  EXPECT_EQ(by_name["always"].at("week").at("saturday"), json::parse(R"(["00:00-24:00"])"));
  EXPECT_EQ(by_name["always"].at("time_zone").as_string(), "UTC");
  EXPECT_TRUE(by_name["always"].at("computed_days").as_array().empty());
  ASSERT_TRUE(by_name.contains("israel"));
  EXPECT_EQ(by_name["israel"].at("week").at("friday"), json::parse(R"(["09:00-13:00"])"));
}

}  // namespace
}  // namespace fr::server
