// WebhookAlertSink: posts spike alerts to an HTTPS endpoint as a Slack-compatible message
// (a Slack or Mattermost incoming webhook shows it as is; docs/alerts.md), signed as
// SignedWebhook signs (channels/notify/signed_webhook.h). The body is {"text": title, "blocks": [section with the whole alert in mrkdwn],
// "feedroom": {"event": "spike.started"|"spike.ended", "alert_id", "series", "kind",
// "started_at", "ended_at", "observed", "expected", "link"}}. Errors: SignedWebhook's (the
// dispatcher retries kUnavailable). Thread-compatible.
#pragma once

#include <string>

#include "base/clock.h"
#include "channels/notify/alert_text.h"
#include "channels/notify/signed_webhook.h"
#include "ports/alert_sink.h"

namespace fr::channels::notify {

struct WebhookAlertOptions {
  WebhookTarget target;
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
  SignedWebhook webhook_;
  AlertLanguage language_;
};

// The body WebhookAlertSink posts for `notice` (for tests and receivers' examples).
std::string WebhookAlertBody(const ports::AlertNotice& notice, AlertLanguage language);

}  // namespace fr::channels::notify
