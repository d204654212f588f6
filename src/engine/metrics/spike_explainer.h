// SpikeExplainer: reads a spike's messages and the same series before it from the store and
// explains the spike (domain/metrics/spike_explanation.h; docs/spikes.md).
//
// The window is the detector's window ending at the minute the spike started, and, once the
// spike has gone on, up to its end or `max_window_minutes` after its start. The background is
// the series' messages of the `background_days` before the window. Both are capped (the
// latest messages are read). Words are topic terms (domain/topics/topic_terms.h): stop words
// dropped, Hebrew prefixes decided over the window and background together, and shown in their
// most-written spelling. Thread-safe: Explain only reads.
#pragma once

#include <vector>

#include "base/status.h"
#include "domain/metrics/spike_explanation.h"
#include "ports/alert_sink.h"
#include "ports/store.h"

namespace fr::engine {

struct SpikeExplainerOptions {
  int window_minutes = 5;        // the detector's volume window
  int max_window_minutes = 60;   // after the start, for a spike that goes on
  int background_days = 7;
  int max_window_messages = 2000;
  int max_background_messages = 5000;
  domain::metrics::ExplainSettings explain;
};

class SpikeExplainer {
 public:
  // `store` must outlive the explainer.
  explicit SpikeExplainer(ports::Store& store, SpikeExplainerOptions options = {});

  // Explains `alert`. Errors: the store's.
  Result<ports::ExplainedSpike> Explain(const ports::SpikeAlert& alert) const;

 private:
  ports::Store& store_;
  SpikeExplainerOptions options_;
};

}  // namespace fr::engine
