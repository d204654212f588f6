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

TEST(ConfigTest, UnderstandingAndListeningHaveDefaultsAndChecks) {
  auto defaults = ParseConfig(kValid, "f.toml", NoEnv());
  ASSERT_TRUE(defaults.ok()) << defaults.status().ToString();
  EXPECT_EQ(defaults->models_dir, "models");
  EXPECT_EQ(defaults->triage.vip_followers, 10000);
  EXPECT_EQ(defaults->rules_file, "");
  auto set = ParseConfig(std::string(kValid) +
                             "\n[understanding]\nmodels = \"/opt/models\"\nvip_followers = 5000\n"
                             "wide_followers = 500\n[listening]\nrules_file = \"rules.txt\"\n"
                             "escalate = { \"food.safety\" = \"צוות X\", boycott = \"\" }\n",
                         "f.toml", NoEnv());
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->models_dir, "/opt/models");
  EXPECT_EQ(set->triage.vip_followers, 5000);
  EXPECT_EQ(set->triage.wide_followers, 500);
  EXPECT_EQ(set->rules_file, "rules.txt");
  ASSERT_EQ(set->escalations.size(), 2u);
  EXPECT_EQ(set->escalations[1], (std::pair<std::string, std::string>{"food.safety", "צוות X"}));
  EXPECT_NE(ParseConfig(std::string(kValid) + "\n[understanding]\nvip_followers = 10\n", "f.toml",
                        NoEnv())
                .status()
                .message()
                .find("understanding.vip_followers: must be at least wide_followers"),
            std::string::npos);
  EXPECT_NE(ParseConfig(std::string(kValid) + "\n[listening]\nrules = 1\n", "f.toml", NoEnv())
                .status()
                .message()
                .find("listening.rules: unknown key"),
            std::string::npos);
}

TEST(ConfigTest, TheWebRootDefaultsToTheViteOutput) {
  auto defaults = ParseConfig(kValid, "f.toml", NoEnv());
  ASSERT_TRUE(defaults.ok()) << defaults.status().ToString();
  EXPECT_EQ(defaults->web_root, "web/dist");
  auto set = ParseConfig(std::string(kValid) + "\n[web]\nroot = \"/srv/feedroom/web\"\n",
                         "f.toml", NoEnv());
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->web_root, "/srv/feedroom/web");
  EXPECT_NE(ParseConfig(std::string(kValid) + "\n[web]\nroot = \"\"\n", "f.toml", NoEnv())
                .status()
                .message()
                .find("web.root: must not be empty"),
            std::string::npos);
  EXPECT_NE(ParseConfig(std::string(kValid) + "\n[web]\ndir = \"x\"\n", "f.toml", NoEnv())
                .status()
                .message()
                .find("web.dir: unknown key"),
            std::string::npos);
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

TEST(ConfigTest, ReadsApiBasesAndAccountTokensWithEnvironmentOverrides) {
  constexpr char kTokens[] = R"(
[x]
consumer_secret = "xsecret"
api_base = "http://127.0.0.1:8090/"
[[x.accounts]]
user_id = "1"
access_token = "x-token-in-file"
[[x.accounts]]
user_id = "2"
access_token = "x-token-2"
[[x.accounts]]
user_id = "3"

[meta]
app_secret = "msecret"
verify_token = "vt"
graph_base = "http://127.0.0.1:8090"
graph_version = "v22.0"
[[meta.pages]]
page_id = "123456"
access_token = "page-token-in-file"
)";
  std::map<std::string, std::string> env{{"FEEDROOM_X_ACCESS_TOKEN_1", "x-token-from-env"},
                                         {"FEEDROOM_META_PAGE_TOKEN_123456", "page-token-env"}};
  auto lookup = [&env](const std::string& k) -> std::optional<std::string> {
    auto it = env.find(k);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  auto c = ParseConfig(kTokens, "f.toml", lookup);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->x->api_base, "http://127.0.0.1:8090");  // trailing slash dropped
  EXPECT_EQ(c->x->accounts.at(0).access_token, "x-token-from-env");
  EXPECT_EQ(c->x->accounts.at(1).access_token, "x-token-2");
  EXPECT_EQ(c->x->accounts.at(2).access_token, "");  // listens, cannot reply
  EXPECT_EQ(c->meta->graph_base, "http://127.0.0.1:8090");
  EXPECT_EQ(c->meta->graph_version, "v22.0");
  EXPECT_EQ(c->meta->pages.at(0).access_token, "page-token-env");

  auto file_only = ParseConfig(kTokens, "f.toml", NoEnv());
  ASSERT_TRUE(file_only.ok());
  EXPECT_EQ(file_only->x->accounts.at(0).access_token, "x-token-in-file");
  EXPECT_EQ(file_only->meta->pages.at(0).access_token, "page-token-in-file");
}

