// XWebhookChannel: the X Account Activity webhook (/webhooks/x). Answers the CRC challenge,
// verifies `x-twitter-webhooks-signature` over the exact received bytes, then hands the body
// to ParseAccountActivity. Immutable after construction; safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "channels/x/x_config.h"
#include "domain/inbound_event.h"
#include "ports/webhook_channel.h"

namespace fr::channels::x {

// The header X signs deliveries with (HttpHeaders lookups are case-insensitive).
inline constexpr std::string_view kSignatureHeader = "x-twitter-webhooks-signature";

// Returns "sha256=" + base64(HMAC-SHA256(key = consumer_secret, msg = message)): the form of
// both the CRC response token and the delivery signature (PROTOCOLS.md §1.2-1.3).
std::string SignX(std::string_view consumer_secret, std::string_view message);

class XWebhookChannel final : public ports::WebhookChannel {
 public:
  explicit XWebhookChannel(XConfig config);

  // ports::WebhookChannel
  // "x".
  std::string_view name() const override { return "x"; }
  // Answers GET ?crc_token=T with 200 {"response_token":"sha256=<b64 HMAC(secret, T)>"}.
  // Errors: kInvalidArgument "missing_crc_token"; kInternal "channel_not_configured" when the
  // consumer secret is empty (an empty HMAC key would let anyone answer or forge).
  Result<ports::WebhookReply> Handshake(const ports::QueryParams& query) const override;
  // Checks the signature in constant time before any parsing, then parses the delivery.
  // Errors: kUnauthenticated "missing_signature" / "bad_signature"; kInternal
  // "channel_not_configured"; then everything ParseAccountActivity returns ("malformed_json",
  // "invalid_utf8", "missing_field", "unknown_account").
  Result<domain::ParsedDelivery> Receive(const ports::HttpHeaders& headers,
                                         std::string_view raw_body) const override;
  // ParseAccountActivity(raw_body) for a body verified before it was stored.
  Result<domain::ParsedDelivery> ParseStored(std::string_view raw_body) const override;

  const XConfig& config() const { return config_; }

 private:
  const XConfig config_;
};

}  // namespace fr::channels::x
