// SpikeWatcher: runs the spike detector (domain/metrics/spike_detector.h) over the stored
// one-minute counts of every series (domain/metrics/volume_series.h) and records the spikes it
// raises and ends (docs/spikes.md).
//
// Each Tick feeds every minute that is complete and `lag_minutes` old (late deliveries land
// in their own minute, which the lag waits for) to the series' detector. A series seen for the
// first time gets its stored history as the detector's baseline (loaded, not judged) and has
// its last `replay_minutes` judged, so a restart picks up a spike under way without raising it
// twice: a spike recorded as still open is continued, and one the detector no longer sees is
// ended. Thread-compatible: one thread ticks (the server's timer).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/metrics/spike_detector.h"
#include "ports/store.h"

namespace fr::engine {

struct SpikeWatcherOptions {
  domain::metrics::SpikeSettings settings;
  int lag_minutes = 2;
  int replay_minutes = 30;
};

class SpikeWatcher {
 public:
  // `store` and `clock` must outlive the watcher.
  SpikeWatcher(ports::Store& store, const Clock& clock, SpikeWatcherOptions options = {});

  // Brings every series up to the last ripe minute. Returns the spikes that started or ended
  // in this call, as stored. Errors: the store's (the minutes not fed are fed next time).
  Result<std::vector<ports::SpikeAlert>> Tick();

 private:
  struct Watched {
    domain::metrics::SpikeDetector detector;
    UnixMillis fed_through = 0;  // the last minute fed (its start)
    std::map<domain::metrics::SpikeKind, std::int64_t> open;  // kind -> stored alert id
  };
  // Starts watching `series`: loads its history before `judge_from` and returns it.
  Result<Watched*> Watch(const std::string& series, UnixMillis judge_from);
  // Feeds `w` the minutes after its last up to `through`; records what starts and ends.
  Status Feed(const std::string& series, Watched& w, UnixMillis through,
              std::vector<ports::SpikeAlert>& changed);
  Status Record(const std::string& series, Watched& w, const domain::metrics::SpikeEvent& e,
                std::vector<ports::SpikeAlert>& changed);

  ports::Store& store_;
  const Clock& clock_;
  const SpikeWatcherOptions options_;
  std::map<std::string, Watched> series_;
  std::optional<UnixMillis> checked_through_;  // new series were looked for up to here
  bool started_ = false;
  std::vector<ports::SpikeAlert> open_at_start_;  // stored as open when the watcher started
};

}  // namespace fr::engine