TEST(ConfigTest, XListeningReadsStreamRulesSearchesAndTheBearerToken) {
  constexpr char kListening[] = R"(
[x]
consumer_secret = "xsecret"
api_base = "http://127.0.0.1:8090"
[[x.accounts]]
user_id = "1"
handle = "Acme"
[[x.accounts]]
user_id = "2"
handle = "AcmeIL"
[x.listening]
bearer_token = "in-file"
account = "2"
stream = true
backfill_minutes = 2
heartbeat_seconds = 25
searches = ["קנטינה -is:retweet"]
search_interval_seconds = 120
[[x.listening.stream_rules]]
value = "(קנטינה OR cantina) -is:retweet"
tag = "brand"
)";
  std::map<std::string, std::string> env{{"FEEDROOM_X_BEARER_TOKEN", "from-env"}};
  auto c = ParseConfig(kListening, "f.toml", [&env](const std::string& k) -> std::optional<std::string> {
    auto it = env.find(k);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_TRUE(c->x_listening.has_value());
  const channels::x::XListenConfig& l = *c->x_listening;
  EXPECT_EQ(l.api_base, "http://127.0.0.1:8090");
  EXPECT_EQ(l.bearer_token, "from-env");
  EXPECT_EQ(l.account.handle, "AcmeIL");
  EXPECT_TRUE(l.stream);
  ASSERT_EQ(l.stream_rules.size(), 1u);
  EXPECT_EQ(l.stream_rules[0].value, "(קנטינה OR cantina) -is:retweet");
  EXPECT_EQ(l.stream_rules[0].tag, "brand");
  EXPECT_EQ(l.backfill_minutes, 2);
  EXPECT_EQ(l.heartbeat_timeout, std::chrono::seconds(25));
  EXPECT_EQ(l.searches, std::vector<std::string>{"קנטינה -is:retweet"});
  EXPECT_EQ(l.search_interval, std::chrono::seconds(120));

  auto without = ParseConfig(kValid, "f.toml", NoEnv());
  ASSERT_TRUE(without.ok());
  EXPECT_FALSE(without->x_listening.has_value());
}

TEST(ConfigTest, FeedsAreReadWithTheirIntervals) {
  const std::string text = std::string(kValid) +
                           "[listening]\n[[listening.feeds]]\nid = \"rotter\"\n"
                           "url = \"https://rotter.example/rss/\"\ninterval_minutes = 30\n"
                           "[[listening.feeds]]\nid = \"tapuz.food\"\nurl = \"http://tapuz.example/f.xml\"\n";
  auto c = ParseConfig(text, "f.toml", NoEnv());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->feeds.size(), 2u);
  EXPECT_EQ(c->feeds[0].id, "rotter");
  EXPECT_EQ(c->feeds[0].url, "https://rotter.example/rss/");  // kept as written
  EXPECT_EQ(c->feeds[0].interval, std::chrono::minutes(30));
  EXPECT_EQ(c->feeds[1].interval, std::chrono::minutes(15));
}

