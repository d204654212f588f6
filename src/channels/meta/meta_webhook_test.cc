#include "channels/meta/meta_webhook.h"

#include <gtest/gtest.h>

#include <cctype>

#include "base/crypto.h"
#include "channels/meta/meta_test_config.h"

namespace fr::channels::meta {
namespace {

std::string Sign(std::string_view secret, std::string_view body) {
  return "sha256=" + crypto::Hex(crypto::HmacSha256(secret, body));
}

ports::HttpHeaders SignedHeaders(std::string_view body) {
  ports::HttpHeaders h;
  h.Add("Content-Type", "application/json");
  h.Add("x-hub-signature-256", Sign(TestMetaConfig().app_secret, body));
  return h;
}

// As Meta sends it: non-ASCII and '/' escaped, and the signature over exactly these bytes.
constexpr std::string_view kEscapedBody =
    R"({"object":"page","entry":[{"id":"1234567890321","time":1700000000,"changes":[{"field":"feed","value":{"item":"status","verb":"add","post_id":"1234567890321_42","from":{"id":"555","name":"J\u00fcrgen"},"message":"Gr\u00fc\u00dfe aus M\u00fcnchen \/ \u00e4","created_time":1700000000}}]}]})";
// The same JSON value re-serialised by a typical library (escapes decoded).
constexpr std::string_view kReserialisedBody =
    R"({"object":"page","entry":[{"id":"1234567890321","time":1700000000,"changes":[{"field":"feed","value":{"item":"status","verb":"add","post_id":"1234567890321_42","from":{"id":"555","name":"Jürgen"},"message":"Grüße aus München / ä","created_time":1700000000}}]}]})";

class MetaWebhookTest : public ::testing::Test {
 protected:
  MetaWebhookChannel channel_{TestMetaConfig()};
};

TEST_F(MetaWebhookTest, NameIsMeta) { EXPECT_EQ(channel_.name(), "meta"); }

TEST_F(MetaWebhookTest, HandshakeEchoesChallengeAsPlainText) {
  auto reply = channel_.Handshake({{"hub.mode", "subscribe"},
                                   {"hub.challenge", "1158201444"},
                                   {"hub.verify_token", "test-verify-token"}});
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->content_type, "text/plain");
  EXPECT_EQ(reply->body, "1158201444");
}

TEST_F(MetaWebhookTest, HandshakeEchoesANonNumericChallengeVerbatim) {
  auto reply = channel_.Handshake({{"hub.mode", "subscribe"},
                                   {"hub.challenge", "abc-XYZ_123"},
                                   {"hub.verify_token", "test-verify-token"}});
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->body, "abc-XYZ_123");
}

TEST_F(MetaWebhookTest, HandshakeWithWrongTokenIsForbidden) {
  auto reply = channel_.Handshake({{"hub.mode", "subscribe"},
                                   {"hub.challenge", "1158201444"},
                                   {"hub.verify_token", "test-verify-tokeN"}});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.status().code(), Errc::kForbidden);
  EXPECT_EQ(reply.status().reason(), "bad_verify_token");
}

