// Scenario files: parsing and its errors, the player's schedule, and the demo scenario played
// through Feedroom's own parsers.
#include "channels/sim/scenario.h"

#include <gtest/gtest.h>

#include <set>

#include "channels/sim/scenario_player.h"
#include "channels/sim/sim_test_util.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers
namespace json = boost::json;
using domain::MessageKind;
using domain::Platform;

constexpr std::string_view kSmall = R"(
name = "small"
[[brand_posts]]
key = "menu"
platform = "facebook"

[[customers]]
key = "dana"
platform = "x"
id = "1600000000000000101"
handle = "dana_levi"
name = "דנה לוי"
followers = 412

[[customers]]
key = "avi"
platform = "facebook"
id = "5500000000000001"
name = "אבי"
psid = "7100000000000001"

[[steps]]
id = "late"
at = 60
customer = "dana"
kind = "mention"
text = "@kantina_il איפה המשלוח?"

[[steps]]
at = 0
customer = "avi"
platform = "facebook"
kind = "comment"
on = "menu"
text = "יש לכם סניף כשר?"

[[steps]]
at = 120
customer = "dana"
kind = "reply"
in_reply_to = "late"
text = "@kantina_il עדיין מחכה"
)";

// kSmall with `from` replaced by `to` (once), for the error cases.
std::string Variant(std::string_view from, std::string_view to) {
  std::string text(kSmall);
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ErrorOf(std::string_view toml) {
  auto parsed = ParseScenario(toml, "test.toml");
  EXPECT_FALSE(parsed.ok());
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.status().reason(), "bad_scenario");
  return parsed.status().message();
}

TEST(ScenarioTest, ParsesCustomersBrandPostsAndStepsInTimeOrder) {
  auto s = ParseScenario(kSmall, "small.toml");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->name, "small");
  ASSERT_EQ(s->brand_posts.size(), 1u);
  EXPECT_EQ(s->brand_posts[0].platform, Platform::kFacebook);
  ASSERT_EQ(s->customers.size(), 2u);
  EXPECT_EQ(s->customers[0].customer.person.name, "דנה לוי");
  EXPECT_EQ(s->customers[0].customer.person.followers, 412);
  EXPECT_EQ(s->customers[1].customer.psid, "7100000000000001");
  ASSERT_EQ(s->steps.size(), 3u);
  EXPECT_EQ(s->steps[0].customer, "avi");  // at 0, although second in the file
  EXPECT_EQ(s->steps[0].kind, CustomerActionKind::kComment);
  EXPECT_EQ(s->steps[0].brand_post, "menu");
  EXPECT_EQ(s->steps[1].id, "late");
  EXPECT_EQ(s->steps[2].in_reply_to, "late");
  EXPECT_EQ(s->steps[2].at_seconds, 120);
}

TEST(ScenarioTest, PrivateMessageIsADmAndCannotBeRepliedToPublicly) {
  auto s = ParseScenario(
      Variant("customer = \"avi\"\nplatform = \"facebook\"\nkind = \"comment\"\non = \"menu\"",
              "customer = \"dana\"\nkind = \"private_message\""),
      "t");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->steps[0].kind, CustomerActionKind::kDm);
  EXPECT_EQ(ErrorOf(Variant(R"(kind = "mention")", R"(kind = "private_message")")),
            "test.toml: steps[2].in_reply_to: must be a public post or comment on x");
}

