// MetaReplyGateway: answer classification on Meta's real recorded error envelopes and usage
// header (FR_SHARED_DIR fixtures, read at test time) plus the codes no fixture holds, and the
// requests Send makes for every route, checked against a loopback server.
#include "channels/meta/meta_sender.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "channels/common/reply_test_util.h"
#include "tests/support/loopback_http_server.h"

namespace fr::channels::meta {
namespace {

using channels::testing::Answer;

using domain::Platform;
using ports::OutboundReply;
using ports::ReplyRoute;
using ports::SendOutcome;
using Kind = SendOutcome::Kind;
using fr::testing::CannedAnswer;
using fr::testing::LoopbackHttpServer;

constexpr UnixMillis kNow = 1763800000000;
constexpr char kPageId[] = "104395612345678";
constexpr char kInstagramId[] = "17841400000000001";
constexpr char kHebrew[] = "שלום דנה, בדקנו את ההזמנה ✅";

// The bytes of a fixture under ../shared/fixtures/facebook/restfb/.
std::string Fixture(const std::string& relative) {
  return channels::testing::ReadFixture("facebook/restfb/" + relative);
}

std::string GraphError(int code, const std::string& message) {
  return R"({"error":{"message":")" + message + R"(","type":"OAuthException","code":)" +
         std::to_string(code) + R"(,"fbtrace_id":"AbCdEf"}})";
}

MetaConfig TestConfig(std::string graph_base) {
  MetaConfig c;
  c.graph_base = std::move(graph_base);
  c.pages = {{kPageId, "Feedroom Demo IL", kInstagramId, "page-token-1"},
             {"104395698765432", "Feedroom Demo US", ""}};
  return c;
}

OutboundReply Reply(Platform platform, ReplyRoute route, std::string text = kHebrew) {
  OutboundReply r;
  r.idempotency_key = "reply-7";
  r.platform = platform;
  r.account_id = platform == Platform::kInstagram ? kInstagramId : kPageId;
  r.route = route;
  if (route == ReplyRoute::kDirectMessage) {
    r.recipient_id = "6543210987654321";
  } else {
    r.in_reply_to = "104395612345678_987654321";
  }
  r.text = std::move(text);
  return r;
}

// ---- classification on recorded answers ----

TEST(ClassifyMetaAnswerTest, ExpiredTokenFailsWithCodeSubcodeAndMessage) {
  for (const char* file : {"graph-errors-and-headers/exampleError.json",
                           "graph-errors-and-headers/exampleErrorNew.json"}) {
    const SendOutcome out =
        ClassifyMetaAnswer(ReplyRoute::kPublicReply, Answer(400, Fixture(file)), kNow);
    EXPECT_EQ(out.kind, Kind::kFailed) << file;
    EXPECT_EQ(out.http_status, 400);
    EXPECT_EQ(out.error_code, "190/460");
    EXPECT_EQ(out.error_text, "Message describing the error");
  }
}

TEST(ClassifyMetaAnswerTest, FlatOauthErrorFails) {
  const SendOutcome out = ClassifyMetaAnswer(
      ReplyRoute::kDirectMessage,
      Answer(400, Fixture("graph-errors-and-headers/exampleOauthError.json")), kNow);
  EXPECT_EQ(out.kind, Kind::kFailed);
  EXPECT_EQ(out.error_code, "400");
  EXPECT_EQ(out.error_text.rfind("Error validating verification code.", 0), 0u);
}

TEST(ClassifyMetaAnswerTest, ThrottlingPausesTheAccountUntilTheUsageHeaderSays) {
  // The recorded X-Business-Use-Case-Usage value: estimated_time_to_regain_access 10 minutes.
  const SendOutcome out = ClassifyMetaAnswer(
      ReplyRoute::kDirectMessage,
      Answer(400, GraphError(80006, "There have been too many messages sent to this Page"),
             {{"x-business-use-case-usage",
               Fixture("graph-errors-and-headers/header-business.json")}}),
      kNow);
  EXPECT_EQ(out.kind, Kind::kRetryLater);
  EXPECT_TRUE(out.pause_account);
  EXPECT_FALSE(out.ambiguous);
  EXPECT_EQ(out.retry_at, kNow + 10 * 60 * 1000);
  EXPECT_EQ(out.error_code, "80006");
}

TEST(ClassifyMetaAnswerTest, UnicodeIdAnswerIsSent) {
  const SendOutcome out =
      ClassifyMetaAnswer(ReplyRoute::kPublicReply,
                         Answer(200, Fixture("graph-errors-and-headers/unicode.json")), kNow);
  EXPECT_EQ(out.kind, Kind::kSent);
  EXPECT_EQ(out.platform_id, "b4TUmsLXoK");
}

// ---- shapes no fixture holds ----

TEST(ClassifyMetaAnswerTest, EveryThrottlingCodePausesTheAccount) {
  for (int code : {4, 17, 32, 341, 613, 80000, 80001, 80002, 80014}) {
    const SendOutcome out = ClassifyMetaAnswer(
        ReplyRoute::kPublicReply,
        Answer(code == 4 ? 403 : 400, GraphError(code, "(#" + std::to_string(code) + ") limit"),
               {{"X-App-Usage", R"({"call_count":100,"total_cputime":12,"total_time":40})"}}),
        kNow);
    EXPECT_EQ(out.kind, Kind::kRetryLater) << code;
    EXPECT_TRUE(out.pause_account) << code;
    EXPECT_EQ(out.retry_at, 0) << code;  // no estimated_time_to_regain_access: no hint
  }
  EXPECT_EQ(
      ClassifyMetaAnswer(ReplyRoute::kPublicReply, Answer(400, GraphError(80015, "x")), kNow).kind,
      Kind::kFailed);
}

TEST(ClassifyMetaAnswerTest, PageUsageHeaderAlsoGivesTheRetryTime) {
  const SendOutcome out = ClassifyMetaAnswer(
      ReplyRoute::kPublicReply,
      Answer(400, GraphError(32, "(#32) Page request limit reached"),
             {{"X-Page-Usage", R"({"call_count":100,"estimated_time_to_regain_access":3})"},
              {"X-Business-Use-Case-Usage",
               R"({"104395612345678":[{"type":"pages",)"
               R"("call_count":100,"estimated_time_to_regain_access":0}]})"}}),
      kNow);
  EXPECT_EQ(out.retry_at, kNow + 3 * 60 * 1000);
}

TEST(ClassifyMetaAnswerTest, TransientCodesAndServerErrorsAreRetriedAsAmbiguous) {
  for (int code : {1, 2}) {
    const SendOutcome out =
        ClassifyMetaAnswer(ReplyRoute::kDirectMessage,
                           Answer(500, GraphError(code, "An unknown error occurred")), kNow);
    EXPECT_EQ(out.kind, Kind::kRetryLater) << code;
    EXPECT_TRUE(out.ambiguous) << code;
    EXPECT_FALSE(out.pause_account) << code;
  }
  const SendOutcome gateway =
      ClassifyMetaAnswer(ReplyRoute::kDirectMessage, Answer(502, "<html>Bad Gateway</html>"), kNow);
  EXPECT_EQ(gateway.kind, Kind::kRetryLater);
  EXPECT_TRUE(gateway.ambiguous);
  EXPECT_EQ(gateway.error_code, "502");
  EXPECT_EQ(gateway.error_text, "Meta answered HTTP 502");
}

TEST(ClassifyMetaAnswerTest, RefusalsFailWithMetasText) {
  struct Case {
    int code;
    const char* message;
  };
  for (const Case& c :
       {Case{10900, "Activity already replied to"},
        Case{551, "This person isn't available right now."},
        Case{10903, "This user cant reply to this activity"},
        Case{10904, "Messaging is disabled for this user"}, Case{100, "Invalid parameter"},
        Case{368, "Temporarily blocked"}, Case{200, "Permissions error"},
        Case{190, "Error validating access token"}}) {
    const SendOutcome out = ClassifyMetaAnswer(ReplyRoute::kPrivateReply,
                                               Answer(400, GraphError(c.code, c.message)), kNow);
    EXPECT_EQ(out.kind, Kind::kFailed) << c.code;
    EXPECT_EQ(out.error_code, std::to_string(c.code));
    EXPECT_EQ(out.error_text, c.message);
  }
  // Outside the 24 h window without a tag: code 10, subcode 2018278, even inside a 500.
  const SendOutcome window = ClassifyMetaAnswer(
      ReplyRoute::kDirectMessage,
      Answer(500, R"({"error":{"message":"(#10) This message is sent outside of allowed window.",)"
                  R"("type":"OAuthException","code":10,"error_subcode":2018278}})"),
      kNow);
  EXPECT_EQ(window.kind, Kind::kFailed);
  EXPECT_EQ(window.error_code, "10/2018278");
}

TEST(ClassifyMetaAnswerTest, SendApiReceiptNamesTheMessage) {
  const std::string receipt =
      R"({"recipient_id":"6543210987654321","message_id":"m_AG5Hz2Uq7tuw"})";
  const SendOutcome dm = ClassifyMetaAnswer(ReplyRoute::kDirectMessage, Answer(200, receipt), kNow);
  EXPECT_EQ(dm.kind, Kind::kSent);
  EXPECT_EQ(dm.platform_id, "m_AG5Hz2Uq7tuw");
  const SendOutcome comment =
      ClassifyMetaAnswer(ReplyRoute::kPublicReply, Answer(200, receipt), kNow);
  EXPECT_EQ(comment.kind, Kind::kRetryLater);  // a comment answer must carry "id"
  EXPECT_TRUE(comment.ambiguous);
  EXPECT_EQ(comment.error_code, "unreadable_answer");
}

TEST(ClassifyMetaAnswerTest, ErrorInsideA200Fails) {
  const SendOutcome out =
      ClassifyMetaAnswer(ReplyRoute::kPublicReply, Answer(200, GraphError(100, "Invalid")), kNow);
  EXPECT_EQ(out.kind, Kind::kFailed);
  EXPECT_EQ(out.error_code, "100");
}

// ---- validation ----

TEST(MetaReplyGatewayTest, HandlesMetaPlatformsOnly) {
  const MetaReplyGateway gw(TestConfig("http://unused"));
  EXPECT_TRUE(gw.Handles(Platform::kFacebook));
  EXPECT_TRUE(gw.Handles(Platform::kMessenger));
  EXPECT_TRUE(gw.Handles(Platform::kInstagram));
  EXPECT_FALSE(gw.Handles(Platform::kX));
  EXPECT_EQ(gw.Validate(Reply(Platform::kX, ReplyRoute::kPublicReply)).reason(),
            "unsupported_route");
}

TEST(MetaReplyGatewayTest, ValidateRoutesTargetsAndAccounts) {
  const MetaReplyGateway gw(TestConfig("http://unused"));
  auto reason = [&](const OutboundReply& r) { return gw.Validate(r).reason(); };
  EXPECT_EQ(reason(Reply(Platform::kFacebook, ReplyRoute::kPublicReply)), "");
  EXPECT_EQ(reason(Reply(Platform::kFacebook, ReplyRoute::kPrivateReply)), "");
  EXPECT_EQ(reason(Reply(Platform::kMessenger, ReplyRoute::kDirectMessage)), "");
  EXPECT_EQ(reason(Reply(Platform::kInstagram, ReplyRoute::kPublicReply)), "");
  EXPECT_EQ(reason(Reply(Platform::kInstagram, ReplyRoute::kPrivateReply)), "");
  EXPECT_EQ(reason(Reply(Platform::kInstagram, ReplyRoute::kDirectMessage)), "");

  EXPECT_EQ(reason(Reply(Platform::kMessenger, ReplyRoute::kPrivateReply)), "unsupported_route");
  EXPECT_EQ(reason(Reply(Platform::kMessenger, ReplyRoute::kPublicReply)), "unsupported_route");
  EXPECT_EQ(reason(Reply(Platform::kFacebook, ReplyRoute::kDirectMessage)), "unsupported_route");

  OutboundReply r = Reply(Platform::kMessenger, ReplyRoute::kDirectMessage);
  r.message_tag = "HUMAN_AGENT";
  EXPECT_EQ(reason(r), "");
  r.message_tag = "ACCOUNT_UPDATE";
  EXPECT_EQ(reason(r), "unsupported_route");
  r = Reply(Platform::kFacebook, ReplyRoute::kPrivateReply);
  r.message_tag = "HUMAN_AGENT";
  EXPECT_EQ(reason(r), "unsupported_route");

  r = Reply(Platform::kFacebook, ReplyRoute::kPublicReply);
  r.in_reply_to = "";
  EXPECT_EQ(reason(r), "missing_target");
  r.in_reply_to = "123/messages";
  EXPECT_EQ(reason(r), "missing_target");
  r = Reply(Platform::kInstagram, ReplyRoute::kDirectMessage);
  r.recipient_id = "";
  EXPECT_EQ(reason(r), "missing_target");

  r = Reply(Platform::kInstagram, ReplyRoute::kPublicReply);
  r.account_id = kPageId;  // Instagram replies name the Instagram account, not the Page
  EXPECT_EQ(reason(r), "unknown_account");
  r = Reply(Platform::kFacebook, ReplyRoute::kPublicReply);
  r.account_id = "104395698765432";  // configured without a token
  EXPECT_EQ(reason(r), "unknown_account");

  EXPECT_EQ(reason(Reply(Platform::kMessenger, ReplyRoute::kDirectMessage, "  \n")), "empty_text");
}

TEST(MetaReplyGatewayTest, MessengerCountsCharactersInstagramCountsBytes) {
  const MetaReplyGateway gw(TestConfig("http://unused"));
  auto reason = [&](Platform p, ReplyRoute route, std::string text) {
    return gw.Validate(Reply(p, route, std::move(text))).reason();
  };
  std::string hebrew_2000;  // 2000 characters, 4000 bytes
  for (int i = 0; i < 2000; ++i) hebrew_2000 += "ש";
  EXPECT_EQ(reason(Platform::kMessenger, ReplyRoute::kDirectMessage, hebrew_2000), "");
  EXPECT_EQ(reason(Platform::kMessenger, ReplyRoute::kDirectMessage, hebrew_2000 + "!"),
            "too_long");
  EXPECT_EQ(reason(Platform::kFacebook, ReplyRoute::kPrivateReply, hebrew_2000 + "!"), "too_long");
  EXPECT_EQ(reason(Platform::kFacebook, ReplyRoute::kPublicReply, hebrew_2000 + "!"), "");

  const std::string hebrew_500(std::string_view(hebrew_2000).substr(0, 1000));  // 1000 bytes
  EXPECT_EQ(reason(Platform::kInstagram, ReplyRoute::kDirectMessage, hebrew_500), "");
  EXPECT_EQ(reason(Platform::kInstagram, ReplyRoute::kDirectMessage, hebrew_500 + "!"), "too_long");
  EXPECT_EQ(reason(Platform::kInstagram, ReplyRoute::kPrivateReply, hebrew_500 + "!"), "too_long");
  EXPECT_EQ(reason(Platform::kInstagram, ReplyRoute::kPublicReply, hebrew_500 + "!"), "");

  EXPECT_EQ(reason(Platform::kInstagram, ReplyRoute::kPublicReply, std::string(2200, 'a')), "");
  EXPECT_EQ(reason(Platform::kInstagram, ReplyRoute::kPublicReply, std::string(2201, 'a')),
            "too_long");
  EXPECT_EQ(reason(Platform::kFacebook, ReplyRoute::kPublicReply, std::string(8001, 'a')),
            "too_long");
  const Status status =
      gw.Validate(Reply(Platform::kMessenger, ReplyRoute::kDirectMessage, hebrew_2000 + "!"));
  EXPECT_EQ(status.message(),
            "Messenger messages are limited to 2000 characters; this one has 2001");
}

// ---- requests, against the loopback server ----

struct RouteCase {
  Platform platform;
  ReplyRoute route;
  std::string tag;
  std::string target;  // expected request target
  std::string body;    // expected request body
  std::string answer;  // what the server answers
  std::string platform_id;
};

TEST(MetaReplyGatewayTest, EveryRouteSendsItsRequest) {
  const std::string text = kHebrew;
  const std::vector<RouteCase> cases = {
      {Platform::kFacebook, ReplyRoute::kPublicReply, "",
       "/v21.0/104395612345678_987654321/comments", R"({"message":")" + text + R"("})",
       R"({"id":"104395612345678_987654321_555"})", "104395612345678_987654321_555"},
      {Platform::kInstagram, ReplyRoute::kPublicReply, "",
       "/v21.0/104395612345678_987654321/replies", R"({"message":")" + text + R"("})",
       R"({"id":"17873440459141021"})", "17873440459141021"},
      {Platform::kFacebook, ReplyRoute::kPrivateReply, "", "/v21.0/104395612345678/messages",
       R"({"recipient":{"comment_id":"104395612345678_987654321"},"message":{"text":")" + text +
           R"("}})",
       R"({"recipient_id":"6543210987654321","message_id":"m_1"})", "m_1"},
      {Platform::kInstagram, ReplyRoute::kPrivateReply, "", "/v21.0/104395612345678/messages",
       R"({"recipient":{"comment_id":"104395612345678_987654321"},"message":{"text":")" + text +
           R"("}})",
       R"({"recipient_id":"6543210987654321","message_id":"aWdfZAG1"})", "aWdfZAG1"},
      {Platform::kMessenger, ReplyRoute::kDirectMessage, "", "/v21.0/104395612345678/messages",
       R"({"recipient":{"id":"6543210987654321"},"messaging_type":"RESPONSE","message":{"text":")" +
           text + R"("}})",
       R"({"recipient_id":"6543210987654321","message_id":"m_2"})", "m_2"},
      {Platform::kMessenger, ReplyRoute::kDirectMessage, "HUMAN_AGENT",
       "/v21.0/104395612345678/messages",
       R"({"recipient":{"id":"6543210987654321"},"messaging_type":"MESSAGE_TAG",)"
       R"("tag":"HUMAN_AGENT","message":{"text":")" +
           text + R"("}})",
       R"({"recipient_id":"6543210987654321","message_id":"m_3"})", "m_3"},
      {Platform::kInstagram, ReplyRoute::kDirectMessage, "", "/v21.0/104395612345678/messages",
       R"({"recipient":{"id":"6543210987654321"},"messaging_type":"RESPONSE","message":{"text":")" +
           text + R"("}})",
       R"({"recipient_id":"6543210987654321","message_id":"aWdfZAG2"})", "aWdfZAG2"},
  };
  for (const RouteCase& c : cases) {
    LoopbackHttpServer server;
    server.Enqueue({200, {{"Content-Type", "application/json; charset=UTF-8"}}, c.answer, false});
    const MetaReplyGateway gw(TestConfig(server.base_url()));
    OutboundReply reply = Reply(c.platform, c.route);
    reply.message_tag = c.tag;

    const SendOutcome out = gw.Send(reply, kNow);

    const std::string label = std::string(domain::PlatformName(c.platform)) + " " +
                              std::string(ports::ReplyRouteName(c.route)) + " " + c.tag;
    EXPECT_EQ(out.kind, Kind::kSent) << label << ": " << out.error_text;
    EXPECT_EQ(out.platform_id, c.platform_id) << label;
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u) << label;
    EXPECT_EQ(requests[0].method, "POST") << label;
    EXPECT_EQ(requests[0].target, c.target) << label;  // no token in the URL
    EXPECT_EQ(requests[0].Header("Authorization"), "Bearer page-token-1") << label;
    EXPECT_EQ(requests[0].Header("Content-Type"), "application/json") << label;
    EXPECT_EQ(requests[0].body, c.body) << label;
  }
}

