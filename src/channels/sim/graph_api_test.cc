// The simulated Graph API: comments, Instagram replies, private replies and Send API messages,
// with Meta's rules (tokens, one private reply per comment within 7 days, the 24 h and 7-day
// messaging windows, text limits) and its error envelope.
#include <gtest/gtest.h>

#include "channels/sim/sim_platform.h"
#include "channels/sim/sim_test_util.h"

namespace fr::channels::sim {
namespace {

using namespace testing;  // NOLINT: test helpers
namespace json = boost::json;
using domain::Platform;

constexpr char kPsid[] = "7100000000000001";
constexpr char kIgsid[] = "7200000000000001";

SimRequest Graph(std::string target, const json::object& body,
                 std::string_view token = kPageToken) {
  return Request("POST", std::move(target), json::serialize(body), token);
}

SimRequest Message(const json::object& recipient, std::string_view text, std::string_view tag = "",
                   std::string page = kPageId) {
  json::object body{{"recipient", recipient}, {"message", json::object{{"text", text}}}};
  body["messaging_type"] = tag.empty() ? "RESPONSE" : "MESSAGE_TAG";
  if (!tag.empty()) body["tag"] = tag;
  return Graph("/v21.0/" + page + "/messages", body);
}

// Asserts Meta's error envelope and returns error.code / error_subcode.
std::pair<std::int64_t, std::int64_t> ErrorCodes(const SimResponse& r) {
  EXPECT_EQ(r.status, 400) << r.body;
  const json::value body = Json(r.body);
  const json::object& e = body.at("error").as_object();
  EXPECT_EQ(e.at("type"), "OAuthException");
  EXPECT_TRUE(e.at("message").is_string());
  EXPECT_EQ(e.at("fbtrace_id").as_string().size(), 11u);
  EXPECT_TRUE(r.webhooks.empty());
  const json::value* sub = e.if_contains("error_subcode");
  return {e.at("code").as_int64(), sub ? sub->as_int64() : 0};
}

class GraphApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    post_ = *sim_.AddBrandPost(Platform::kFacebook, "", "", kT0 - kDay);
    media_ = *sim_.AddBrandPost(Platform::kInstagram, "", "", kT0 - kDay);
  }

  std::string FacebookComment(UnixMillis at = kT0) {
    Customer miri = MetaCustomer(Platform::kFacebook, "5500000000000001", "מירי כהן", "", kPsid);
    return MustPost(sim_,
                    Action(CustomerActionKind::kComment, miri, "הזמנתי פיצה והיא הגיעה קרה", post_),
                    at)
        .id;
  }
  std::string InstagramComment(UnixMillis at = kT0) {
    Customer noa = MetaCustomer(Platform::kInstagram, kIgsid, "", "noa.bakes");
    return MustPost(sim_,
                    Action(CustomerActionKind::kComment, noa, "איזה יופי 😍 יש גם טבעוני?", media_),
                    at)
        .id;
  }
  void MessengerMessage(UnixMillis at) {
    MustPost(sim_,
             Action(CustomerActionKind::kDm, MetaCustomer(Platform::kMessenger, kPsid, "מירי כהן"),
                    "היי"),
             at);
  }

  SimPlatform sim_{TestSimConfig()};
  std::string post_;
  std::string media_;
};

TEST_F(GraphApiTest, ReplyToAFacebookCommentAnswersAPostScopedCommentId) {
  const std::string comment = FacebookComment();
  SimResponse r = sim_.Handle(
      Graph("/v21.0/" + comment + "/comments", {{"message", "מירי, שלחנו לך הודעה"}}), kT0);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(FindHeader(r.headers, "content-type"), "application/json; charset=UTF-8");
  const std::string id(Json(r.body).at("id").as_string());
  // "<post>_<comment>": the local part of the post id, then the new comment's.
  const std::string post_local = post_.substr(post_.find('_') + 1);
  EXPECT_EQ(id.substr(0, post_local.size() + 1), post_local + "_");
  EXPECT_EQ(r.webhooks.size(), 1u);
  ASSERT_EQ(sim_.Sent().size(), 1u);
  EXPECT_EQ(sim_.Sent()[0].platform, Platform::kFacebook);
  EXPECT_EQ(sim_.Sent()[0].route, "public_reply");
  EXPECT_EQ(sim_.Sent()[0].account_id, kPageId);
  EXPECT_EQ(sim_.Sent()[0].target, comment);
  EXPECT_EQ(sim_.Sent()[0].id, id);

  // The Page may comment on its own post too.
  EXPECT_EQ(sim_.Handle(Graph("/v19.0/" + post_ + "/comments", {{"message", "עדכון"}}), kT0).status,
            200);
}

