// WebhookAlertSink: posts spike alerts to an HTTPS endpoint as a Slack-compatible message
// (a Slack or Mattermost incoming webhook shows it as is; docs/alerts.md), signed so the
// receiver can check it came from this Feedroom:
//
//   X-Feedroom-Timestamp: <Unix seconds>
//   X-Feedroom-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//
// The body is {"text": title, "blocks": [section with the whole alert in mrkdwn],
// "feedroom": {"event": "spike.started"|"spike.ended", "alert_id", "series", "kind",
// "started_at", "ended_at", "observed", "expected", "link"}}. A 2xx answer delivers it; 429,
// 5xx and transport failures are kUnavailable (retried by the dispatcher); other answers are
// kInvalidArgument "webhook_refused". Thread-compatible.
#pragma once

#include <string>

#include "base/clock.h"
#include "channels/notify/alert_text.h"
#include "ports/alert_sink.h"

namespace fr::channels::notify {

struct WebhookAlertOptions {
  std::string url;     // http(s)://…
  std::string secret;  // signs every body; empty: unsigned (the receiver cannot check it)
  AlertLanguage language = AlertLanguage::kHebrew;
};

class WebhookAlertSink final : public ports::AlertSink {
 public:
  // `clock` stamps the signature and must outlive the sink.
  WebhookAlertSink(WebhookAlertOptions options, const Clock& clock);

  std::string_view name() const override { return "webhook"; }
  bool wants_ended() const override { return true; }
  Status Deliver(const ports::AlertNotice& notice) override;

 private:
  WebhookAlertOptions options_;
  const Clock& clock_;
};

// The body WebhookAlertSink posts for `notice` (for tests and receivers' examples).
std::string WebhookAlertBody(const ports::AlertNotice& notice, AlertLanguage language);

// The X-Feedroom-Signature value for `body` sent at `unix_seconds`.
std::string WebhookSignature(std::string_view secret, std::int64_t unix_seconds, std::string_view body);

}  // namespace fr::channels::notify