TEST_F(MetaWebhookTest, HandshakeWithMissingParametersIsInvalid) {
  auto no_challenge =
      channel_.Handshake({{"hub.mode", "subscribe"}, {"hub.verify_token", "test-verify-token"}});
  EXPECT_EQ(no_challenge.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(no_challenge.status().reason(), "missing_hub_challenge");
  auto no_token = channel_.Handshake({{"hub.mode", "subscribe"}, {"hub.challenge", "1"}});
  EXPECT_EQ(no_token.status().reason(), "missing_hub_verify_token");
  auto no_mode =
      channel_.Handshake({{"hub.challenge", "1"}, {"hub.verify_token", "test-verify-token"}});
  EXPECT_EQ(no_mode.status().reason(), "missing_hub_mode");
  auto bad_mode = channel_.Handshake(
      {{"hub.mode", "unsubscribe"}, {"hub.challenge", "1"}, {"hub.verify_token", "test-verify-token"}});
  EXPECT_EQ(bad_mode.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(bad_mode.status().reason(), "bad_hub_mode");
}

TEST_F(MetaWebhookTest, HandshakeNeverSucceedsWithoutAConfiguredToken) {
  MetaConfig config = TestMetaConfig();
  config.verify_token.clear();
  MetaWebhookChannel channel(config);
  auto reply = channel.Handshake(
      {{"hub.mode", "subscribe"}, {"hub.challenge", "1"}, {"hub.verify_token", "x"}});
  EXPECT_EQ(reply.status().code(), Errc::kForbidden);
}

TEST(MetaSignatureTest, HmacMatchesAnIndependentVector) {
  // RFC 4231-style public vector (Wikipedia, HMAC): key "key", the quick brown fox.
  EXPECT_TRUE(VerifyMetaSignature(
                  "key",
                  "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                  "The quick brown fox jumps over the lazy dog")
                  .ok());
}

TEST_F(MetaWebhookTest, SignatureCoversTheRawEscapedBytes) {
  auto parsed = channel_.Receive(SignedHeaders(kEscapedBody), kEscapedBody);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->events.size(), 1u);
  EXPECT_EQ(parsed->events[0].message.text, "Grüße aus München / ä");
  EXPECT_EQ(parsed->events[0].message.author.name, "Jürgen");
}

TEST_F(MetaWebhookTest, AReserialisedBodyDoesNotVerify) {
  // The same JSON value, but not the same bytes: the signature must not match.
  auto parsed = channel_.Receive(SignedHeaders(kEscapedBody), kReserialisedBody);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), Errc::kUnauthenticated);
  EXPECT_EQ(parsed.status().reason(), "bad_signature");
}

TEST_F(MetaWebhookTest, OneChangedByteIsABadSignature) {
  std::string tampered(kEscapedBody);
  tampered[tampered.find("M\\u00fcnchen")] = 'm';
  auto parsed = channel_.Receive(SignedHeaders(kEscapedBody), tampered);
  EXPECT_EQ(parsed.status().reason(), "bad_signature");
}

TEST_F(MetaWebhookTest, MissingSignatureIsUnauthenticated) {
  ports::HttpHeaders headers;
  headers.Add("X-Hub-Signature", "sha1=0000000000000000000000000000000000000000");
  auto parsed = channel_.Receive(headers, kEscapedBody);
  EXPECT_EQ(parsed.status().code(), Errc::kUnauthenticated);
  EXPECT_EQ(parsed.status().reason(), "missing_signature");
}

TEST_F(MetaWebhookTest, SignatureIsCheckedBeforeTheBodyIsParsed) {
  ports::HttpHeaders headers;
  headers.Add("X-Hub-Signature-256", Sign("another-secret", "{not json"));
  EXPECT_EQ(channel_.Receive(headers, "{not json").status().reason(), "bad_signature");
  // Correctly signed garbage gets past the signature and fails as JSON.
  EXPECT_EQ(channel_.Receive(SignedHeaders("{not json"), "{not json").status().reason(),
            "malformed_json");
}

TEST_F(MetaWebhookTest, SignaturePrefixAndHexCaseRules) {
  std::string hex = crypto::Hex(crypto::HmacSha256(TestMetaConfig().app_secret, kEscapedBody));
  ports::HttpHeaders upper;
  std::string upper_hex = hex;
  for (char& c : upper_hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  upper.Add("X-Hub-Signature-256", "sha256=" + upper_hex);
  EXPECT_TRUE(channel_.Receive(upper, kEscapedBody).ok());

  ports::HttpHeaders no_prefix;
  no_prefix.Add("X-Hub-Signature-256", hex);
  EXPECT_EQ(channel_.Receive(no_prefix, kEscapedBody).status().reason(), "bad_signature");
  ports::HttpHeaders truncated;
  truncated.Add("X-Hub-Signature-256", "sha256=" + hex.substr(0, 63));
  EXPECT_EQ(channel_.Receive(truncated, kEscapedBody).status().reason(), "bad_signature");
}

TEST(MetaSignatureTest, AnEmptyAppSecretNeverVerifies) {
  Status s = VerifyMetaSignature("", Sign("", "{}"), "{}");
  EXPECT_EQ(s.code(), Errc::kUnauthenticated);
  EXPECT_EQ(s.reason(), "app_secret_not_configured");
}

}  // namespace
}  // namespace fr::channels::meta
