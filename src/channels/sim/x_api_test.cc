// The simulated X API: answers, rules (summoning, rate limits, auth) and records.
#include <gtest/gtest.h>

#include "channels/sim/sim_platform.h"
#include "channels/sim/sim_test_util.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers
namespace json = boost::json;

SimRequest Tweet(std::string_view text, std::string_view in_reply_to = "",
                 std::string_view token = kBrandToken) {
  json::object body{{"text", text}};
  if (!in_reply_to.empty()) body["reply"] = json::object{{"in_reply_to_tweet_id", in_reply_to}};
  return Request("POST", "/2/tweets", json::serialize(body), token);
}

SimRequest Dm(std::string_view participant, std::string_view text,
              std::string_view token = kBrandToken) {
  return Request("POST", "/2/dm_conversations/with/" + std::string(participant) + "/messages",
                 json::serialize(json::object{{"text", text}}), token);
}

class XApiTest : public ::testing::Test {
 protected:
  // A customer's post at kT0 mentioning @kantina_il; returns its id.
  std::string Mention(std::string_view text = "@kantina_il ההזמנה שלי לא הגיעה") {
    return MustPost(sim_, Action(CustomerActionKind::kMention, XCustomer(), std::string(text)), kT0)
        .id;
  }

  SimPlatform sim_{TestSimConfig()};
};

TEST_F(XApiTest, ReplyToAMentionIsCreatedWithItsIdsLocationAndRateHeaders) {
  const std::string mention = Mention();
  SimResponse r = sim_.Handle(Tweet("סליחה דנה, בודקים מיד", mention), kT0 + kMinute);
  ASSERT_EQ(r.status, 201) << r.body;
  const json::value body = Json(r.body);
  const json::object& data = body.at("data").as_object();
  const std::string id(data.at("id").as_string());
  EXPECT_EQ(data.at("text").as_string(), "סליחה דנה, בודקים מיד");
  EXPECT_EQ(data.at("edit_history_tweet_ids"), json::array{json::value(id)});
  EXPECT_GT(id.size(), mention.size() - 1);
  EXPECT_EQ(FindHeader(r.headers, "location"), "https://api.x.com/2/tweets/" + id);
  EXPECT_EQ(FindHeader(r.headers, "content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-limit"), "100");
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-remaining"), "99");
  // Epoch seconds of the end of the 15-minute window opened by this request.
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-reset"),
            std::to_string((kT0 + kMinute + 15 * kMinute) / 1000));
  ASSERT_EQ(r.webhooks.size(), 1u);

  const std::vector<SentRecord> sent = sim_.Sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].platform, domain::Platform::kX);
  EXPECT_EQ(sent[0].route, "public_reply");
  EXPECT_EQ(sent[0].account_id, kBrandId);
  EXPECT_EQ(sent[0].target, mention);
  EXPECT_EQ(sent[0].text, "סליחה דנה, בודקים מיד");
  EXPECT_EQ(sent[0].id, id);
  EXPECT_EQ(sent[0].time, kT0 + kMinute);
}

TEST_F(XApiTest, ReplyToAPostThatDidNotSummonTheBrandIsForbidden) {
  const std::string mention = Mention();
  // Another customer answers Dana without mentioning the brand: that post did not summon it.
  Customer yossi = XCustomer("1600000000000000202", "yossi_k", "יוסי");
  const std::string aside =
      MustPost(sim_, Action(CustomerActionKind::kReply, yossi, "גם אצלי זה קרה", mention),
               kT0 + kMinute)
          .id;

  SimResponse r = sim_.Handle(Tweet("יוסי, נשמח לעזור", aside), kT0 + 2 * kMinute);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(
      Json(r.body),
      Json(R"({"title":"Forbidden","type":"about:blank","status":403,"detail":"Reply to this )"
           R"(conversation is not allowed because you have not been mentioned or otherwise )"
           R"(engaged by the author of the post you are replying to."})"));
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-remaining"), "99");  // refused requests count
  EXPECT_TRUE(r.webhooks.empty());
  EXPECT_TRUE(sim_.Sent().empty());
}

TEST_F(XApiTest, AMentionSummonsOnlyTheAccountItMentions) {
  CustomerAction action = Action(CustomerActionKind::kMention, XCustomer(),
                                 "@kantina_eilat החדר הפרטי היה מושלם, תודה");
  action.account_id = kOtherBrandId;
  const std::string mention = MustPost(sim_, action, kT0).id;
  EXPECT_EQ(sim_.Handle(Tweet("תודה!", mention, kBrandToken), kT0).status, 403);
  EXPECT_EQ(sim_.Handle(Tweet("תודה!", mention, kOtherBrandToken), kT0).status, 201);
}