TEST(ConfigTest, ApiBasesDefaultToThePlatforms) {
  auto c = ParseConfig(kValid, "f.toml", NoEnv());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->x->api_base, "https://api.x.com");
  EXPECT_EQ(c->meta->graph_base, "https://graph.facebook.com");
  EXPECT_EQ(c->meta->graph_version, "v21.0");
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
      {"[x]\nconsumer_secret = \"s\"\napi_base = \"api.x.com\"\n[[x.accounts]]\nuser_id = \"1\"\n",
       "x.api_base: must be an http:// or https:// URL"},
      {"[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuser_id = \"1\"\naccess_token = 5\n",
       "x.accounts[0].access_token: must be a string"},
      {"[meta]\napp_secret = \"s\"\nverify_token = \"v\"\ngraph_base = \"ftp://g\"\n"
       "[[meta.pages]]\npage_id = \"1\"\n",
       "meta.graph_base: must be an http:// or https:// URL"},
      {"[meta]\napp_secret = \"s\"\nverify_token = \"v\"\ngraph_version = \"21.0\"\n"
       "[[meta.pages]]\npage_id = \"1\"\n",
       "meta.graph_version: must look like \"v21.0\""},
      {"[meta]\napp_secret = \"s\"\nverify_token = \"v\"\n[[meta.pages]]\npage_id = \"1\"\n"
       "token = \"t\"\n",
       "meta.pages[0].token: unknown key"},
      {"[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuser_id = \"1\"\n[x.listening]\nstream = true\n",
       "x.listening.bearer_token: required (or set FEEDROOM_X_BEARER_TOKEN)"},
      {"[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuser_id = \"1\"\n[x.listening]\n"
       "bearer_token = \"b\"\nstream = true\n",
       "x.listening.stream_rules: the stream needs at least one rule"},
      {"[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuser_id = \"1\"\n[x.listening]\n"
       "bearer_token = \"b\"\naccount = \"9\"\n",
       "x.listening.account: must be the user_id of one of [[x.accounts]]"},
      {"[x]\nconsumer_secret = \"s\"\n[[x.accounts]]\nuser_id = \"1\"\n[x.listening]\n"
       "bearer_token = \"b\"\n[[x.listening.stream_rules]]\ntag = \"t\"\n",
       "x.listening.stream_rules[0].value: required"},
      {"[listening]\n[[listening.feeds]]\nid = \"Rotter\"\nurl = \"https://r\"\n",
       "listening.feeds[0].id: must be 1-64 of"},
      {"[listening]\n[[listening.feeds]]\nid = \"r\"\nurl = \"ftp://r\"\n",
       "listening.feeds[0].url: must be an http:// or https:// URL"},
      {"[listening]\n[[listening.feeds]]\nid = \"r\"\nurl = \"https://r\"\n"
       "[[listening.feeds]]\nid = \"r\"\nurl = \"https://s\"\n",
       "listening.feeds[1].id: \"r\" is used twice"},
  };
  for (const BadCase& bc : cases) {
    auto c = ParseConfig(bc.toml, "f.toml", NoEnv());
    ASSERT_FALSE(c.ok()) << bc.toml;
    EXPECT_EQ(c.status().code(), Errc::kInvalidArgument);
    EXPECT_NE(c.status().message().find(bc.message_part), std::string::npos)
        << "got: " << c.status().message() << " want: " << bc.message_part;
  }
}

TEST(ConfigTest, TheDemoConfigurationTalksToTheSimulator) {
  auto c = LoadConfigFile(std::string(FR_SOURCE_DIR) + "/config/demo.toml", NoEnv());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->x->api_base, "http://127.0.0.1:8090");
  EXPECT_EQ(c->meta->graph_base, "http://127.0.0.1:8090");
  EXPECT_FALSE(c->x->accounts.at(0).access_token.empty());
  EXPECT_FALSE(c->meta->pages.at(0).access_token.empty());
  // Listening: the recent search (no stream: the simulator cannot stream) and the forum feed
  // the simulator serves.
  ASSERT_TRUE(c->x_listening.has_value());
  EXPECT_FALSE(c->x_listening->bearer_token.empty());
  EXPECT_EQ(c->x_listening->api_base, "http://127.0.0.1:8090");
  EXPECT_FALSE(c->x_listening->stream);
  EXPECT_FALSE(c->x_listening->searches.empty());
  EXPECT_LE(c->x_listening->search_interval, std::chrono::seconds(30));
  ASSERT_EQ(c->feeds.size(), 1u);
  EXPECT_EQ(c->feeds[0].id, "forum.demo");
  EXPECT_EQ(c->feeds[0].url, "http://127.0.0.1:8090/feeds/forum.demo.xml");
  EXPECT_EQ(c->feeds[0].interval, std::chrono::minutes(1));
}

