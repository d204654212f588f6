// On-demand steps (POST /sim/steps): JSON in the scenario's step shape, checked by the same
// rules as a scenario file's steps, played at once against the scenario's customers, brand
// posts and played steps.
#include <gtest/gtest.h>

#include "channels/sim/scenario.h"
#include "channels/sim/scenario_player.h"
#include "channels/sim/sim_test_util.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers
using domain::Platform;

constexpr std::string_view kScenario = R"(
[[brand_posts]]
key = "menu"
platform = "facebook"

[[customers]]
key = "dana"
platform = "x"
id = "1600000000000000101"
handle = "dana_levi"

[[steps]]
id = "late"
at = 60
customer = "dana"
kind = "mention"
text = "@kantina_il איפה המשלוח?"
)";

class ScenarioStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto scenario = ParseScenario(kScenario, "t");
    ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
    auto player = ScenarioPlayer::Start(*scenario, sim_, kT0);
    ASSERT_TRUE(player.ok()) << player.status().ToString();
    player_.emplace(std::move(*player));
  }

  // "<reason>: <message>" of a refused step.
  std::string ErrorOf(std::string_view json, UnixMillis at = kT0 + kMinute) {
    Result<PostedAction> played = player_->PlayNow(json, at);
    EXPECT_FALSE(played.ok()) << json;
    if (played.ok()) return "";
    return played.status().reason() + ": " + played.status().message();
  }

  SimPlatform sim_{TestSimConfig()};
  std::optional<ScenarioPlayer> player_;
};

TEST_F(ScenarioStepTest, AHebrewDmFromACustomerGivenInlinePlaysAtOnce) {
  const std::string json = R"({"customer":{"key":"galit","platform":"messenger",)"
                           R"("id":"7100000000000002","name":"גלית","followers":12},)"
                           R"("kind":"dm","text":"שלום, ההזמנה שלי לא הגיעה"})";
  Result<PostedAction> played = player_->PlayNow(json, kT0 + 5 * kMinute);
  ASSERT_TRUE(played.ok()) << played.status().ToString();
  EXPECT_EQ(played->webhook.value().path, "/webhooks/meta");
  const domain::ParsedDelivery delivery = ReceiveMeta(played->webhook);
  ASSERT_EQ(delivery.events.size(), 1u);
  const domain::Message& m = delivery.events[0].message;
  EXPECT_EQ(m.platform, Platform::kMessenger);
  EXPECT_EQ(m.text, "שלום, ההזמנה שלי לא הגיעה");
  EXPECT_EQ(m.author.id, "7100000000000002");
  EXPECT_EQ(m.external_id, played->id);
  EXPECT_EQ(m.created_at, kT0 + 5 * kMinute);
  // The customer is remembered: a later step names it by key.
  ASSERT_TRUE(player_
                  ->PlayNow(R"({"customer":"galit","kind":"private_message","text":"?"})",
                            kT0 + 6 * kMinute)
                  .ok());
}

TEST_F(ScenarioStepTest, StepsNameScenarioCustomersBrandPostsAndPlayedSteps) {
  ASSERT_TRUE(player_->PlayDue(kT0 + kMinute).ok());  // "late" plays
  Result<PostedAction> reply = player_->PlayNow(
      R"({"id":"again","customer":"dana","kind":"reply","in_reply_to":"late","text":"@kantina_il ?"})",
      kT0 + 2 * kMinute);
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  const domain::Message m = ReceiveX(reply->webhook).events.at(0).message;
  EXPECT_EQ(m.parent_id, *player_->PlayedId("late"));
  EXPECT_EQ(player_->PlayedId("again"), reply->id);
  // An on-demand step with an id can be answered too.
  Result<PostedAction> second = player_->PlayNow(
      R"({"customer":"dana","kind":"reply","in_reply_to":"again","text":"@kantina_il ??"})",
      kT0 + 3 * kMinute);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(ReceiveX(second->webhook).events.at(0).message.parent_id, reply->id);

  Result<PostedAction> comment =
      player_->PlayNow(R"({"customer":{"key":"avi","platform":"facebook","id":"5500000000000001"},)"
                       R"("kind":"comment","on":"menu","text":"יש לכם סניף כשר?"})",
                       kT0 + 4 * kMinute);
  ASSERT_TRUE(comment.ok()) << comment.status().ToString();
  EXPECT_EQ(ReceiveMeta(comment->webhook).events.at(0).message.platform, Platform::kFacebook);
}

