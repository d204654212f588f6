// Every webhook the simulator sends, customer activity and echoes alike, goes through Feedroom's
// own channels (signature check, then parsing) and comes out with the right ids, kinds, authors,
// byte-exact Hebrew texts and outbound flags.
#include <gtest/gtest.h>

#include "channels/sim/sim_platform.h"
#include "channels/sim/sim_test_util.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers
namespace json = boost::json;
using domain::MessageKind;
using domain::Platform;

constexpr char kPsid[] = "7100000000000001";
constexpr char kIgsid[] = "7200000000000001";

// The one message event of a delivery.
domain::Message Only(const domain::ParsedDelivery& d) {
  EXPECT_EQ(d.events.size(), 1u);
  EXPECT_TRUE(d.skipped.empty());
  if (d.events.empty()) return {};
  EXPECT_EQ(d.events[0].type, domain::EventType::kMessage);
  return d.events[0].message;
}

std::string IdIn(const SimResponse& r, std::string_view key) {
  const json::value body = Json(r.body);
  const json::value& holder = body.as_object().contains("data") ? body.at("data") : body;
  return std::string(holder.at(key).as_string());
}

class WebhooksTest : public ::testing::Test {
 protected:
  SimResponse Api(std::string target, const json::object& body, std::string_view token) {
    SimResponse r =
        sim_.Handle(Request("POST", std::move(target), json::serialize(body), token), kT0 + kHour);
    EXPECT_LT(r.status, 300) << r.body;
    EXPECT_EQ(r.webhooks.size(), 1u);
    return r;
  }

  SimPlatform sim_{TestSimConfig()};
};

