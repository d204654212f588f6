#include "channels/x/x_webhook.h"

#include <utility>

#include "base/crypto.h"
#include "channels/x/x_account_activity.h"

namespace fr::channels::x {
namespace {

Status NotConfigured() {
  return Status(Errc::kInternal, "channel_not_configured", "the X consumer secret is not set");
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string SignX(std::string_view consumer_secret, std::string_view message) {
  return "sha256=" + crypto::Base64(crypto::HmacSha256(consumer_secret, message));
}

XWebhookChannel::XWebhookChannel(XConfig config) : config_(std::move(config)) {}

Result<ports::WebhookReply> XWebhookChannel::Handshake(const ports::QueryParams& query) const {
  const std::string_view token = ports::QueryParam(query, "crc_token");
  if (token.empty()) {
    return Status(Errc::kInvalidArgument, "missing_crc_token", "the CRC request has no crc_token");
  }
  if (config_.consumer_secret.empty()) return NotConfigured();
  // The token is base64, so it needs no JSON escaping.
  return ports::WebhookReply{200, "application/json",
                             R"({"response_token":")" + SignX(config_.consumer_secret, token) + R"("})"};
}

Result<domain::ParsedDelivery> XWebhookChannel::Receive(const ports::HttpHeaders& headers,
                                                        std::string_view raw_body) const {
  const std::string_view signature = TrimSpaces(headers.Get(kSignatureHeader));
  if (signature.empty()) {
    return Status(Errc::kUnauthenticated, "missing_signature",
                  "the request has no x-twitter-webhooks-signature header");
  }
  if (config_.consumer_secret.empty()) return NotConfigured();
  // Over the raw bytes, before any JSON parsing: a re-serialised body no longer matches.
  const std::string expected = SignX(config_.consumer_secret, raw_body);
  if (!crypto::ConstantTimeEquals(signature, expected)) {
    return Status(Errc::kUnauthenticated, "bad_signature",
                  "x-twitter-webhooks-signature does not match the body");
  }
  return ParseAccountActivity(raw_body, config_);
}

Result<domain::ParsedDelivery> XWebhookChannel::ParseStored(std::string_view raw_body) const {
  return ParseAccountActivity(raw_body, config_);
}

}  // namespace fr::channels::x