TEST(ConfigTest, BaseUrlsNeedASchemeAndAHost) {
  EXPECT_EQ(*ParseBaseUrl("http://127.0.0.1:8090//"), "http://127.0.0.1:8090");
  EXPECT_EQ(*ParseBaseUrl("https://api.x.com"), "https://api.x.com");
  for (const char* bad : {"https://", "api.x.com", "ftp://host", ""}) {
    auto url = ParseBaseUrl(bad);
    ASSERT_FALSE(url.ok()) << bad;
    EXPECT_NE(url.status().message().find("must be an http:// or https:// URL"), std::string::npos);
  }
}

TEST(ConfigTest, AlertsGoToAWebhookAndEmailWithSecretsFromTheEnvironment) {
  const std::string alerts = R"(
[alerts]
public_url = "https://care.example.com/"
language = "en"
start_crisis_on = ["rule:cantina-boycott"]
crisis_holding_statement = "אנחנו בודקים"
[alerts.webhook]
url = "https://hooks.example.com/T1"
secret = "from-file"
[alerts.email]
smtp_url = "smtps://mail.example.com"
username = "alerts"
require_tls = true
from = "alerts@example.com"
to = ["leads@example.com", "ops@example.com"]
[alerts.product]
url = "https://product.example.com/hooks"
jira_project = "CARE"
)";
  auto c = ParseConfig(std::string(kValid) + alerts, "f.toml", [](const std::string& name) {
    return name == kAlertsSmtpPasswordEnv ? std::optional<std::string>("pw") : std::nullopt;
  });
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->alerts.public_url, "https://care.example.com");
  EXPECT_EQ(c->alerts.start_crisis_on, (std::vector<std::string>{"rule:cantina-boycott"}));
  EXPECT_EQ(c->alerts.crisis_holding_statement, "אנחנו בודקים");
  ASSERT_TRUE(c->alerts.webhook);
  EXPECT_EQ(c->alerts.webhook->target.url, "https://hooks.example.com/T1");
  EXPECT_EQ(c->alerts.webhook->target.secret, "from-file");
  EXPECT_EQ(c->alerts.webhook->language, channels::notify::AlertLanguage::kEnglish);
  ASSERT_TRUE(c->alerts.email);
  EXPECT_EQ(c->alerts.email->smtp.url, "smtps://mail.example.com");
  EXPECT_EQ(c->alerts.email->smtp.password, "pw");
  EXPECT_TRUE(c->alerts.email->smtp.require_tls);
  EXPECT_EQ(c->alerts.email->to, (std::vector<std::string>{"leads@example.com", "ops@example.com"}));
  ASSERT_TRUE(c->alerts.product_webhook);
  EXPECT_EQ(c->alerts.product_webhook->url, "https://product.example.com/hooks");
  EXPECT_EQ(c->alerts.jira_project, "CARE");

  auto none = ParseConfig(kValid, "f.toml", NoEnv());
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->alerts.webhook);
  EXPECT_FALSE(none->alerts.email);

  const std::pair<const char*, const char*> bad[] = {
      {"[alerts]\nlanguage = \"fr\"\n", "alerts.language: must be he or en"},
      {"[alerts.webhook]\nurl = \"hooks.example.com\"\n",
       "alerts.webhook.url: must be a http:// or https:// URL"},
      {"[alerts.email]\nsmtp_url = \"http://m\"\nfrom = \"a@b\"\nto = [\"c@d\"]\n",
       "alerts.email.smtp_url: must be a smtp:// or smtps:// URL"},
      {"[alerts.email]\nsmtp_url = \"smtp://m\"\nfrom = \"a@b\"\n", "alerts.email.to: must name at least one"},
      {"[alerts]\nslack = 1\n", "alerts.slack: unknown key"},
      {"[alerts]\nstart_crisis_on = [\"cantina\"]\n", "alerts.start_crisis_on: \"cantina\" is not a series"},
  };
  for (const auto& [text, message] : bad) {
    auto r = ParseConfig(std::string(kValid) + text, "f.toml", NoEnv());
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_NE(r.status().message().find(message), std::string::npos) << r.status().message();
  }
}

TEST(ConfigTest, MissingFileIsNamed) {
  auto c = LoadConfigFile("/nonexistent/feedroom.toml", NoEnv());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("/nonexistent/feedroom.toml"), std::string::npos);
}

}  // namespace
}  // namespace fr::server
