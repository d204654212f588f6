#include "server/simulator_config.h"

#include <gtest/gtest.h>

#include "channels/feed/feed_parse.h"
#include "channels/sim/scenario_player.h"
#include "channels/sim/sim_platform.h"
#include "channels/x/x_listen_request.h"
#include "channels/x/x_v2_tweets.h"

namespace fr::server {
namespace {

EnvLookup NoEnv() {
  return [](const std::string&) { return std::nullopt; };
}

TEST(SimulatorConfigTest, CarriesEveryAccountSecretAndToken) {
  auto config = ParseConfig(R"(
[x]
consumer_secret = "x-secret"
[[x.accounts]]
user_id = "1500000000000000001"
handle = "kantina_il"
access_token = "x-token"

[meta]
app_secret = "meta-secret"
verify_token = "vt"
[[meta.pages]]
page_id = "104000000000001"
name = "קנטינה"
instagram_user_id = "17841400000000001"
access_token = "page-token"
)",
                            "f.toml", NoEnv());
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  channels::sim::SimConfig sim = SimConfigFor(*config);
  EXPECT_EQ(sim.x.consumer_secret, "x-secret");
  ASSERT_EQ(sim.x.accounts.size(), 1u);
  EXPECT_EQ(sim.x.accounts[0].user_id, "1500000000000000001");
  EXPECT_EQ(sim.x.accounts[0].handle, "kantina_il");
  EXPECT_EQ(sim.x.accounts[0].access_token, "x-token");
  EXPECT_EQ(sim.meta.app_secret, "meta-secret");
  ASSERT_EQ(sim.meta.pages.size(), 1u);
  EXPECT_EQ(sim.meta.pages[0].page_id, "104000000000001");
  EXPECT_EQ(sim.meta.pages[0].name, "קנטינה");
  EXPECT_EQ(sim.meta.pages[0].instagram_user_id, "17841400000000001");
  EXPECT_EQ(sim.meta.pages[0].access_token, "page-token");
}

TEST(SimulatorConfigTest, CarriesTheListeningBearerTokenAndFeeds) {
  auto config = ParseConfig(R"(
[x]
consumer_secret = "x-secret"
[[x.accounts]]
user_id = "1500000000000000001"
[x.listening]
bearer_token = "app-token"

[listening]
[[listening.feeds]]
id = "forum.demo"
url = "http://127.0.0.1:8090/feeds/forum.demo.xml"
)",
                            "f.toml", NoEnv());
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  channels::sim::SimConfig sim = SimConfigFor(*config);
  EXPECT_EQ(sim.x.app_bearer_token, "app-token");
  EXPECT_EQ(sim.feed_ids, std::vector<std::string>{"forum.demo"});
}

TEST(SimulatorConfigTest, AChannelNotConfiguredHasNoAccounts) {
  ServerConfig config;
  config.x = channels::x::XConfig{"x-secret", "https://api.x.com", {{"1", "brand"}}};
  channels::sim::SimConfig sim = SimConfigFor(config);
  EXPECT_EQ(sim.x.accounts.size(), 1u);
  EXPECT_TRUE(sim.meta.pages.empty());
  EXPECT_TRUE(sim.meta.app_secret.empty());
  EXPECT_TRUE(sim.x.app_bearer_token.empty());
}

// The demo's listening sources hear the demo scenario through the simulator configured from
// the same file: its searches find the X posts no webhook announces, and its feed carries the
// forum posts.
TEST(SimulatorConfigTest, TheDemoListeningHearsTheDemoScenario) {
  auto config = LoadConfigFile(std::string(FR_SOURCE_DIR) + "/config/demo.toml", NoEnv());
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  auto scenario =
      channels::sim::LoadScenarioFile(std::string(FR_SOURCE_DIR) + "/config/scenarios/demo.toml");
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  std::size_t posts = 0;
  std::size_t forum_posts = 0;
  for (const channels::sim::ScenarioStep& step : scenario->steps) {
    posts += step.kind == channels::sim::CustomerActionKind::kPost;
    forum_posts += step.kind == channels::sim::CustomerActionKind::kForum;
  }
  EXPECT_GE(posts, 3u);
  EXPECT_GE(forum_posts, 3u);

  channels::sim::SimPlatform sim(SimConfigFor(*config));
  constexpr UnixMillis kStart = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
  constexpr UnixMillis kEnd = kStart + 3'600'000;
  auto player = channels::sim::ScenarioPlayer::Start(*scenario, sim, kStart);
  ASSERT_TRUE(player.ok()) << player.status().ToString();
  ASSERT_TRUE(player->PlayDue(kEnd).ok());

  ASSERT_TRUE(config->x_listening.has_value());
  EXPECT_FALSE(config->x_listening->stream);  // the simulator cannot stream
  ASSERT_FALSE(config->x_listening->searches.empty());
  std::size_t overheard = 0;
  for (const std::string& query : config->x_listening->searches) {
    channels::sim::SimRequest search;
    search.method = "GET";
    search.target =
        "/2/tweets/search/recent?max_results=100&query=" + channels::x::QueryValue(query) + "&" +
        std::string(channels::x::PostFieldsQuery());
    search.headers.Add("Authorization", "Bearer " + config->x_listening->bearer_token);
    const channels::sim::SimResponse answer = sim.Handle(search, kEnd);
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto found = channels::x::ParseV2Tweets(answer.body, config->x_listening->account);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    for (const domain::Message& m : *found) overheard += m.kind == domain::MessageKind::kPost;
  }
  EXPECT_EQ(overheard, posts);

  ASSERT_EQ(config->feeds.size(), 1u);
  const std::string& url = config->feeds[0].url;
  ASSERT_TRUE(url.starts_with(config->x->api_base + "/")) << url;  // served by the simulator
  channels::sim::SimRequest get;
  get.method = "GET";
  get.target = url.substr(config->x->api_base.size());
  const channels::sim::SimResponse feed = sim.Handle(get, kEnd);
  ASSERT_EQ(feed.status, 200) << feed.body;
  auto document = channels::feed::ParseFeed(feed.body, "application/rss+xml", url);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_FALSE(document->bozo);
  EXPECT_EQ(document->items.size(), forum_posts);
}

}  // namespace
}  // namespace fr::server