TEST_F(WebhooksTest, XMentionArrivesAsAMentionWithTheCustomersProfile) {
  Customer vip = XCustomer("1600000000000000303", "ronit_food", "רונית אוכלת");
  vip.person.followers = 184'000;
  vip.person.verified = true;
  PostedAction posted = MustPost(
      sim_, Action(CustomerActionKind::kMention, vip, "@kantina_il השקשוקה הגיעה קרה 😕"), kT0);
  EXPECT_EQ(FindHeader(posted.webhook.value().headers, "x-twitter-webhooks-signature").substr(0, 7),
            "sha256=");
  const domain::Message m = Only(ReceiveX(posted.webhook));
  EXPECT_EQ(m.platform, Platform::kX);
  EXPECT_EQ(m.account_id, kBrandId);
  EXPECT_EQ(m.external_id, posted.id);
  EXPECT_EQ(m.kind, MessageKind::kMention);
  EXPECT_EQ(m.text, "@kantina_il השקשוקה הגיעה קרה 😕");
  EXPECT_EQ(m.created_at, kT0);
  EXPECT_EQ(m.author.id, "1600000000000000303");
  EXPECT_EQ(m.author.handle, "ronit_food");
  EXPECT_EQ(m.author.name, "רונית אוכלת");
  EXPECT_EQ(m.author.followers, 184'000);
  EXPECT_EQ(m.author.verified, true);
  EXPECT_FALSE(m.is_outbound);
}

TEST_F(WebhooksTest, AMentionWithoutTheHandleGetsIt) {
  PostedAction posted =
      MustPost(sim_, Action(CustomerActionKind::kMention, XCustomer(), "איפה המשלוח?"), kT0);
  EXPECT_EQ(Only(ReceiveX(posted.webhook)).text, "@kantina_il איפה המשלוח?");
}

TEST_F(WebhooksTest, AnXReplyEchoCarriesTheApiIdAndIsOutbound) {
  const std::string mention =
      MustPost(sim_, Action(CustomerActionKind::kMention, XCustomer(), "@kantina_il היי"), kT0).id;
  SimResponse r = Api("/2/tweets",
                      {{"text", "היי דנה! איך נוכל לעזור?"},
                       {"reply", json::object{{"in_reply_to_tweet_id", mention}}}},
                      kBrandToken);
  const domain::Message m = Only(ReceiveX(r.webhooks[0]));
  EXPECT_EQ(m.external_id, IdIn(r, "id"));
  EXPECT_TRUE(m.is_outbound);
  EXPECT_EQ(m.kind, MessageKind::kReply);
  EXPECT_EQ(m.parent_id, mention);
  EXPECT_EQ(m.author.id, kBrandId);
  // X prefixes the handle of the author answered.
  EXPECT_EQ(m.text, "@dana_levi היי דנה! איך נוכל לעזור?");
  EXPECT_EQ(m.created_at, kT0 + kHour);
}

TEST_F(WebhooksTest, XDmsArriveInBothDirections) {
  PostedAction in = MustPost(
      sim_, Action(CustomerActionKind::kDm, XCustomer(), "שילמתי פעמיים על הזמנה 4471"), kT0);
  const domain::Message customer = Only(ReceiveX(in.webhook));
  EXPECT_EQ(customer.kind, MessageKind::kDm);
  EXPECT_EQ(customer.external_id, in.id);
  EXPECT_FALSE(customer.is_outbound);
  EXPECT_EQ(customer.counterpart_id, "1600000000000000101");
  EXPECT_EQ(customer.author.handle, "dana_levi");
  EXPECT_EQ(customer.text, "שילמתי פעמיים על הזמנה 4471");

  SimResponse r = Api("/2/dm_conversations/with/1600000000000000101/messages",
                      {{"text", "החזרנו את החיוב הכפול"}}, kBrandToken);
  const domain::Message echo = Only(ReceiveX(r.webhooks[0]));
  EXPECT_EQ(echo.external_id, IdIn(r, "dm_event_id"));
  EXPECT_TRUE(echo.is_outbound);
  EXPECT_EQ(echo.counterpart_id, "1600000000000000101");
  EXPECT_EQ(echo.author.id, kBrandId);
  EXPECT_EQ(echo.text, "החזרנו את החיוב הכפול");
}

TEST_F(WebhooksTest, ALongXPostIsTruncatedWithTheFullTextInExtendedTweet) {
  std::string text = "@kantina_il ";
  for (int i = 0; i < 30; ++i) text += "מילה ";
  text += "סוף";
  PostedAction posted =
      MustPost(sim_, Action(CustomerActionKind::kMention, XCustomer(), text), kT0);
  const json::value body = Json(posted.webhook.value().body);
  const json::object& tweet = body.at("tweet_create_events").at(0).as_object();
  EXPECT_EQ(tweet.at("truncated"), true);
  EXPECT_NE(tweet.at("text").as_string(), text);
  EXPECT_EQ(tweet.at("extended_tweet").at("full_text").as_string(), text);
  EXPECT_EQ(Only(ReceiveX(posted.webhook)).text, text);
}

TEST_F(WebhooksTest, AQuoteOfTheBrandArrivesAsAQuote) {
  auto post = sim_.AddBrandPost(Platform::kX, "", "חדש: כריך חביתה עם סחוג", kT0 - kDay);
  ASSERT_TRUE(post.ok());
  PostedAction quote =
      MustPost(sim_, Action(CustomerActionKind::kQuote, XCustomer(), "סוף סוף!", *post), kT0);
  const domain::Message m = Only(ReceiveX(quote.webhook));
  EXPECT_EQ(m.kind, MessageKind::kQuote);
  EXPECT_EQ(m.text, "סוף סוף!");
  EXPECT_EQ(Json(quote.webhook.value().body)
                .at("tweet_create_events")
                .at(0)
                .at("quoted_status")
                .at("text"),
            "חדש: כריך חביתה עם סחוג");
}

TEST_F(WebhooksTest, AFacebookCommentAndThePagesReplyEcho) {
  const std::string post = *sim_.AddBrandPost(Platform::kFacebook, "", "", kT0 - kDay);
  Customer avi = MetaCustomer(Platform::kFacebook, "5500000000000002", "אבי מזרחי", "", kPsid);
  PostedAction comment = MustPost(
      sim_, Action(CustomerActionKind::kComment, avi, "יש לכם סניף כשר בחיפה?", post), kT0);
  const domain::Message c = Only(ReceiveMeta(comment.webhook));
  EXPECT_EQ(c.platform, Platform::kFacebook);
  EXPECT_EQ(c.account_id, kPageId);
  EXPECT_EQ(c.external_id, comment.id);
  EXPECT_EQ(c.kind, MessageKind::kComment);
  EXPECT_EQ(c.thread_key, post);
  EXPECT_EQ(c.parent_id, post);
  EXPECT_EQ(c.author.id, "5500000000000002");
  EXPECT_EQ(c.author.name, "אבי מזרחי");
  EXPECT_EQ(c.text, "יש לכם סניף כשר בחיפה?");
  EXPECT_EQ(c.created_at, kT0);
  EXPECT_FALSE(c.is_outbound);

  SimResponse r =
      Api("/v21.0/" + comment.id + "/comments", {{"message", "כן, בשדרות מוריה 12"}}, kPageToken);
  const domain::Message echo = Only(ReceiveMeta(r.webhooks[0]));
  EXPECT_EQ(echo.external_id, IdIn(r, "id"));
  EXPECT_TRUE(echo.is_outbound);
  EXPECT_EQ(echo.kind, MessageKind::kReply);
  EXPECT_EQ(echo.parent_id, comment.id);
  EXPECT_EQ(echo.thread_key, post);
  EXPECT_EQ(echo.author.name, "קנטינה");
  EXPECT_EQ(echo.text, "כן, בשדרות מוריה 12");

  // Another customer's answer to the Page's reply hangs under the same top-level comment.
  Customer dalia = MetaCustomer(Platform::kFacebook, "5500000000000003", "Dalia R.");
  PostedAction nested =
      MustPost(sim_, Action(CustomerActionKind::kReply, dalia, "Thanks!", echo.external_id),
               kT0 + 2 * kHour);
  const domain::Message n = Only(ReceiveMeta(nested.webhook));
  EXPECT_EQ(n.kind, MessageKind::kReply);
  EXPECT_EQ(n.parent_id, comment.id);
}

TEST_F(WebhooksTest, MetaBodiesAreEscapedAsMetaSendsThemAndSignedOverThoseBytes) {
  const std::string post = *sim_.AddBrandPost(Platform::kFacebook, "", "", kT0 - kDay);
  PostedAction comment =
      MustPost(sim_,
               Action(CustomerActionKind::kComment, MetaCustomer(Platform::kFacebook, "1", "דנה"),
                      "טעים 😋 / 10", post),
               kT0);
  const std::string& body = comment.webhook.value().body;
  EXPECT_TRUE(std::all_of(body.begin(), body.end(),
                          [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }));
  EXPECT_NE(body.find(R"(\u05d8\u05e2\u05d9\u05dd \ud83d\ude0b \/ 10)"), std::string::npos) << body;
  EXPECT_EQ(Only(ReceiveMeta(comment.webhook)).text, "טעים 😋 / 10");

  OutgoingWebhook tampered = comment.webhook.value();
  tampered.body.replace(tampered.body.find("10"), 2, "99");
  auto refused = meta::MetaWebhookChannel(TestMetaConfig())
                     .Receive(ToHttpHeaders(tampered.headers), tampered.body);
  EXPECT_EQ(refused.status().reason(), "bad_signature");
}

TEST_F(WebhooksTest, AnInstagramCommentAndTheReplyEcho) {
  const std::string media = *sim_.AddBrandPost(Platform::kInstagram, "", "", kT0 - kDay);
  Customer noa = MetaCustomer(Platform::kInstagram, kIgsid, "", "noa.bakes");
  PostedAction comment =
      MustPost(sim_, Action(CustomerActionKind::kComment, noa, "מה השעות בשבת?", media), kT0);
  const domain::Message c = Only(ReceiveMeta(comment.webhook));
  EXPECT_EQ(c.platform, Platform::kInstagram);
  EXPECT_EQ(c.account_id, kInstagramId);
  EXPECT_EQ(c.external_id, comment.id);
  EXPECT_EQ(c.kind, MessageKind::kComment);
  EXPECT_EQ(c.thread_key, media);
  EXPECT_EQ(c.author.handle, "noa.bakes");
  EXPECT_EQ(c.created_at, kT0);

  SimResponse r = Api("/v21.0/" + comment.id + "/replies",
                      {{"message", "פתוחים מ-21:00 במוצאי שבת"}}, kPageToken);
  const domain::Message echo = Only(ReceiveMeta(r.webhooks[0]));
  EXPECT_EQ(echo.external_id, IdIn(r, "id"));
  EXPECT_TRUE(echo.is_outbound);
  EXPECT_EQ(echo.kind, MessageKind::kReply);
  EXPECT_EQ(echo.parent_id, comment.id);
  EXPECT_EQ(echo.author.handle, "kantina.il");
}

TEST_F(WebhooksTest, MessengerMessagesAndEchoes) {
  Customer miri = MetaCustomer(Platform::kMessenger, kPsid, "מירי");
  PostedAction in =
      MustPost(sim_, Action(CustomerActionKind::kDm, miri, "עדיין לא קיבלתי החזר"), kT0);
  const domain::Message m = Only(ReceiveMeta(in.webhook));
  EXPECT_EQ(m.platform, Platform::kMessenger);
  EXPECT_EQ(m.kind, MessageKind::kDm);
  EXPECT_EQ(m.external_id, in.id);
  EXPECT_EQ(m.counterpart_id, kPsid);
  EXPECT_EQ(m.created_at, kT0);
  EXPECT_FALSE(m.is_outbound);

  SimResponse r = Api("/v21.0/" + std::string(kPageId) + "/messages",
                      {{"recipient", json::object{{"id", kPsid}}},
                       {"message", json::object{{"text", "ההחזר יוצא היום"}}}},
                      kPageToken);
  const domain::Message echo = Only(ReceiveMeta(r.webhooks[0]));
  EXPECT_EQ(echo.external_id, IdIn(r, "message_id"));
  EXPECT_TRUE(echo.is_outbound);
  EXPECT_EQ(echo.counterpart_id, kPsid);
  EXPECT_EQ(echo.author.id, kPageId);
  EXPECT_EQ(echo.text, "ההחזר יוצא היום");
  EXPECT_EQ(
      Json(r.webhooks[0].body).at("entry").at(0).at("messaging").at(0).at("message").at("app_id"),
      1517776481860111);
}

TEST_F(WebhooksTest, PrivateRepliesEchoInMessengerAndInstagram) {
  const std::string post = *sim_.AddBrandPost(Platform::kFacebook, "", "", kT0 - kDay);
  Customer avi = MetaCustomer(Platform::kFacebook, "5500000000000002", "אבי", "", kPsid);
  const std::string fb =
      MustPost(sim_, Action(CustomerActionKind::kComment, avi, "הרגשתי רע אחרי הארוחה", post), kT0)
          .id;
  SimResponse r = Api("/v21.0/" + std::string(kPageId) + "/messages",
                      {{"recipient", json::object{{"comment_id", fb}}},
                       {"message", json::object{{"text", "אבי, נשמח לפרטים"}}}},
                      kPageToken);
  const domain::Message echo = Only(ReceiveMeta(r.webhooks[0]));
  EXPECT_EQ(echo.platform, Platform::kMessenger);
  EXPECT_EQ(echo.external_id, IdIn(r, "message_id"));
  EXPECT_TRUE(echo.is_outbound);
  EXPECT_EQ(echo.counterpart_id, kPsid);

  const std::string media = *sim_.AddBrandPost(Platform::kInstagram, "", "", kT0 - kDay);
  Customer noa = MetaCustomer(Platform::kInstagram, kIgsid, "", "noa.bakes");
  const std::string ig =
      MustPost(sim_, Action(CustomerActionKind::kComment, noa, "מחיר?", media), kT0).id;
  SimResponse ig_r = Api("/v21.0/" + std::string(kPageId) + "/messages",
                         {{"recipient", json::object{{"comment_id", ig}}},
                          {"message", json::object{{"text", "שלחנו מחירון"}}}},
                         kPageToken);
  const domain::Message ig_echo = Only(ReceiveMeta(ig_r.webhooks[0]));
  EXPECT_EQ(ig_echo.platform, Platform::kInstagram);
  EXPECT_EQ(ig_echo.account_id, kInstagramId);
  EXPECT_EQ(ig_echo.external_id, IdIn(ig_r, "message_id"));
  EXPECT_TRUE(ig_echo.is_outbound);
  EXPECT_EQ(ig_echo.counterpart_id, kIgsid);
}

TEST_F(WebhooksTest, CustomerActionsThePlatformDoesNotHaveAreRefused) {
  auto x_comment = sim_.Post(Action(CustomerActionKind::kComment, XCustomer(), "x"), kT0);
  EXPECT_EQ(x_comment.status().reason(), "bad_action");
  auto no_id = sim_.Post(
      Action(CustomerActionKind::kDm, MetaCustomer(Platform::kMessenger, "", "x"), "x"), kT0);
  EXPECT_EQ(no_id.status().reason(), "bad_action");
  auto unknown_post = sim_.Post(
      Action(CustomerActionKind::kComment, MetaCustomer(Platform::kFacebook, "1", "x"), "x", "1_2"),
      kT0);
  EXPECT_EQ(unknown_post.status().reason(), "unknown_target");
  auto unknown_tweet = sim_.Post(Action(CustomerActionKind::kReply, XCustomer(), "x", "123"), kT0);
  EXPECT_EQ(unknown_tweet.status().reason(), "unknown_target");
  CustomerAction elsewhere = Action(CustomerActionKind::kDm, XCustomer(), "x");
  elsewhere.account_id = "999";
  EXPECT_EQ(sim_.Post(elsewhere, kT0).status().reason(), "unknown_account");
  EXPECT_EQ(sim_.AddBrandPost(Platform::kMessenger, "", "", kT0).status().reason(), "bad_action");
}

}  // namespace
}  // namespace fr::channels::sim