TEST_F(GraphApiTest, FormBodiesAndTheAccessTokenParameterWork) {
  const std::string comment = FacebookComment();
  SimRequest form;
  form.method = "POST";
  form.target = "/v21.0/" + comment + "/comments?access_token=" + std::string(kPageToken);
  form.headers.Add("Content-Type", "application/x-www-form-urlencoded");
  form.body = "message=%D7%A1%D7%9C%D7%99%D7%97%D7%94+%D7%9E%D7%99%D7%A8%D7%99";  // "סליחה מירי"
  SimResponse r = sim_.Handle(form, kT0);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(sim_.Sent().size(), 1u);
  EXPECT_EQ(sim_.Sent()[0].text, "סליחה מירי");
}

TEST_F(GraphApiTest, AMissingOrUnknownTokenIsError190) {
  const std::string comment = FacebookComment();
  for (std::string_view token : {std::string_view(""), std::string_view("expired-token")}) {
    SimResponse r =
        sim_.Handle(Graph("/v21.0/" + comment + "/comments", {{"message", "x"}}, token), kT0);
    EXPECT_EQ(ErrorCodes(r).first, 190);
    EXPECT_EQ(Json(r.body).at("error").at("message"),
              "Invalid OAuth access token - Cannot parse access token");
  }
  EXPECT_TRUE(sim_.Sent().empty());
}

TEST_F(GraphApiTest, ObjectsOfAnotherPageOrUnknownAreUnsupportedPostRequests) {
  const std::string comment = FacebookComment();
  SimResponse other_page = sim_.Handle(
      Graph("/v21.0/" + comment + "/comments", {{"message", "x"}}, kOtherPageToken), kT0);
  EXPECT_EQ(ErrorCodes(other_page), std::make_pair(std::int64_t{100}, std::int64_t{33}));
  const std::string message(Json(other_page.body).at("error").at("message").as_string());
  EXPECT_NE(
      message.find("Unsupported post request. Object with ID '" + comment + "' does not exist"),
      std::string::npos);
  EXPECT_EQ(
      ErrorCodes(sim_.Handle(Graph("/v21.0/123_456/comments", {{"message", "x"}}), kT0)).second,
      33);
  EXPECT_EQ(
      ErrorCodes(sim_.Handle(Graph("/v21.0/" + comment + "/comments", {{"message", ""}}), kT0))
          .first,
      100);
}

TEST_F(GraphApiTest, InstagramRepliesGoToInstagramCommentsOnly) {
  const std::string ig_comment = InstagramComment();
  SimResponse r = sim_.Handle(
      Graph("/v21.0/" + ig_comment + "/replies", {{"message", "כן! יש קערה טבעונית"}}), kT0);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string id(Json(r.body).at("id").as_string());
  EXPECT_EQ(id.size(), 17u);
  ASSERT_EQ(sim_.Sent().size(), 1u);
  EXPECT_EQ(sim_.Sent()[0].platform, Platform::kInstagram);
  EXPECT_EQ(sim_.Sent()[0].account_id, kInstagramId);

  const std::string fb_comment = FacebookComment();
  EXPECT_EQ(
      ErrorCodes(sim_.Handle(Graph("/v21.0/" + fb_comment + "/replies", {{"message", "x"}}), kT0))
          .second,
      33);
  EXPECT_EQ(
      ErrorCodes(sim_.Handle(Graph("/v21.0/" + ig_comment + "/comments", {{"message", "x"}}), kT0))
          .second,
      33);
}

