// The [alerts] section of the config file (docs/alerts.md): where spike alerts go besides the
// app. Both destinations are optional:
//
//   [alerts]
//   public_url = "https://care.example.com"   # links in alerts; empty: none
//   language = "he"                           # "he" | "en"
//   # A volume spike on one of these series starts crisis mode (docs/crisis.md) when none
//   # runs, about the rule's messages (a rule series) or the spike's top words (an account).
//   start_crisis_on = ["rule:cantina-boycott"]
//   crisis_holding_statement = "…"            # the statement such a crisis starts with
//   [alerts.webhook]
//   url = "https://hooks.slack.com/services/…"
//   secret = "…"          # or FEEDROOM_ALERTS_WEBHOOK_SECRET; signs every body
//   [alerts.email]
//   smtp_url = "smtp://mail.example.com:587"
//   username = "alerts"   # optional
//   password = "…"        # or FEEDROOM_ALERTS_SMTP_PASSWORD
//   require_tls = true
//   from = "alerts@example.com"
//   to = ["care-leads@example.com"]
//   [alerts.product]      # where "send to product team" posts a topic (docs/topics.md)
//   url = "https://product.example.com/hooks/feedback"
//   secret = "…"          # or FEEDROOM_PRODUCT_WEBHOOK_SECRET
//   jira_project = "CARE"  # the project key of the Jira issues offered ("FEED")
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "channels/notify/email_alert_sink.h"
#include "channels/notify/webhook_alert_sink.h"

namespace fr::server {

inline constexpr char kAlertsWebhookSecretEnv[] = "FEEDROOM_ALERTS_WEBHOOK_SECRET";
inline constexpr char kAlertsSmtpPasswordEnv[] = "FEEDROOM_ALERTS_SMTP_PASSWORD";
inline constexpr char kProductWebhookSecretEnv[] = "FEEDROOM_PRODUCT_WEBHOOK_SECRET";

struct AlertsConfig {
  std::string public_url;
  std::vector<std::string> start_crisis_on;  // series names (domain/metrics/volume_series.h)
  std::string crisis_holding_statement;
  std::optional<channels::notify::WebhookAlertOptions> webhook;
  std::optional<channels::notify::EmailAlertOptions> email;
  std::optional<channels::notify::WebhookTarget> product_webhook;
  std::string jira_project = "FEED";
  channels::notify::AlertLanguage language = channels::notify::AlertLanguage::kHebrew;
};

}  // namespace fr::server