TEST(ScenarioTest, ErrorsNameTheFileAndTheKey) {
  EXPECT_EQ(ErrorOf("name = ").substr(0, 15), "test.toml:1:8: ");  // toml++'s own wording follows
  EXPECT_EQ(ErrorOf(Variant("name = \"small\"", "nme = \"small\"")), "test.toml: nme: unknown key");
  EXPECT_EQ(ErrorOf(Variant("followers = 412", "followers = \"412\"")),
            "test.toml: customers[0].followers: must be an integer");
  EXPECT_EQ(ErrorOf(Variant("id = \"1600000000000000101\"", "id = \"dana\"")),
            "test.toml: customers[0].id: must be the numeric X user id, as a string");
  EXPECT_EQ(ErrorOf(Variant("customer = \"dana\"", "customer = \"dina\"")),
            "test.toml: steps[0].customer: no customer with key dina");
  EXPECT_EQ(ErrorOf(Variant("kind = \"comment\"", "kind = \"quote\"")),
            "test.toml: steps[1].kind: quote does not exist on facebook");
  EXPECT_EQ(ErrorOf(Variant("platform = \"facebook\"\nkind", "platform = \"x\"\nkind")),
            "test.toml: steps[1].platform: must be the customer's platform, facebook");
  EXPECT_EQ(ErrorOf(Variant("on = \"menu\"", "on = \"menus\"")),
            "test.toml: steps[1].on: no facebook brand post with key menus");
  EXPECT_EQ(ErrorOf(Variant("on = \"menu\"", "")), "test.toml: steps[1].on: required");
  EXPECT_EQ(ErrorOf(Variant("in_reply_to = \"late\"", "in_reply_to = \"early\"")),
            "test.toml: steps[2].in_reply_to: no earlier step with id early");
  EXPECT_EQ(ErrorOf(Variant("at = 60", "at = 600")),
            "test.toml: steps[2].in_reply_to: step late plays later than this one");
  EXPECT_EQ(ErrorOf(Variant("at = 0", "at = -1")),
            "test.toml: steps[1].at: must be between 0 and 31622400");
  EXPECT_EQ(ErrorOf(Variant("key = \"avi\"", "key = \"dana\"")),
            "test.toml: customers[1].key: is used twice");
  EXPECT_EQ(ErrorOf(Variant("psid = \"7100000000000001\"", "psid = \"7\"\nhobby = \"x\"")),
            "test.toml: customers[1].hobby: unknown key");
  EXPECT_EQ(ErrorOf(Variant("text = \"יש לכם סניף כשר?\"", "text = \"\"")),
            "test.toml: steps[1].text: must not be empty");
}

// Listening: an X post that addresses nobody and a forum post in a feed.
constexpr std::string_view kOverheard = R"(
[[customers]]
key = "dana"
platform = "x"
id = "1600000000000000101"

[[customers]]
key = "hila"
platform = "rss"
id = "hila_r"
name = "הילה"

[[steps]]
at = 10
customer = "dana"
kind = "post"
text = "מישהו ניסה את קנטינה?"

[[steps]]
at = 20
customer = "hila"
platform = "rss"
kind = "forum"
feed = "forum.demo"
title = "אכזבה"
text = "האוכל הגיע קר"
)";

std::string OverheardVariant(std::string_view from, std::string_view to) {
  std::string text(kOverheard);
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(ScenarioTest, PostsAndForumPostsAreSteps) {
  auto s = ParseScenario(kOverheard, "t");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->customers[1].customer.platform, Platform::kRss);
  EXPECT_EQ(s->steps[0].kind, CustomerActionKind::kPost);
  EXPECT_EQ(s->steps[1].kind, CustomerActionKind::kForum);
  EXPECT_EQ(s->steps[1].feed, "forum.demo");
  EXPECT_EQ(s->steps[1].title, "אכזבה");
}

TEST(ScenarioTest, PostAndForumErrorsNameTheKey) {
  EXPECT_EQ(ErrorOf(OverheardVariant("feed = \"forum.demo\"\n", "")),
            "test.toml: steps[1].feed: required");
  EXPECT_EQ(ErrorOf(OverheardVariant("feed = \"forum.demo\"", "feed = \"Forum/Demo\"")),
            "test.toml: steps[1].feed: must be 1-64 of a-z 0-9 _ . -");
  EXPECT_EQ(ErrorOf(OverheardVariant("kind = \"post\"", "kind = \"post\"\nfeed = \"forum.demo\"")),
            "test.toml: steps[0].feed: is for forum steps only");
  EXPECT_EQ(ErrorOf(OverheardVariant("kind = \"post\"", "kind = \"post\"\ntitle = \"t\"")),
            "test.toml: steps[0].title: is for forum steps only");
  EXPECT_EQ(ErrorOf(OverheardVariant("kind = \"post\"", "kind = \"post\"\naccount = \"1\"")),
            "test.toml: steps[0].account: is for steps that address the brand");
  EXPECT_EQ(ErrorOf(OverheardVariant("kind = \"post\"", "kind = \"forum\"")),
            "test.toml: steps[0].kind: forum does not exist on x");
  EXPECT_EQ(ErrorOf(OverheardVariant("kind = \"forum\"", "kind = \"mention\"")),
            "test.toml: steps[1].kind: mention does not exist on rss");
  EXPECT_EQ(ErrorOf(OverheardVariant("kind = \"post\"", "kind = \"blog\"")),
            "test.toml: steps[0].kind: must be mention, reply, quote, comment, dm, "
            "private_message, post or forum");
  EXPECT_EQ(ErrorOf(OverheardVariant("title = \"אכזבה\"", "title = 7")),
            "test.toml: steps[1].title: must be a string");
}