TEST_F(GraphApiTest, APrivateReplyIsAllowedOncePerCommentAndLandsInMessenger) {
  const std::string comment = FacebookComment();
  SimResponse r =
      sim_.Handle(Message({{"comment_id", comment}}, "היי מירי, נשמח לפרטי ההזמנה"), kT0 + kHour);
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value body = Json(r.body);
  EXPECT_EQ(body.at("recipient_id"), kPsid);  // the commenter's page-scoped id
  const std::string mid(body.at("message_id").as_string());
  EXPECT_EQ(mid.substr(0, 2), "m_");
  ASSERT_EQ(sim_.Sent().size(), 1u);
  EXPECT_EQ(sim_.Sent()[0].platform, Platform::kMessenger);
  EXPECT_EQ(sim_.Sent()[0].route, "private_reply");
  EXPECT_EQ(sim_.Sent()[0].target, comment);
  EXPECT_EQ(sim_.Sent()[0].id, mid);

  SimResponse again = sim_.Handle(Message({{"comment_id", comment}}, "שוב"), kT0 + 2 * kHour);
  EXPECT_EQ(ErrorCodes(again).first, 10900);
  EXPECT_EQ(Json(again.body).at("error").at("message"), "(#10900) Activity already replied to");
  EXPECT_EQ(sim_.Sent().size(), 1u);
}

TEST_F(GraphApiTest, APrivateReplyMustComeWithinSevenDays) {
  const std::string comment = FacebookComment(kT0);
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"comment_id", comment}}, "מאוחר"), kT0 + 7 * kDay + 1))
                .first,
            10900);
  EXPECT_EQ(sim_.Handle(Message({{"comment_id", comment}}, "בזמן"), kT0 + 7 * kDay).status, 200);
}

TEST_F(GraphApiTest, APrivateReplyToAnUnknownOrOwnCommentIsAnInvalidCommentId) {
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"comment_id", "1_2"}}, "x"), kT0)),
            std::make_pair(std::int64_t{100}, std::int64_t{2018292}));
  const std::string comment = FacebookComment();
  SimResponse own =
      sim_.Handle(Graph("/v21.0/" + comment + "/comments", {{"message", "שלנו"}}), kT0);
  const std::string own_id(Json(own.body).at("id").as_string());
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"comment_id", own_id}}, "x"), kT0)).second, 2018292);
}

TEST_F(GraphApiTest, APrivateReplyToAnInstagramCommentGoesToTheCommenter) {
  const std::string comment = InstagramComment();
  SimResponse r = sim_.Handle(Message({{"comment_id", comment}}, "שלחנו לך את התפריט"), kT0);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r.body).at("recipient_id"), kIgsid);
  EXPECT_EQ(std::string(Json(r.body).at("message_id").as_string()).substr(0, 4), "aWdf");
  EXPECT_EQ(sim_.Sent()[0].platform, Platform::kInstagram);
  EXPECT_EQ(sim_.Sent()[0].account_id, kInstagramId);
}

TEST_F(GraphApiTest, MessagesAreAllowedWithin24HoursOfTheCustomersLastMessage) {
  MessengerMessage(kT0);
  SimResponse ok = sim_.Handle(Message({{"id", kPsid}}, "בודקים עבורך"), kT0 + 24 * kHour);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json(ok.body).at("recipient_id"), kPsid);

  SimResponse late = sim_.Handle(Message({{"id", kPsid}}, "עדכון"), kT0 + 24 * kHour + 1);
  EXPECT_EQ(ErrorCodes(late), std::make_pair(std::int64_t{10}, std::int64_t{2018278}));
  EXPECT_EQ(
      Json(late.body).at("error").at("message"),
      "(#10) This message is sent outside of allowed window. Learn more about the new policy here: "
      "https://developers.facebook.com/docs/messenger-platform/policy-overview");

  // A new message from the customer opens a new window.
  MessengerMessage(kT0 + 2 * kDay);
  EXPECT_EQ(sim_.Handle(Message({{"id", kPsid}}, "עדכון"), kT0 + 2 * kDay + kHour).status, 200);
}

