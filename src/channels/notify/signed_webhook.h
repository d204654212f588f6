// SignedWebhook: posts JSON bodies to one HTTP(S) address, signed with a shared secret so the
// receiver can check they came from this Feedroom and are fresh (docs/alerts.md):
//
//   X-Feedroom-Event:     the event ("spike.started", "topic.sent")
//   X-Feedroom-Timestamp: <Unix seconds>
//   X-Feedroom-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//
// Without a secret the body goes unsigned. A 2xx answer delivers it; 429, 5xx and transport
// failures are kUnavailable; other answers kInvalidArgument "webhook_refused". Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "ports/outbound_webhook.h"

namespace fr::channels::notify {

struct WebhookTarget {
  std::string url;     // http(s)://…
  std::string secret;  // empty: unsigned
  bool operator==(const WebhookTarget&) const = default;
};

class SignedWebhook final : public ports::OutboundWebhook {
 public:
  // `clock` stamps the signatures and must outlive this.
  SignedWebhook(WebhookTarget target, const Clock& clock);

  Status Post(std::string_view event, const std::string& json_body) override;

 private:
  WebhookTarget target_;
  const Clock& clock_;
};

// The X-Feedroom-Signature value for `body` sent at `unix_seconds`.
std::string WebhookSignature(std::string_view secret, std::int64_t unix_seconds, std::string_view body);

}  // namespace fr::channels::notify