TEST(ScenarioPlayerTest, PostsAndForumPostsPlayWithoutWebhooks) {
  SimPlatform sim(TestSimConfig());
  auto player = ScenarioPlayer::Start(*ParseScenario(kOverheard, "t"), sim, kT0);
  ASSERT_TRUE(player.ok()) << player.status().ToString();
  // The scenario's feed is served before its first post.
  EXPECT_EQ(sim.Handle(Request("GET", "/feeds/forum.demo.xml"), kT0).status, 200);

  auto played = player->PlayDue(kT0 + kMinute);
  ASSERT_TRUE(played.ok()) << played.status().ToString();
  EXPECT_TRUE(played->empty());
  EXPECT_EQ(player->NextDueAt(), std::nullopt);
  const SimResponse search = sim.Handle(
      Request("GET", "/2/tweets/search/recent?query=%D7%A7%D7%A0%D7%98%D7%99%D7%A0%D7%94", "",
              kBrandToken),
      kT0 + kMinute);
  EXPECT_EQ(Json(search.body).at("meta").at("result_count"), 1);
  const SimResponse feed = sim.Handle(Request("GET", "/feeds/forum.demo.xml"), kT0 + kMinute);
  EXPECT_NE(feed.body.find("האוכל הגיע קר"), std::string::npos);
}

TEST(ScenarioTest, AMissingFileIsNotFound) {
  auto s = LoadScenarioFile("/nonexistent/scenario.toml");
  EXPECT_EQ(s.status().code(), Errc::kNotFound);
  EXPECT_EQ(s.status().reason(), "scenario_unreadable");
}

