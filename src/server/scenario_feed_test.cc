#include "server/scenario_feed.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "channels/sim/scenario.h"

namespace fr::server {
namespace {

constexpr UnixMillis kNow = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

TEST(ScenarioPaceTest, AtSpeedOneTheScenarioStartsNowAndRunsInRealTime) {
  ScenarioPace pace(kNow, 480'000, 1.0);
  EXPECT_EQ(pace.scenario_start(), kNow);
  EXPECT_EQ(pace.ScenarioTime(kNow + 30'000), kNow + 30'000);
  EXPECT_EQ(pace.WallTime(kNow + 30'000), kNow + 30'000);
}

TEST(ScenarioPaceTest, ASpedUpScenarioIsBackDatedSoNothingIsDatedInTheFuture) {
  ScenarioPace pace(kNow, 100'000, 10.0);  // 100 s of scenario in 10 s
  EXPECT_EQ(pace.scenario_start(), kNow - 90'000);
  // The last step (at 100 s) plays 10 s from now, dated then.
  EXPECT_EQ(pace.WallTime(pace.scenario_start() + 100'000), kNow + 10'000);
  // Every step plays at the first millisecond it is due, and never before the time it is dated.
  for (std::int64_t at = 0; at <= 100'000; at += 7'001) {
    const UnixMillis dated = pace.scenario_start() + at;
    const UnixMillis plays = pace.WallTime(dated);
    EXPECT_GE(plays, dated) << at;                     // not dated in the future
    EXPECT_GE(pace.ScenarioTime(plays), dated) << at;  // due when woken
    EXPECT_LT(pace.ScenarioTime(plays - 1), dated) << at;  // and not a millisecond before
  }
}

TEST(ScenarioPaceTest, ASlowedDownScenarioStartsNow) {
  ScenarioPace pace(kNow, 60'000, 0.5);
  EXPECT_EQ(pace.scenario_start(), kNow);
  EXPECT_EQ(pace.WallTime(kNow + 60'000), kNow + 120'000);
}

constexpr char kTwoSteps[] = R"(
[[customers]]
key = "dana"
platform = "x"
id = "1600000000000000101"
handle = "dana_levi"

[[steps]]
id = "late"
at = 0
customer = "dana"
kind = "mention"
text = "first: where is my order"

[[steps]]
at = 2
customer = "dana"
kind = "reply"
in_reply_to = "late"
text = "second: still waiting"
)";

// What both feed tests start from: kTwoSteps on a simulator with one X account, and a
// forwarder to Feedroom that keeps the body of every webhook it sends and answers 200.
class ScenarioFeedTest : public ::testing::Test {
 protected:
  static channels::sim::SimConfig OneXAccount() {
    channels::sim::SimConfig config;
    config.x.consumer_secret = "secret";
    config.x.accounts = {{"1500000000000000001", "kantina_il", "token"}};
    return config;
  }
  static WebhookForwarderOptions ToFeedroom() {
    WebhookForwarderOptions options;
    options.target = "http://feedroom";
    return options;
  }

  // Parses kTwoSteps and starts playing it on platform_, its step times counted from `start`.
  Result<channels::sim::ScenarioPlayer> StartTwoSteps(UnixMillis start) {
    auto scenario = channels::sim::ParseScenario(kTwoSteps, "two.toml");
    if (!scenario.ok()) return scenario.status();
    return channels::sim::ScenarioPlayer::Start(std::move(*scenario), platform_, start);
  }

  // Waits up to 10 s until `count` webhooks have been sent; true when they have.
  bool WaitForBodies(std::size_t count) {
    std::unique_lock<std::mutex> lock(mu_);
    return sent_.wait_for(lock, std::chrono::seconds(10), [&] { return bodies_.size() >= count; });
  }
  // The bodies of the webhooks sent so far, in the order they were sent.
  std::vector<std::string> Bodies() {
    std::lock_guard<std::mutex> lock(mu_);
    return bodies_;
  }

  channels::sim::SimPlatform platform_{OneXAccount()};
  std::mutex mu_;
  std::condition_variable sent_;
  std::vector<std::string> bodies_;
  WebhookForwarder forwarder_{
      ToFeedroom(), [this](const channels::HttpRequest& r) -> Result<channels::HttpResponse> {
        {
          std::lock_guard<std::mutex> lock(mu_);
          bodies_.push_back(r.body);
        }
        sent_.notify_all();
        return channels::HttpResponse{200, {}, ""};
      }};
};

TEST_F(ScenarioFeedTest, PlaysEveryStepInOrderIntoTheForwarder) {
  SystemClock clock;
  ScenarioPace pace(clock.NowMillis(), 2'000, 1000.0);  // 2 s of scenario in 2 ms
  auto player = StartTwoSteps(pace.scenario_start());
  ASSERT_TRUE(player.ok()) << player.status().ToString();
  ScenarioFeed feed(std::move(*player), pace, clock, forwarder_);
  ASSERT_TRUE(WaitForBodies(2));
  feed.Stop();
  forwarder_.Stop();

  const std::vector<std::string> bodies = Bodies();
  ASSERT_EQ(bodies.size(), 2u);
  EXPECT_NE(bodies[0].find("first: where is my order"), std::string::npos);
  EXPECT_NE(bodies[1].find("second: still waiting"), std::string::npos);
}

// On-demand steps go through the same forwarder, after the steps played before them, dated
// by the wall clock once the sped-up scenario has run ahead of it (never in the future).
TEST_F(ScenarioFeedTest, OnDemandStepsFollowThePlayedStepsAndAreNeverDatedInTheFuture) {
  ManualClock clock(kNow);
  ScenarioPace pace(kNow, 2'000, 1000.0);
  auto player = StartTwoSteps(pace.scenario_start());
  ASSERT_TRUE(player.ok()) << player.status().ToString();
  clock.Set(kNow + 10'000);  // the scenario's clock is 10,000 s ahead by now
  ScenarioFeed feed(std::move(*player), pace, clock, forwarder_);
  Result<std::string> id = feed.PlayNow(
      R"({"customer":"dana","kind":"dm","text":"third: on demand"})");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_FALSE(id->empty());
  EXPECT_EQ(feed.PlayNow(R"({"customer":"dana","kind":"dm"})").status().reason(), "bad_step");
  ASSERT_TRUE(WaitForBodies(3));
  feed.Stop();
  EXPECT_EQ(feed.PlayNow(R"({"customer":"dana","kind":"dm","text":"late"})").status().reason(),
            "stopping");
  forwarder_.Stop();

  const std::vector<std::string> bodies = Bodies();
  ASSERT_EQ(bodies.size(), 3u);
  EXPECT_NE(bodies[0].find("first: where is my order"), std::string::npos);
  EXPECT_NE(bodies[1].find("second: still waiting"), std::string::npos);
  EXPECT_NE(bodies[2].find("third: on demand"), std::string::npos);
  EXPECT_NE(bodies[2].find(std::to_string(kNow + 10'000)), std::string::npos) << bodies[2];
}

}  // namespace
}  // namespace fr::server