TEST(MetaReplyGatewayTest, ThrottledAnswerThroughTheWire) {
  LoopbackHttpServer server;
  server.Enqueue({400,
                  {{"X-Business-Use-Case-Usage",
                    R"({"104395612345678":[{"type":"messenger","call_count":100,)"
                    R"("total_cputime":1,"total_time":1,"estimated_time_to_regain_access":7}]})"}},
                  GraphError(613, "(#613) Calls to this api have exceeded the rate limit."),
                  false});
  const MetaReplyGateway gw(TestConfig(server.base_url()));

  const SendOutcome out = gw.Send(Reply(Platform::kMessenger, ReplyRoute::kDirectMessage), kNow);

  EXPECT_EQ(out.kind, Kind::kRetryLater);
  EXPECT_TRUE(out.pause_account);
  EXPECT_EQ(out.retry_at, kNow + 7 * 60 * 1000);
  EXPECT_EQ(out.http_status, 400);
  EXPECT_EQ(out.error_code, "613");
}

TEST(MetaReplyGatewayTest, TimeoutIsAmbiguousRefusalIsNot) {
  LoopbackHttpServer server;
  CannedAnswer never;
  never.hang = true;
  server.Enqueue(never);
  const MetaReplyGateway slow(TestConfig(server.base_url()), std::chrono::milliseconds(300));
  const SendOutcome timed_out =
      slow.Send(Reply(Platform::kFacebook, ReplyRoute::kPublicReply), kNow);
  EXPECT_EQ(timed_out.kind, Kind::kRetryLater);
  EXPECT_TRUE(timed_out.ambiguous);

  fr::testing::RefusingPort closed;
  const MetaReplyGateway nowhere(TestConfig(closed.base_url()));
  const SendOutcome refused =
      nowhere.Send(Reply(Platform::kFacebook, ReplyRoute::kPublicReply), kNow);
  EXPECT_EQ(refused.kind, Kind::kRetryLater);
  EXPECT_FALSE(refused.ambiguous);
}

TEST(MetaReplyGatewayTest, InvalidReplyIsNotSent) {
  LoopbackHttpServer server;
  const MetaReplyGateway gw(TestConfig(server.base_url()));

  const SendOutcome out = gw.Send(Reply(Platform::kMessenger, ReplyRoute::kPrivateReply), kNow);

  EXPECT_EQ(out.kind, Kind::kFailed);
  EXPECT_EQ(out.error_code, "unsupported_route");
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace fr::channels::meta