TEST_F(GraphApiTest, TheHumanAgentTagExtendsTheWindowToSevenDays) {
  MessengerMessage(kT0);
  SimResponse tagged =
      sim_.Handle(Message({{"id", kPsid}}, "ההחזר אושר", "HUMAN_AGENT"), kT0 + 6 * kDay);
  ASSERT_EQ(tagged.status, 200) << tagged.body;
  EXPECT_EQ(sim_.Sent().back().tag, "HUMAN_AGENT");
  EXPECT_EQ(
      ErrorCodes(sim_.Handle(Message({{"id", kPsid}}, "x", "HUMAN_AGENT"), kT0 + 7 * kDay + 1))
          .second,
      2018278);
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"id", kPsid}}, "x", "ACCOUNT_UPDATE"), kT0 + 2 * kDay))
                .second,
            2018278);
}

TEST_F(GraphApiTest, NoThreadWithTheRecipientIsNoMatchingUser) {
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"id", "7100000000009999"}}, "x"), kT0)),
            std::make_pair(std::int64_t{100}, std::int64_t{2018001}));
}

TEST_F(GraphApiTest, APrivateReplyDoesNotOpenTheMessagingWindow) {
  const std::string comment = FacebookComment();
  ASSERT_EQ(sim_.Handle(Message({{"comment_id", comment}}, "היי"), kT0).status, 200);
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"id", kPsid}}, "עוד משהו"), kT0 + kMinute)).second,
            2018001);
}

TEST_F(GraphApiTest, TextLimitsAre2000CharactersOnMessengerAnd1000BytesOnInstagram) {
  MessengerMessage(kT0);
  std::string hebrew_2000;
  for (int i = 0; i < 2000; ++i) hebrew_2000 += "א";
  EXPECT_EQ(sim_.Handle(Message({{"id", kPsid}}, hebrew_2000), kT0).status, 200);
  SimResponse too_long = sim_.Handle(Message({{"id", kPsid}}, hebrew_2000 + "ב"), kT0);
  EXPECT_EQ(ErrorCodes(too_long).first, 100);
  EXPECT_EQ(Json(too_long.body).at("error").at("message"),
            "(#100) Length of param message[text] must be less than or equal to 2000");

  MustPost(sim_,
           Action(CustomerActionKind::kDm,
                  MetaCustomer(Platform::kInstagram, kIgsid, "", "noa.bakes"), "היי"),
           kT0);
  const std::string hebrew_500 = hebrew_2000.substr(0, 1000);  // 500 letters, 1000 bytes
  EXPECT_EQ(sim_.Handle(Message({{"id", kIgsid}}, hebrew_500), kT0).status, 200);
  EXPECT_EQ(sim_.Sent().back().platform, Platform::kInstagram);
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"id", kIgsid}}, hebrew_500 + "!"), kT0)).first, 100);
}

TEST_F(GraphApiTest, MessagesMayAddressThePageTheInstagramAccountOrMeWithoutAVersion) {
  MessengerMessage(kT0);
  SimRequest me = Message({{"id", kPsid}}, "hi");
  me.target = "/me/messages";
  EXPECT_EQ(sim_.Handle(me, kT0).status, 200);
  EXPECT_EQ(sim_.Sent().back().platform, Platform::kMessenger);

  MustPost(sim_,
           Action(CustomerActionKind::kDm,
                  MetaCustomer(Platform::kInstagram, kIgsid, "", "noa.bakes"), "היי"),
           kT0);
  EXPECT_EQ(sim_.Handle(Message({{"id", kIgsid}}, "hi", "", kInstagramId), kT0).status, 200);
  EXPECT_EQ(sim_.Sent().back().platform, Platform::kInstagram);
  EXPECT_EQ(ErrorCodes(sim_.Handle(Message({{"id", kPsid}}, "hi", "", kOtherPageId), kT0)).second,
            33);
}

TEST_F(GraphApiTest, UnknownEdgesAndOtherMethodsAreRefused) {
  EXPECT_EQ(
      ErrorCodes(
          sim_.Handle(Graph("/v21.0/" + std::string(kPageId) + "/feed", {{"message", "x"}}), kT0))
          .first,
      2500);
  SimResponse get = sim_.Handle(
      Request("GET", "/v21.0/" + std::string(kPageId) + "/messages", "", kPageToken), kT0);
  EXPECT_EQ(ErrorCodes(get).second, 33);
  EXPECT_NE(std::string(Json(get.body).at("error").at("message").as_string())
                .find("Unsupported get request"),
            std::string::npos);
}

}  // namespace
}  // namespace fr::channels::sim