TEST(ScenarioPlayerTest, PlaysDueStepsAtTheirScheduledTimes) {
  SimPlatform sim(TestSimConfig());
  auto player = ScenarioPlayer::Start(*ParseScenario(kSmall, "t"), sim, kT0);
  ASSERT_TRUE(player.ok()) << player.status().ToString();
  EXPECT_EQ(player->NextDueAt(), kT0);

  auto first = player->PlayDue(kT0 + 59'999);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);  // only the comment at 0 s
  EXPECT_EQ(first->at(0).path, "/webhooks/meta");
  EXPECT_EQ(player->NextDueAt(), kT0 + 60'000);
  EXPECT_EQ(player->PlayedId("late"), std::nullopt);

  auto rest = player->PlayDue(kT0 + 10 * kMinute);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 2u);
  EXPECT_EQ(player->NextDueAt(), std::nullopt);
  EXPECT_TRUE(player->PlayDue(kT0 + kDay)->empty());

  const domain::Message mention = ReceiveX(rest->at(0)).events.at(0).message;
  EXPECT_EQ(mention.created_at, kT0 + 60'000);  // scheduled time, not play time
  EXPECT_EQ(player->PlayedId("late"), mention.external_id);
  const domain::Message reply = ReceiveX(rest->at(1)).events.at(0).message;
  EXPECT_EQ(reply.parent_id, mention.external_id);

  // The platform knows the played posts: the brand may answer the mention.
  json::object body{{"text", "בודקים"},
                    {"reply", json::object{{"in_reply_to_tweet_id", mention.external_id}}}};
  EXPECT_EQ(
      sim.Handle(Request("POST", "/2/tweets", json::serialize(body), kBrandToken), kT0 + kHour)
          .status,
      201);
}

TEST(ScenarioPlayerTest, AStepForAnUnconfiguredAccountFailsAndIsSkipped) {
  SimPlatform sim(TestSimConfig());
  auto scenario = ParseScenario(Variant("at = 60", "at = 60\naccount = \"999\""), "t");
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  auto player = ScenarioPlayer::Start(*scenario, sim, kT0);
  ASSERT_TRUE(player.ok());
  EXPECT_EQ(player->PlayDue(kT0 + 60'000).status().reason(), "unknown_account");
  // The reply to the failed step cannot play either; nothing else is left.
  EXPECT_EQ(player->PlayDue(kT0 + kDay).status().reason(), "unknown_target");
  EXPECT_EQ(player->NextDueAt(), std::nullopt);
}

TEST(ScenarioPlayerTest, BrandPostsOfUnconfiguredAccountsFailTheStart) {
  SimPlatform sim(TestSimConfig());
  auto scenario = ParseScenario(
      Variant("platform = \"facebook\"\n", "platform = \"facebook\"\naccount = \"1\"\n"), "t");
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  EXPECT_EQ(ScenarioPlayer::Start(*scenario, sim, kT0).status().reason(), "unknown_account");
}

TEST(DemoScenarioTest, EveryStepIsADeliveryOurParsersAccept) {
  auto scenario = LoadScenarioFile(std::string(FR_SOURCE_DIR) + "/config/scenarios/demo.toml");
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  const std::size_t steps = scenario->steps.size();
  EXPECT_GE(steps, 15u);

  // The steps that address the brand, each announced by a webhook.
  std::vector<const ScenarioStep*> addressed;
  for (const ScenarioStep& step : scenario->steps) {
    if (step.kind != CustomerActionKind::kPost && step.kind != CustomerActionKind::kForum) {
      addressed.push_back(&step);
    }
  }
  EXPECT_LT(addressed.size(), steps);  // some are only overheard (demo_listening_test.cc)

  SimPlatform sim(TestSimConfig());
  auto player = ScenarioPlayer::Start(*scenario, sim, kT0);
  ASSERT_TRUE(player.ok()) << player.status().ToString();
  auto webhooks = player->PlayDue(kT0 + kHour);
  ASSERT_TRUE(webhooks.ok()) << webhooks.status().ToString();
  ASSERT_EQ(webhooks->size(), addressed.size());

  std::set<Platform> platforms;
  std::set<MessageKind> kinds;
  std::size_t hebrew = 0;
  std::int64_t max_followers = 0;
  for (std::size_t i = 0; i < addressed.size(); ++i) {
    const OutgoingWebhook& w = webhooks->at(i);
    const domain::ParsedDelivery d = w.path == "/webhooks/x" ? ReceiveX(w) : ReceiveMeta(w);
    ASSERT_EQ(d.events.size(), 1u) << w.body;
    EXPECT_TRUE(d.skipped.empty());
    const domain::Message& m = d.events[0].message;
    EXPECT_FALSE(m.is_outbound);
    EXPECT_FALSE(m.text.empty());
    EXPECT_EQ(m.created_at, kT0 + addressed[i]->at_seconds * 1000);
    platforms.insert(m.platform);
    kinds.insert(m.kind);
    hebrew += m.text.find("\xD7") != std::string::npos;  // the lead byte of the Hebrew block
    max_followers = std::max(max_followers, m.author.followers.value_or(0));
  }
  EXPECT_EQ(platforms, (std::set<Platform>{Platform::kX, Platform::kFacebook, Platform::kMessenger,
                                           Platform::kInstagram}));
  EXPECT_EQ(kinds,
            (std::set<MessageKind>{MessageKind::kMention, MessageKind::kReply, MessageKind::kQuote,
                                   MessageKind::kComment, MessageKind::kDm}));
  EXPECT_GT(hebrew * 3, addressed.size() * 2);  // mostly Hebrew
  EXPECT_GE(max_followers, 100'000);            // the VIP
}

}  // namespace
}  // namespace fr::channels::sim
