#include "server/simulator_config.h"

#include <gtest/gtest.h>

namespace fr::server {
namespace {

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
                            "f.toml", [](const std::string&) { return std::nullopt; });
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

TEST(SimulatorConfigTest, AChannelNotConfiguredHasNoAccounts) {
  ServerConfig config;
  config.x = channels::x::XConfig{"x-secret", "https://api.x.com", {{"1", "brand"}}};
  channels::sim::SimConfig sim = SimConfigFor(config);
  EXPECT_EQ(sim.x.accounts.size(), 1u);
  EXPECT_TRUE(sim.meta.pages.empty());
  EXPECT_TRUE(sim.meta.app_secret.empty());
}

}  // namespace
}  // namespace fr::server