TEST_F(XApiTest, AQuoteOfTheBrandSummonsIt) {
  auto brand_post = sim_.AddBrandPost(domain::Platform::kX, "", "התפריט החדש כאן", kT0 - kDay);
  ASSERT_TRUE(brand_post.ok());
  const std::string quote = MustPost(sim_,
                                     Action(CustomerActionKind::kQuote, XCustomer(),
                                            "מתי זה מגיע לבאר שבע?", *brand_post),
                                     kT0)
                                .id;
  EXPECT_EQ(sim_.Handle(Tweet("בעוד שבועיים!", quote), kT0 + kMinute).status, 201);
}

TEST_F(XApiTest, TheBrandMayAlwaysAnswerInItsOwnThread) {
  const std::string mention = Mention();
  SimResponse first = sim_.Handle(Tweet("בודקים", mention), kT0);
  const std::string own(Json(first.body).at("data").at("id").as_string());
  EXPECT_EQ(sim_.Handle(Tweet("עדכון: השליח בדרך", own), kT0 + kMinute).status, 201);
}

TEST_F(XApiTest, ReplyToAnUnknownPostIsForbiddenAsDeletedOrNotVisible) {
  SimResponse r = sim_.Handle(Tweet("hello", "1999999999999999999"), kT0);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Json(r.body).at("detail"),
            "You attempted to reply to a Tweet that is deleted or not visible to you.");
}

TEST_F(XApiTest, MissingOrWrongBearerTokenIsUnauthorizedWithoutRateHeaders) {
  for (std::string_view token : {std::string_view(""), std::string_view("not-a-token")}) {
    SimResponse r = sim_.Handle(Tweet("hi", "", token), kT0);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(Json(r.body), Json(R"({"title":"Unauthorized","type":"about:blank","status":401,)"
                                 R"("detail":"Unauthorized"})"));
    EXPECT_TRUE(FindHeader(r.headers, "x-rate-limit-limit").empty());
  }
  SimRequest basic = Tweet("hi");
  basic.headers = ports::HttpHeaders();
  basic.headers.Add("Authorization", std::string("Basic ") + kBrandToken);
  EXPECT_EQ(sim_.Handle(basic, kT0).status, 401);
}

TEST_F(XApiTest, InvalidBodiesAreInvalidRequestProblems) {
  SimResponse not_json = sim_.Handle(Request("POST", "/2/tweets", "text=hi", kBrandToken), kT0);
  EXPECT_EQ(not_json.status, 400);
  const json::value body = Json(not_json.body);
  EXPECT_EQ(body.at("title"), "Invalid Request");
  EXPECT_EQ(body.at("detail"), "One or more parameters to your request was invalid.");
  EXPECT_EQ(body.at("type"), "https://api.x.com/2/problems/invalid-request");
  EXPECT_FALSE(body.at("errors").at(0).as_object().contains("parameters"));

  SimResponse no_text =
      sim_.Handle(Request("POST", "/2/tweets", R"({"text":""})", kBrandToken), kT0);
  EXPECT_EQ(no_text.status, 400);
  EXPECT_TRUE(Json(no_text.body).at("errors").at(0).at("parameters").as_object().contains("text"));

  SimResponse bad_parent = sim_.Handle(Tweet("x", "12ab"), kT0);
  EXPECT_EQ(bad_parent.status, 400);
  EXPECT_EQ(
      Json(bad_parent.body).at("errors").at(0).at("parameters").at("reply.in_reply_to_tweet_id"),
      json::array{"12ab"});
  EXPECT_EQ(FindHeader(bad_parent.headers, "x-rate-limit-remaining"), "97");
  EXPECT_TRUE(sim_.Sent().empty());
}

TEST_F(XApiTest, The101stPostIn15MinutesIsRefusedUntilTheWindowResets) {
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(sim_.Handle(Tweet("update " + std::to_string(i)), kT0 + i).status, 201);
  }
  SimResponse limited = sim_.Handle(Tweet("one too many"), kT0 + 5 * kMinute);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(Json(limited.body),
            Json(R"({"title":"Too Many Requests","type":"about:blank","status":429,)"
                 R"("detail":"Too Many Requests"})"));
  EXPECT_EQ(FindHeader(limited.headers, "x-rate-limit-remaining"), "0");
  EXPECT_EQ(FindHeader(limited.headers, "x-rate-limit-reset"),
            std::to_string((kT0 + 15 * kMinute) / 1000));
  EXPECT_EQ(sim_.Sent().size(), 100u);
  // Another user has its own window.
  EXPECT_EQ(sim_.Handle(Tweet("eilat", "", kOtherBrandToken), kT0 + 5 * kMinute).status, 201);

  SimResponse after = sim_.Handle(Tweet("back"), kT0 + 15 * kMinute);
  EXPECT_EQ(after.status, 201);
  EXPECT_EQ(FindHeader(after.headers, "x-rate-limit-remaining"), "99");
}

