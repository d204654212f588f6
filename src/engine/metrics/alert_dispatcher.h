// AlertDispatcher: tells people about spikes (docs/alerts.md). Each spike the watcher starts
// or ends is explained (SpikeExplainer), published on the live stream for supervisors, and
// handed to every configured sink (a signed webhook, e-mail; ports/alert_sink.h). A failed
// delivery that is worth retrying (kUnavailable) is tried again with doubling pauses, up to
// `max_attempts` in all; others are given up at once. Each waiting delivery is also kept in
// the store's outbox (ports::PendingAlertDelivery) until it is made or given up, and Resume
// takes the outbox back after a restart: a notice is delivered at least once (twice only if
// the server stops between a sink's answer and the outbox write).
// Thread-compatible: one thread (the spike pacer) calls Resume, Notify and DeliverDue.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/metrics.h"
#include "engine/feed/event_hub.h"
#include "engine/metrics/spike_explainer.h"
#include "ports/alert_sink.h"
#include "ports/store.h"

namespace fr::engine {

struct AlertDispatcherOptions {
  int max_attempts = 6;
  std::chrono::milliseconds first_retry{30'000};  // then doubling
  // The app's public address ("https://care.example.com"); a notice links to the alert there.
  std::string public_url;
};

// "X account 123", "rule boycott-he": what a series is, in words (the server knows names).
using SeriesLabeler = std::function<std::string(const std::string& series)>;

class AlertDispatcher {
 public:
  // Everything referenced must outlive the dispatcher.
  AlertDispatcher(ports::Store& store, const SpikeExplainer& explainer, EventHub& hub,
                  const Clock& clock, metrics::Registry& metrics,
                  std::vector<std::unique_ptr<ports::AlertSink>> sinks, SeriesLabeler label,
                  AlertDispatcherOptions options = {});

  // Queues again the deliveries the store's outbox holds (a previous run's), with their
  // attempts and due times, explained afresh. Those for a sink no longer configured or a spike
  // no longer stored are dropped from the outbox (logged). Returns how many were queued;
  // errors are the store's. Call once, before the first Notify.
  Result<std::size_t> Resume();

  // Explains each of `changed` (SpikeWatcher::Tick's result: a spike without ended_at
  // started, one with it ended), publishes it live and queues it for the sinks that want it.
  // A spike that cannot be explained (a store error) is published and sent unexplained.
  void Notify(const std::vector<ports::SpikeAlert>& changed);

  // Makes every delivery that is due. Returns how many succeeded.
  int DeliverDue();

  // Deliveries waiting (for tests and shutdown logs).
  std::size_t pending() const { return queue_.size(); }

 private:
  struct Delivery {
    std::size_t sink;  // index in sinks_
    std::shared_ptr<const ports::AlertNotice> notice;
    int attempts = 0;
    UnixMillis due = 0;
  };
  // The notice of `alert`'s start (`started`) or end: explained, labelled, linked.
  std::shared_ptr<const ports::AlertNotice> NoticeOf(const ports::SpikeAlert& alert,
                                                     bool started) const;
  // Writes `d` to the outbox, or removes it (`keep` false); a failure is logged, and the
  // delivery goes on in memory.
  void Record(const Delivery& d, bool keep);

  struct SinkCounters {
    metrics::Counter* delivered;
    metrics::Counter* retried;
    metrics::Counter* given_up;
  };

  ports::Store& store_;
  const SpikeExplainer& explainer_;
  EventHub& hub_;
  const Clock& clock_;
  std::vector<std::unique_ptr<ports::AlertSink>> sinks_;
  std::vector<SinkCounters> counters_;  // by sink index
  SeriesLabeler label_;
  AlertDispatcherOptions options_;
  std::deque<Delivery> queue_;
};

}  // namespace fr::engine
