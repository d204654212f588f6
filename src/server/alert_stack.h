// The spike side of the server (docs/spikes.md, docs/alerts.md): the watcher that finds
// spikes in the stored minute counts, the explainer, and the dispatcher that publishes each
// spike live and sends it to the configured webhook and e-mail, all driven by one pacer every
// 30 seconds on its own thread. A volume spike on a series the config names
// (alerts.start_crisis_on) starts crisis mode when none runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/metrics.h"
#include "base/pacer.h"
#include "engine/crisis/crisis_desk.h"
#include "engine/feed/event_hub.h"
#include "engine/metrics/alert_dispatcher.h"
#include "engine/metrics/spike_explainer.h"
#include "engine/metrics/spike_watcher.h"
#include "ports/store.h"
#include "server/config.h"

namespace fr::server {

class AlertStack {
 public:
  // Builds the parts (nothing runs until Start). Everything referenced must outlive the stack.
  AlertStack(const ServerConfig& config, ports::Store& store, const Clock& clock,
             engine::EventHub& hub, metrics::Registry& metrics, engine::CrisisDesk& crisis);
  ~AlertStack();  // Stop()

  // Takes back the alert outbox, then starts the pacer. Stop: after its current pass
  // (deliveries not made yet stay in the outbox for the next start).
  void Start();
  void Stop();

  // For GET /api/v1/alerts/{id}.
  const engine::SpikeExplainer& explainer() const { return *explainer_; }

 private:
  std::chrono::milliseconds Pass();
  // Starts crisis mode for the first volume spike of `changed` on a series of
  // alerts.start_crisis_on, when none runs.
  void StartCrisisOn(const std::vector<ports::SpikeAlert>& changed);

  std::unique_ptr<engine::SpikeWatcher> watcher_;
  std::unique_ptr<engine::SpikeExplainer> explainer_;
  std::unique_ptr<engine::AlertDispatcher> dispatcher_;
  engine::CrisisDesk& crisis_;
  std::vector<std::string> crisis_series_;
  std::string crisis_statement_;
  engine::SeriesLabeler label_;
  metrics::Counter* started_;
  metrics::Counter* failures_;
  Pacer pacer_;
};

// Turns series names into words: "x @brand", "facebook Cantina", "rule cantina-boycott", with
// the names the config gives its accounts (the series name itself for anything else).
engine::SeriesLabeler SeriesLabelerOf(const ServerConfig& config);

}  // namespace fr::server
