// XReplyGateway: answer classification on X's real recorded answers (FR_SHARED_DIR fixtures,
// read at test time) plus the shapes no fixture holds, and the requests Send makes, checked
// against a loopback server that replays tweepy's recorded answers (gzip bodies, rate headers).
#include "channels/x/x_sender.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "channels/common/reply_test_util.h"
#include "tests/support/loopback_http_server.h"

namespace fr::channels::x {
namespace {

using channels::testing::Answer;

using ports::OutboundReply;
using ports::ReplyRoute;
using ports::SendOutcome;
using Kind = SendOutcome::Kind;
using fr::testing::CannedAnswer;
using fr::testing::LoopbackHttpServer;

constexpr UnixMillis kNow = 1635976000000;  // 2021-11-03, minutes before the recorded resets
constexpr char kTweepyDevId[] = "1072250532645998596";

// The bytes of a fixture under ../shared/fixtures/twitter/.
std::string Fixture(const std::string& relative) {
  return channels::testing::ReadFixture("twitter/" + relative);
}

// The recorded answer to `method uri` in a tweepy cassette, as the loopback server should replay
// it: status, every header but Content-Length (the server sets it), and the raw (gzip) body.
CannedAnswer RecordedAnswer(const std::string& cassette, const std::string& method,
                            const std::string& uri) {
  const YAML::Node doc =
      YAML::LoadFile(std::string(FR_SHARED_DIR) + "/fixtures/twitter/" + cassette);
  for (const YAML::Node& it : doc["interactions"]) {
    if (it["request"]["method"].as<std::string>() != method ||
        it["request"]["uri"].as<std::string>() != uri) {
      continue;
    }
    const YAML::Node response = it["response"];
    CannedAnswer answer;
    answer.status = response["status"]["code"].as<int>();
    for (const auto& header : response["headers"]) {
      const std::string name = header.first.as<std::string>();
      if (name == "content-length") continue;
      for (const YAML::Node& value : header.second)
        answer.headers.emplace_back(name, value.as<std::string>());
    }
    const YAML::Binary body = response["body"]["string"].as<YAML::Binary>();
    answer.body.assign(reinterpret_cast<const char*>(body.data()), body.size());
    return answer;
  }
  ADD_FAILURE() << "no " << method << " " << uri << " in " << cassette;
  return {};
}

XConfig TestXConfig(std::string api_base) {
  XConfig c;
  c.api_base = std::move(api_base);
  c.accounts = {{kTweepyDevId, "TweepyDev", "user-token-1"}, {"42", "NoToken"}};
  return c;
}

OutboundReply PublicReply(std::string text) {
  OutboundReply r;
  r.idempotency_key = "reply-1";
  r.platform = domain::Platform::kX;
  r.account_id = kTweepyDevId;
  r.route = ReplyRoute::kPublicReply;
  r.in_reply_to = "1455953449422516226";
  r.text = std::move(text);
  return r;
}

OutboundReply DirectMessage(std::string text) {
  OutboundReply r = PublicReply(std::move(text));
  r.route = ReplyRoute::kDirectMessage;
  r.in_reply_to.clear();
  r.recipient_id = "750362064426721281";
  return r;
}

// ---- classification on recorded answers ----

TEST(ClassifyXAnswerTest, CreatedPostReceipts) {
  for (const char* file :
       {"twitter-dart/create_tweet.json", "sns-python-twitter/create_tweet_resp.json"}) {
    const SendOutcome out =
        ClassifyXAnswer(ReplyRoute::kPublicReply, Answer(201, Fixture(file)), kNow);
    EXPECT_EQ(out.kind, Kind::kSent) << file;
    EXPECT_EQ(out.platform_id, "1445880548472328192") << file;
    EXPECT_EQ(out.http_status, 201);
    EXPECT_FALSE(out.ambiguous);
  }
}

TEST(ClassifyXAnswerTest, CreatedDmReceiptsNameTheEventNotTheConversation) {
  const SendOutcome dart = ClassifyXAnswer(
      ReplyRoute::kDirectMessage, Answer(201, Fixture("twitter-dart/create_message.json")), kNow);
  EXPECT_EQ(dart.kind, Kind::kSent);
  EXPECT_EQ(dart.platform_id, "1589951958990716934");
  const SendOutcome sns =
      ClassifyXAnswer(ReplyRoute::kDirectMessage,
                      Answer(201, Fixture("sns-python-twitter/events_create.json")), kNow);
  EXPECT_EQ(sns.kind, Kind::kSent);
  EXPECT_EQ(sns.platform_id, "128341038123");
}

TEST(ClassifyXAnswerTest, LegacyRateLimitWaitsForTheResetInEpochSeconds) {
  const SendOutcome out =
      ClassifyXAnswer(ReplyRoute::kPublicReply,
                      Answer(429, Fixture("twitter-dart/rate_limit_exceeded_error.json"),
                             {{"x-rate-limit-limit", "100"},
                              {"x-rate-limit-remaining", "0"},
                              {"x-rate-limit-reset", "1635976418"}}),
                      kNow);
  EXPECT_EQ(out.kind, Kind::kRetryLater);
  EXPECT_EQ(out.retry_at, 1635976418000);
  EXPECT_FALSE(out.pause_account);
  EXPECT_FALSE(out.ambiguous);
  EXPECT_EQ(out.http_status, 429);
  EXPECT_EQ(out.error_code, "88");
  EXPECT_EQ(out.error_text, "Rate limit exceeded");
}

TEST(ClassifyXAnswerTest, ProblemObjectFailsWithItsKindAndTexts) {
  const SendOutcome out = ClassifyXAnswer(
      ReplyRoute::kPublicReply, Answer(400, Fixture("sns-python-twitter/delete_error.json")), kNow);
  EXPECT_EQ(out.kind, Kind::kFailed);
  EXPECT_EQ(out.error_code, "invalid-request");
  EXPECT_EQ(
      out.error_text,
      "One or more parameters to your request was invalid.; JSON doesn't match expected schema");
}

// ---- shapes no fixture holds ----

TEST(ClassifyXAnswerTest, UsageCapPausesTheAccountAndProbesHourly) {
  const SendOutcome out = ClassifyXAnswer(
      ReplyRoute::kPublicReply,
      Answer(429,
             R"({"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap",)"
             R"("type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly"})",
             {{"x-rate-limit-remaining", "39999"}, {"x-rate-limit-reset", "1635976418"}}),
      kNow);
  EXPECT_EQ(out.kind, Kind::kRetryLater);
  EXPECT_TRUE(out.pause_account);
  EXPECT_EQ(out.retry_at, kNow + kUsageCapProbeMillis);  // not the 15-minute reset
  EXPECT_EQ(out.error_code, "usage-capped");
  EXPECT_EQ(out.error_text, "Usage cap exceeded: Monthly product cap");
}

TEST(ClassifyXAnswerTest, ExhaustedDailyWindowOutlastsTheFifteenMinuteReset) {
  const SendOutcome out = ClassifyXAnswer(
      ReplyRoute::kPublicReply,
      Answer(429,
             R"({"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank"})",
             {{"x-rate-limit-remaining", "57"},
              {"x-rate-limit-reset", "1635976418"},
              {"x-user-limit-24hour-remaining", "0"},
              {"x-user-limit-24hour-reset", "1636050000"}}),
      kNow);
  EXPECT_EQ(out.kind, Kind::kRetryLater);
  EXPECT_EQ(out.retry_at, 1636050000000);
  EXPECT_EQ(out.error_code, "429");
}

TEST(ClassifyXAnswerTest, RateLimitWithoutAFutureResetGivesNoHint) {
  EXPECT_EQ(ClassifyXAnswer(ReplyRoute::kPublicReply, Answer(429, ""), kNow).retry_at, 0);
  const SendOutcome stale = ClassifyXAnswer(
      ReplyRoute::kPublicReply, Answer(429, "", {{"x-rate-limit-reset", "1600000000"}}), kNow);
  EXPECT_EQ(stale.kind, Kind::kRetryLater);
  EXPECT_EQ(stale.retry_at, 0);
}

TEST(ClassifyXAnswerTest, ForbiddenRepliesFailVerbatim) {
  const SendOutcome dup = ClassifyXAnswer(
      ReplyRoute::kPublicReply,
      Answer(403, R"({"detail":"You are not allowed to create a Tweet with duplicate content.",)"
                  R"("type":"about:blank","title":"Forbidden","status":403})"),
      kNow);
  EXPECT_EQ(dup.kind, Kind::kFailed);
  EXPECT_EQ(dup.error_code, "403");
  EXPECT_EQ(dup.error_text, "You are not allowed to create a Tweet with duplicate content.");

  const SendOutcome legacy = ClassifyXAnswer(
      ReplyRoute::kPublicReply,
      Answer(403, R"({"errors":[{"code":187,"message":"Status is a duplicate."}]})"), kNow);
  EXPECT_EQ(legacy.kind, Kind::kFailed);
  EXPECT_EQ(legacy.error_code, "187");
  EXPECT_EQ(legacy.error_text, "Status is a duplicate.");

  const SendOutcome unauthorized =
      ClassifyXAnswer(ReplyRoute::kDirectMessage, Answer(401, ""), kNow);
  EXPECT_EQ(unauthorized.kind, Kind::kFailed);
  EXPECT_EQ(unauthorized.error_code, "401");
  EXPECT_EQ(unauthorized.error_text, "X answered HTTP 401");
}

TEST(ClassifyXAnswerTest, ServerErrorsAreRetriedAsAmbiguous) {
  const SendOutcome out =
      ClassifyXAnswer(ReplyRoute::kPublicReply, Answer(503, "<html>over capacity</html>"), kNow);
  EXPECT_EQ(out.kind, Kind::kRetryLater);
  EXPECT_TRUE(out.ambiguous);
  EXPECT_EQ(out.retry_at, 0);
  EXPECT_EQ(out.error_code, "503");
}

TEST(ClassifyXAnswerTest, SuccessWithoutAnIdIsAmbiguous) {
  // A DM receipt read as a post receipt has no data.id.
  const SendOutcome out = ClassifyXAnswer(
      ReplyRoute::kPublicReply, Answer(201, Fixture("twitter-dart/create_message.json")), kNow);
  EXPECT_EQ(out.kind, Kind::kRetryLater);
  EXPECT_TRUE(out.ambiguous);
  EXPECT_EQ(out.error_code, "unreadable_answer");
}

TEST(ClassifyXAnswerTest, ErrorsInsideA200Fail) {
  const SendOutcome out = ClassifyXAnswer(
      ReplyRoute::kPublicReply,
      Answer(200, R"({"errors":[{"title":"Not Found Error","detail":"Could not find tweet with )"
                  R"(in_reply_to_tweet_id: [1].",)"
                  R"("type":"https://api.twitter.com/2/problems/resource-not-found"}]})"),
      kNow);
  EXPECT_EQ(out.kind, Kind::kFailed);
  EXPECT_EQ(out.error_code, "resource-not-found");
}

// ---- validation ----

TEST(XReplyGatewayTest, Validate) {
  const XReplyGateway gw(TestXConfig("http://unused"));
  EXPECT_TRUE(gw.Handles(domain::Platform::kX));
  EXPECT_FALSE(gw.Handles(domain::Platform::kFacebook));
  EXPECT_TRUE(gw.Validate(PublicReply("thanks")).ok());
  EXPECT_TRUE(gw.Validate(DirectMessage("thanks")).ok());

  auto reason = [&](OutboundReply r) { return gw.Validate(r).reason(); };
  OutboundReply r = PublicReply("thanks");
  r.account_id = "999";
  EXPECT_EQ(reason(r), "unknown_account");
  r.account_id = "42";  // configured without a token
  EXPECT_EQ(reason(r), "unknown_account");
  r = PublicReply("thanks");
  r.route = ReplyRoute::kPrivateReply;
  EXPECT_EQ(reason(r), "unsupported_route");
  r = PublicReply("thanks");
  r.platform = domain::Platform::kInstagram;
  EXPECT_EQ(reason(r), "unsupported_route");
  r = PublicReply("thanks");
  r.in_reply_to = "";
  EXPECT_EQ(reason(r), "missing_target");
  r.in_reply_to = "1/../../1.1/statuses";
  EXPECT_EQ(reason(r), "missing_target");
  r = DirectMessage("thanks");
  r.recipient_id = "";
  EXPECT_EQ(reason(r), "missing_target");
  EXPECT_EQ(reason(PublicReply(" \n")), "empty_text");
  EXPECT_EQ(gw.Validate(PublicReply("")).code(), Errc::kInvalidArgument);
}

TEST(XReplyGatewayTest, PublicRepliesAreMeasuredAsXWeighsThem) {
  const XReplyGateway gw(TestXConfig("http://unused"));
  auto reason = [&](OutboundReply r) { return gw.Validate(r).reason(); };
  std::string hebrew;  // Hebrew letters weigh 1
  for (int i = 0; i < 280; ++i) hebrew += "ש";
  EXPECT_EQ(reason(PublicReply(hebrew)), "");
  EXPECT_EQ(reason(PublicReply(hebrew + "!")), "too_long");
  std::string emoji;  // an emoji weighs 2
  for (int i = 0; i < 140; ++i) emoji += "😀";
  EXPECT_EQ(reason(PublicReply(emoji)), "");
  EXPECT_EQ(reason(PublicReply(emoji + "a")), "too_long");
  // A link weighs 23 whatever its length.
  EXPECT_EQ(reason(PublicReply("see https://example.com/" + std::string(400, 'a'))), "");
  // DMs are not weighed.
  EXPECT_EQ(reason(DirectMessage(hebrew + hebrew)), "");
  EXPECT_EQ(gw.Validate(PublicReply(hebrew + "!")).message(),
            "X posts are limited to 280 (most emoji and CJK characters count 2, links 23); this "
            "one counts 281");
}

// ---- requests, against the loopback server ----

TEST(XReplyGatewayTest, PublicReplyRequestAndRecordedAnswer) {
  LoopbackHttpServer server;
  server.Enqueue(RecordedAnswer("tweepy/test_client_create_and_delete_tweet.yaml", "POST",
                                "https://api.twitter.com/2/tweets"));
  const XReplyGateway gw(TestXConfig(server.base_url()));
  const std::string text = "@dana סליחה על העיכוב, ההזמנה יצאה היום 📦";

  const SendOutcome out = gw.Send(PublicReply(text), kNow);

  EXPECT_EQ(out.kind, Kind::kSent) << out.error_code << " " << out.error_text;
  EXPECT_EQ(out.platform_id, "1456012973835788293");  // from the recorded gzip body
  EXPECT_EQ(out.http_status, 201);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/2/tweets");
  EXPECT_EQ(requests[0].Header("Authorization"), "Bearer user-token-1");
  EXPECT_EQ(requests[0].Header("Content-Type"), "application/json");
  EXPECT_EQ(requests[0].body,
            R"({"text":")" + text + R"(","reply":{"in_reply_to_tweet_id":"1455953449422516226"}})");
}

TEST(XReplyGatewayTest, DirectMessageRequestAndRecordedAnswer) {
  LoopbackHttpServer server;
  server.Enqueue(RecordedAnswer("tweepy/test_manage_and_lookup_direct_messages.yaml", "POST",
                                "https://api.twitter.com/2/dm_conversations/with/"
                                "750362064426721281/messages"));
  const XReplyGateway gw(TestXConfig(server.base_url()));

  const SendOutcome out = gw.Send(DirectMessage("שלום \"דנה\"\n"), kNow);

  EXPECT_EQ(out.kind, Kind::kSent) << out.error_code << " " << out.error_text;
  // The body's id, not the Location header's quoted one.
  EXPECT_EQ(out.platform_id, "1585800613253812228");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target, "/2/dm_conversations/with/750362064426721281/messages");
  EXPECT_EQ(requests[0].body, R"({"text":"שלום \"דנה\"\n"})");
}