TEST_F(ScenarioStepTest, ForumAndXPostsPlayOnDemandWithoutWebhooks) {
  Result<PostedAction> forum = player_->PlayNow(
      R"({"customer":{"key":"hila","platform":"rss","id":"hila_r","name":"הילה"},)"
      R"("kind":"forum","feed":"forum.live","title":"שאלה","text":"מישהו הזמין?"})",
      kT0 + kMinute);
  ASSERT_TRUE(forum.ok()) << forum.status().ToString();
  EXPECT_FALSE(forum->webhook.has_value());
  EXPECT_EQ(forum->id.substr(0, 11), "forum.live:");  // the external id Feedroom gives the item
  const SimResponse feed = sim_.Handle(Request("GET", "/feeds/forum.live.xml"), kT0 + kMinute);
  EXPECT_NE(feed.body.find("מישהו הזמין?"), std::string::npos);

  Result<PostedAction> post =
      player_->PlayNow(R"({"customer":"dana","kind":"post","text":"kantina?"})", kT0 + kMinute);
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_FALSE(post->webhook.has_value());
  EXPECT_EQ(ErrorOf(R"({"customer":"dana","kind":"forum","feed":"f","text":"x"})"),
            "bad_step: kind: forum does not exist on x");
  EXPECT_EQ(ErrorOf(R"({"customer":"hila","kind":"forum","text":"x"})"),
            "bad_step: feed: required");
}

TEST_F(ScenarioStepTest, BadStepsAreRefusedNamingTheField) {
  EXPECT_EQ(ErrorOf("not json"), "malformed_json: the step must be a JSON object");
  EXPECT_EQ(ErrorOf(R"({"customer":"dana","kind":"mention","text":"x","colour":"red"})"),
            "bad_step: colour: unknown field");
  EXPECT_EQ(ErrorOf(R"({"customer":"dana","kind":"mention","text":"x","at":30})"),
            "bad_step: at: not for on-demand steps, which play at once");
  EXPECT_EQ(ErrorOf(R"({"customer":"dana","kind":"mention","text":5})"),
            "bad_step: text: must be a string");
  EXPECT_EQ(ErrorOf(R"({"kind":"mention","text":"x"})"), "bad_step: customer: required");
  EXPECT_EQ(ErrorOf(R"({"customer":"dina","kind":"mention","text":"x"})"),
            "bad_step: customer: no customer with key dina");
  EXPECT_EQ(ErrorOf(R"({"customer":7,"kind":"mention","text":"x"})"),
            "bad_step: customer: must be a customers key or a customer object");
  EXPECT_EQ(ErrorOf(R"({"customer":"dana","kind":"comment","on":"menu","text":"x"})"),
            "bad_step: kind: comment does not exist on x");
  EXPECT_EQ(ErrorOf(R"({"customer":"dana","kind":"mention","text":""})"),
            "bad_step: text: must not be empty");
  EXPECT_EQ(ErrorOf(R"({"customer":{"key":"z","platform":"x","id":"zed"},"kind":"dm","text":"x"})"),
            "bad_step: customer.id: must be the numeric X user id, as a string");
  EXPECT_EQ(
      ErrorOf(R"({"customer":{"key":"z","platform":"tiktok","id":"1"},"kind":"dm","text":"x"})"),
      "bad_step: customer.platform: must be one of x, facebook, messenger, instagram, rss");
  EXPECT_EQ(ErrorOf(R"({"customer":{"key":"z","platform":"x","id":"1","followers":"many"},)"
                    R"("kind":"dm","text":"x"})"),
            "bad_step: customer.followers: must be an integer");
  EXPECT_EQ(
      ErrorOf(R"({"customer":{"key":"dana","platform":"x","id":"1"},"kind":"dm","text":"x"})"),
      "bad_step: customer.key: is used by another customer (x 1600000000000000101)");
  // "late" plays at 60 s: before then it cannot be answered.
  EXPECT_EQ(ErrorOf(R"({"customer":"dana","kind":"reply","in_reply_to":"late","text":"x"})",
                    kT0 + 30'000),
            "bad_step: in_reply_to: step late plays later than this one");
  EXPECT_EQ(ErrorOf(R"({"id":"late","customer":"dana","kind":"dm","text":"x"})"),
            "bad_step: id: is used by another step");
  // What the platform refuses is refused with its reason.
  EXPECT_EQ(
      player_
          ->PlayNow(R"({"customer":"dana","kind":"dm","text":"x","account":"999"})", kT0 + kMinute)
          .status()
          .reason(),
      "unknown_account");
}

TEST_F(ScenarioStepTest, ARefusedStepChangesNothing) {
  EXPECT_EQ(ErrorOf(R"({"customer":{"key":"noa","platform":"instagram","id":"7200000000000001"},)"
                    R"("kind":"quote","text":"x"})"),
            "bad_step: kind: quote does not exist on instagram");
  EXPECT_EQ(ErrorOf(R"({"customer":"noa","kind":"dm","text":"x"})"),
            "bad_step: customer: no customer with key noa");
  // Refused by the platform: its id stays free.
  const std::string unknown_account =
      R"({"id":"first","customer":"dana","kind":"dm","text":"x","account":"999"})";
  EXPECT_EQ(player_->PlayNow(unknown_account, kT0 + kMinute).status().reason(), "unknown_account");
  EXPECT_EQ(player_->PlayNow(unknown_account, kT0 + kMinute).status().reason(), "unknown_account");
  EXPECT_EQ(player_->PlayedId("first"), std::nullopt);
  // The scenario plays on as written.
  auto due = player_->PlayDue(kT0 + kMinute);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(due->size(), 1u);
}

}  // namespace
}  // namespace fr::channels::sim
