#include "channels/x/x_webhook.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "base/crypto.h"
#include "channels/x/x_test_util.h"
#include "tests/support/event_json.h"

namespace fr::channels::x {
namespace {

using testing::TestConfig;

XConfig VectorConfig() {
  XConfig c;
  c.consumer_secret = "DDD";
  c.accounts = {{"123", "vector"}};
  return c;
}

ports::HttpHeaders Signed(std::string_view value) {
  ports::HttpHeaders h;
  h.Add("Content-Type", "application/json");
  h.Add("X-Twitter-Webhooks-Signature", std::string(value));
  return h;
}

TEST(XWebhookTest, NameIsX) { EXPECT_EQ(XWebhookChannel(TestConfig()).name(), "x"); }

TEST(XWebhookTest, CrcAnswersWithBase64HmacOfTheTokenUnderTheConsumerSecret) {
  // PROTOCOLS.md §1.2 vector.
  XWebhookChannel channel(VectorConfig());
  auto reply = channel.Handshake({{"crc_token", "some_random"}, {"nonce", "n1"}});
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->content_type, "application/json");
  EXPECT_EQ(reply->body, R"({"response_token":"sha256=VE19eUk6krbdSqWPdvH71xtFhApBAU81uPW3UT65vOs="})");
  // The body is JSON with exactly that one member.
  auto parsed = boost::json::parse(reply->body);
  EXPECT_EQ(parsed.at("response_token").as_string(), "sha256=VE19eUk6krbdSqWPdvH71xtFhApBAU81uPW3UT65vOs=");
}

TEST(XWebhookTest, CrcWithoutTokenIsInvalidArgument) {
  XWebhookChannel channel(VectorConfig());
  for (const ports::QueryParams& q : {ports::QueryParams{}, ports::QueryParams{{"crc_token", ""}},
                                      ports::QueryParams{{"hub.challenge", "x"}}}) {
    auto reply = channel.Handshake(q);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.status().code(), Errc::kInvalidArgument);
    EXPECT_EQ(reply.status().reason(), "missing_crc_token");
  }
}

TEST(XWebhookTest, EmptySecretRefusesRatherThanSigningWithAnEmptyKey) {
  XConfig c = VectorConfig();
  c.consumer_secret.clear();
  XWebhookChannel channel(c);
  EXPECT_EQ(channel.Handshake({{"crc_token", "t"}}).status().reason(), "channel_not_configured");
  const std::string body = R"({"for_user_id":"123"})";
  auto r = channel.Receive(Signed(SignX("", body)), body);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "channel_not_configured");
}

TEST(XWebhookTest, DeliverySignatureVectorVerifies) {
  // PROTOCOLS.md §1.3 vector; for_user_id is a JSON number here.
  const std::string body = R"({"for_user_id":123,"key":"value"})";
  EXPECT_EQ(SignX("DDD", body), "sha256=JjEmBe1lVKT8XldrYUKibF+D5ehp8f0jDk3PXZSHEWI=");
  XWebhookChannel channel(VectorConfig());
  auto r = channel.Receive(Signed("sha256=JjEmBe1lVKT8XldrYUKibF+D5ehp8f0jDk3PXZSHEWI="), body);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->events.empty());
  EXPECT_TRUE(r->skipped.empty());  // "key" is a scalar, not an event
}

TEST(XWebhookTest, MissingSignatureHeaderIsMissingSignature) {
  XWebhookChannel channel(VectorConfig());
  ports::HttpHeaders h;
  h.Add("Content-Type", "application/json");
  auto r = channel.Receive(h, R"({"for_user_id":123,"key":"value"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Errc::kUnauthenticated);
  EXPECT_EQ(r.status().reason(), "missing_signature");
}

TEST(XWebhookTest, WrongSignaturesAreBadSignature) {
  XWebhookChannel channel(VectorConfig());
  const std::string body = R"({"for_user_id":123,"key":"value"})";
  const std::string good = SignX("DDD", body);
  // A one-byte change of the body.
  std::string changed = body;
  changed[changed.size() - 3] = 'V';
  // The right HMAC in the wrong encoding (hex, as Meta uses) or without the prefix; the
  // bearer-token-as-key mistake; a truncated value.
  const std::string hex = "sha256=" + crypto::Hex(crypto::HmacSha256("DDD", body));
  for (const auto& [sig, payload] : std::vector<std::pair<std::string, std::string>>{
           {good, changed},
           {hex, body},
           {good.substr(7), body},
           {SignX("bearer-token", body), body},
           {good.substr(0, good.size() - 1), body}}) {
    auto r = channel.Receive(Signed(sig), payload);
    ASSERT_FALSE(r.ok()) << sig;
    EXPECT_EQ(r.status().code(), Errc::kUnauthenticated);
    EXPECT_EQ(r.status().reason(), "bad_signature");
  }
}

TEST(XWebhookTest, SignatureIsCheckedBeforeTheBodyIsParsed) {
  XWebhookChannel channel(VectorConfig());
  auto r = channel.Receive(Signed("sha256=AAAA"), "{not json");
  EXPECT_EQ(r.status().reason(), "bad_signature");
  // With a valid signature the same bytes reach the parser.
  r = channel.Receive(Signed(SignX("DDD", "{not json")), "{not json");
  EXPECT_EQ(r.status().reason(), "malformed_json");
}

TEST(XWebhookTest, SignatureCoversRawBytesNotTheReserialisedJson) {
  // reply_to_brand.json escapes <, > and & as \u003c, \u003e, \u0026, as real captures do.
  const std::string raw = fr::testing::ReadFileOrDie(testing::GoldenDir() + "/reply_to_brand.json");
  ASSERT_NE(raw.find("\\u003c"), std::string::npos);
  XWebhookChannel channel(TestConfig());
  auto r = channel.Receive(Signed(SignX(testing::kTestSecret, raw)), raw);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->events.size(), 1u);
  EXPECT_NE(r->events[0].message.text.find("<B12> & no one"), std::string::npos);

  // The same document re-serialised (same values, different bytes) no longer verifies.
  const std::string reserialised = boost::json::serialize(boost::json::parse(raw));
  ASSERT_NE(reserialised, raw);
  r = channel.Receive(Signed(SignX(testing::kTestSecret, raw)), reserialised);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "bad_signature");
}

TEST(XWebhookTest, ParseErrorsPassThroughAfterAValidSignature) {
  XWebhookChannel channel(TestConfig());
  auto receive = [&](const std::string& body) {
    return channel.Receive(Signed(SignX(testing::kTestSecret, body)), body);
  };
  EXPECT_EQ(receive("{\"for_user_id\":").status().reason(), "malformed_json");
  EXPECT_EQ(receive("{\"for_user_id\":\"3805104374\",\"x\":\"\xC3\x28\"}").status().reason(), "invalid_utf8");
  EXPECT_EQ(receive(R"({"tweet_create_events":[]})").status().reason(), "missing_field");
  auto unknown = receive(R"({"for_user_id":"999","tweet_create_events":[]})");
  EXPECT_EQ(unknown.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(unknown.status().reason(), "unknown_account");
}

}  // namespace
}  // namespace fr::channels::x