TEST_F(XApiTest, DmIsCreatedInTheOneToOneConversation) {
  SimResponse r = sim_.Handle(Dm("1600000000000000101", "היי דנה, אפשר מספר הזמנה?"), kT0);
  ASSERT_EQ(r.status, 201) << r.body;
  const json::value body = Json(r.body);
  const json::object& data = body.at("data").as_object();
  EXPECT_EQ(data.at("dm_conversation_id"), "1500000000000000001-1600000000000000101");
  const std::string event_id(data.at("dm_event_id").as_string());
  // X quotes the id inside the Location header; clients must read the body.
  EXPECT_EQ(FindHeader(r.headers, "location"),
            "https://api.x.com/2/dm_events/\"" + event_id + "\"");
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-limit"), "15");
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-remaining"), "14");
  ASSERT_EQ(sim_.Sent().size(), 1u);
  EXPECT_EQ(sim_.Sent()[0].route, "direct_message");
  EXPECT_EQ(sim_.Sent()[0].target, "1600000000000000101");
  EXPECT_EQ(sim_.Sent()[0].id, event_id);

  // With a lower participant id the order flips.
  SimResponse low = sim_.Handle(Dm("42", "hi"), kT0);
  EXPECT_EQ(Json(low.body).at("data").at("dm_conversation_id"), "42-1500000000000000001");
}

TEST_F(XApiTest, The16thDmIn15MinutesIsRefused) {
  for (int i = 0; i < 15; ++i) {
    ASSERT_EQ(sim_.Handle(Dm("1600000000000000101", "m"), kT0).status, 201);
  }
  SimResponse r = sim_.Handle(Dm("1600000000000000101", "m"), kT0 + kMinute);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-limit"), "15");
  EXPECT_EQ(FindHeader(r.headers, "x-rate-limit-remaining"), "0");
  // Posts are counted separately.
  EXPECT_EQ(sim_.Handle(Tweet("still fine"), kT0 + kMinute).status, 201);
}

TEST_F(XApiTest, DmToANonNumericParticipantOrWithoutTextIsInvalid) {
  EXPECT_EQ(sim_.Handle(Dm("dana", "hi"), kT0).status, 400);
  EXPECT_EQ(
      sim_.Handle(Request("POST", "/2/dm_conversations/with/42/messages", "{}", kBrandToken), kT0)
          .status,
      400);
}

TEST_F(XApiTest, UnknownRoutesAnswerTheLegacyNotFound) {
  for (SimRequest req :
       {Request("GET", "/2/tweets", "", kBrandToken),
        Request("POST", "/2/users/me", "{}", kBrandToken),
        Request("POST", "/2/dm_conversations/with/1/2/messages", "{}", kBrandToken)}) {
    SimResponse r = sim_.Handle(req, kT0);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(Json(r.body),
              Json(R"({"errors":[{"message":"Sorry, that page does not exist","code":34}]})"));
  }
}

TEST_F(XApiTest, TheSameReplyTwiceIsTwoPostsTwoRecordsAndTwoEchoes) {
  const std::string mention = Mention();
  SimResponse a = sim_.Handle(Tweet("בודקים", mention), kT0);
  SimResponse b = sim_.Handle(Tweet("בודקים", mention), kT0);
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  EXPECT_NE(Json(a.body).at("data").at("id"), Json(b.body).at("data").at("id"));
  EXPECT_EQ(a.webhooks.size() + b.webhooks.size(), 2u);
  ASSERT_EQ(sim_.Sent().size(), 2u);
  EXPECT_EQ(sim_.Sent()[0].target, sim_.Sent()[1].target);
}

TEST_F(XApiTest, APostWithoutReplyIsRecordedAsAPost) {
  SimResponse r = sim_.Handle(Tweet("מבצע סוף שבוע: 1+1 על כל הכריכים"), kT0);
  ASSERT_EQ(r.status, 201);
  ASSERT_EQ(sim_.Sent().size(), 1u);
  EXPECT_EQ(sim_.Sent()[0].route, "post");
  EXPECT_EQ(sim_.Sent()[0].target, "");
}

}  // namespace
}  // namespace fr::channels::sim
