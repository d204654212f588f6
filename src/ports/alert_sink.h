// AlertSink: a place outside the app that spike alerts are sent to — a signed webhook
// (Slack-compatible), e-mail — (channels/notify; docs/alerts.md). The engine's AlertDispatcher
// explains each alert and hands it to every configured sink, retrying failures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/metrics/spike_explanation.h"
#include "ports/metrics_store.h"

namespace fr::ports {

// A spike with its explanation, as the app, the webhook and the e-mail show it.
struct ExplainedSpike {
  SpikeAlert alert;
  domain::metrics::SpikeExplanation explanation;
  // The explanation's sample messages, in its order.
  std::vector<SeriesMessage> samples;
};

// What a sink is given: the alert, whether it started or ended, and where the app shows it.
struct AlertNotice {
  ExplainedSpike spike;
  bool started = true;     // false: the spike ended (alert.ended_at is set)
  std::string series_label;  // "X @brand", "rule boycott-he": what the series is, for people
  std::string link;          // the alert in the app (the configured public URL), or empty
};

class AlertSink {
 public:
  virtual ~AlertSink() = default;
  // "webhook", "email": for logs and metrics labels.
  virtual std::string_view name() const = 0;
  // Whether this sink is told of ended spikes too (a chat channel is; a mailbox is not).
  virtual bool wants_ended() const = 0;
  // Delivers `notice` once. Errors: kUnavailable for a failure worth retrying (no answer, a
  // 5xx or 429, a refused SMTP connection), anything else for one that is not.
  virtual Status Deliver(const AlertNotice& notice) = 0;
};

}  // namespace fr::ports
