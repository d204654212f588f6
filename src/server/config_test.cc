#include "server/config.h"

#include <gtest/gtest.h>

#include <map>

namespace fr::server {
namespace {

EnvLookup NoEnv() {
  return [](const std::string&) { return std::optional<std::string>(); };
}

constexpr char kValid[] = R"(
[server]
listen = "0.0.0.0:9090"
data_dir = "/tmp/fr"

[ingest]
reopen = "new_case"
link_window_hours = 12

[x]
consumer_secret = "xsecret"
[[x.accounts]]
user_id = "1000000000000000001"
handle = "kantina_il"

[meta]
app_secret = "msecret"
verify_token = "vt"
[[meta.pages]]
page_id = "123456"
name = "קנטינה"
instagram_user_id = "1784"
)";

TEST(ConfigTest, ParsesEverySection) {
  auto c = ParseConfig(kValid, "feedroom.toml", NoEnv());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->listen_host, "0.0.0.0");
  EXPECT_EQ(c->listen_port, 9090);
  EXPECT_EQ(c->data_dir, "/tmp/fr");
  EXPECT_EQ(c->ingest.threading.reopen_policy, domain::ReopenPolicy::kNewCase);
  EXPECT_EQ(c->ingest.threading.link_window_ms, 12LL * 3600 * 1000);
  ASSERT_TRUE(c->x);
  EXPECT_EQ(c->x->accounts.at(0).user_id, "1000000000000000001");
  ASSERT_TRUE(c->meta);
  EXPECT_EQ(c->meta->pages.at(0).name, "קנטינה");
  EXPECT_EQ(c->meta->pages.at(0).instagram_user_id, "1784");
}

TEST(ConfigTest, EnvironmentOverridesSecrets) {
  std::map<std::string, std::string> env{{"FEEDROOM_X_CONSUMER_SECRET", "from-env"}};
  auto c = ParseConfig(kValid, "f.toml", [&env](const std::string& k) -> std::optional<std::string> {
    auto it = env.find(k);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->x->consumer_secret, "from-env");
  EXPECT_EQ(c->meta->app_secret, "msecret");
}

struct BadCase {
  const char* toml;
  const char* message_part;
};

TEST(ConfigTest, ErrorsNameTheKey) {
  const BadCase cases[] = {
      {"[x]\n[[x.accounts]]\nuser_id = \"1\"\n", "x.consumer_secret: required (or set FEEDROOM_X_CONSUMER_SECRET)"},
      {"[x]\nconsumer_secret = \"s\"\n", "x.accounts: at least one"},
      {"[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuser_id = \"abc\"\n", "x.accounts[0].user_id: must be the numeric"},
      {"[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuserid = \"1\"\n", "x.accounts[0].userid: unknown key"},
      {"[meta]\napp_secret = \"s\"\n[[meta.pages]]\npage_id = \"1\"\n", "meta.verify_token: required"},
      {"[server]\nlisten = \"nope\"\n[x]\n", "server.listen: expected HOST:PORT"},
      {"[ingest]\nreopen = \"sometimes\"\n", "ingest.reopen: must be"},
      {"", "configure at least one channel"},
      {"[x\n", "f.toml:1:"},
  };
  for (const BadCase& bc : cases) {
    auto c = ParseConfig(bc.toml, "f.toml", NoEnv());
    ASSERT_FALSE(c.ok()) << bc.toml;
    EXPECT_EQ(c.status().code(), Errc::kInvalidArgument);
    EXPECT_NE(c.status().message().find(bc.message_part), std::string::npos)
        << "got: " << c.status().message() << " want: " << bc.message_part;
  }
}

TEST(ConfigTest, MissingFileIsNamed) {
  auto c = LoadConfigFile("/nonexistent/feedroom.toml", NoEnv());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("/nonexistent/feedroom.toml"), std::string::npos);
}

}  // namespace
}  // namespace fr::server
