// MetaWebhookChannel: the /webhooks/meta endpoint for Facebook Pages, Messenger and Instagram.
// Answers Meta's GET subscription handshake and turns signed POST deliveries into domain
// events (parsing is ParseMetaDelivery in meta_parse.h). Immutable after construction; safe
// to call from any thread.
#pragma once

#include <string_view>

#include "base/status.h"
#include "channels/meta/meta_config.h"
#include "ports/webhook_channel.h"

namespace fr::channels::meta {

// The header Meta signs deliveries with: "sha256=" + lower-case hex HMAC-SHA256(App Secret,
// raw body). The older X-Hub-Signature (SHA-1) is not accepted on its own.
inline constexpr std::string_view kSignatureHeader = "X-Hub-Signature-256";

// Checks `signature_header` (the X-Hub-Signature-256 value) against `raw_body`, the exact
// bytes received, in constant time. Upper-case hex digits are accepted.
// Errors: kUnauthenticated "missing_signature" (empty header), "bad_signature" (wrong prefix
// or digest), "app_secret_not_configured" (empty `app_secret`: never verify with an empty key).
Status VerifyMetaSignature(std::string_view app_secret, std::string_view signature_header,
                           std::string_view raw_body);

class MetaWebhookChannel final : public ports::WebhookChannel {
 public:
  explicit MetaWebhookChannel(MetaConfig config);

  // ports::WebhookChannel
  // Returns "meta".
  std::string_view name() const override;
  // GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…: on success a 200 text/plain
  // reply whose body is hub.challenge verbatim. Errors: kInvalidArgument "missing_hub_mode",
  // "missing_hub_verify_token", "missing_hub_challenge", "bad_hub_mode" (not "subscribe");
  // kForbidden "bad_verify_token", "verify_token_not_configured".
  Result<ports::WebhookReply> Handshake(const ports::QueryParams& query) const override;
  // Verifies X-Hub-Signature-256 over `raw_body` (VerifyMetaSignature) before any parsing,
  // then returns ParseMetaDelivery(raw_body). Errors: those of both.
  Result<domain::ParsedDelivery> Receive(const ports::HttpHeaders& headers,
                                         std::string_view raw_body) const override;
  // ParseMetaDelivery(raw_body) for a body verified before it was stored.
  Result<domain::ParsedDelivery> ParseStored(std::string_view raw_body) const override;

 private:
  const MetaConfig config_;
};

}  // namespace fr::channels::meta