TEST(XReplyGatewayTest, TimeoutIsAmbiguousRefusalIsNot) {
  LoopbackHttpServer server;
  CannedAnswer never;
  never.hang = true;
  server.Enqueue(never);
  const XReplyGateway slow(TestXConfig(server.base_url()), std::chrono::milliseconds(300));
  const SendOutcome timed_out = slow.Send(PublicReply("hi"), kNow);
  EXPECT_EQ(timed_out.kind, Kind::kRetryLater);
  EXPECT_TRUE(timed_out.ambiguous);
  EXPECT_EQ(timed_out.http_status, 0);
  EXPECT_EQ(timed_out.error_code, kRequestMaybeSent);

  fr::testing::RefusingPort closed;
  const XReplyGateway nowhere(TestXConfig(closed.base_url()));
  const SendOutcome refused = nowhere.Send(PublicReply("hi"), kNow);
  EXPECT_EQ(refused.kind, Kind::kRetryLater);
  EXPECT_FALSE(refused.ambiguous);
  EXPECT_EQ(refused.error_code, kRequestNotSent);
}

TEST(XReplyGatewayTest, InvalidReplyIsNotSent) {
  LoopbackHttpServer server;
  const XReplyGateway gw(TestXConfig(server.base_url()));
  OutboundReply r = PublicReply("hi");
  r.account_id = "42";

  const SendOutcome out = gw.Send(r, kNow);

  EXPECT_EQ(out.kind, Kind::kFailed);
  EXPECT_EQ(out.error_code, "unknown_account");
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace fr::channels::x
