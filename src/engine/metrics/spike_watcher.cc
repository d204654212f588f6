#include "engine/metrics/spike_watcher.h"

#include <algorithm>

#include "base/log.h"
#include "domain/metrics/volume_series.h"

namespace fr::engine {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHistoryMinutes = 5 * 7 * 1440;  // the detector keeps about four weeks

}  // namespace

SpikeWatcher::SpikeWatcher(ports::Store& store, const Clock& clock, SpikeWatcherOptions options)
    : store_(store), clock_(clock), options_(std::move(options)) {}

Result<SpikeWatcher::Watched*> SpikeWatcher::Watch(const std::string& series, UnixMillis judge_from) {
  Watched& w = series_.try_emplace(series, Watched{domain::metrics::SpikeDetector(options_.settings), 0, {}})
                   .first->second;
  const UnixMillis history_from = judge_from - kHistoryMinutes * kMinute;
  FR_ASSIGN_OR_RETURN(std::vector<ports::MinuteCount> history,
                      store_.metrics().MinuteCounts(series, history_from, judge_from));
  for (const ports::MinuteCount& m : history) w.detector.Load(m.minute, m.total, m.negative);
  w.fed_through = judge_from - kMinute;
  if (history.empty() || history.back().minute < w.fed_through) {
    w.detector.Load(w.fed_through, 0, 0);  // the minutes since the last message were empty
  }
  for (const ports::SpikeAlert& a : open_at_start_) {
    if (a.series == series) w.open[a.kind] = a.id;
  }
  return &w;
}

Status SpikeWatcher::Record(const std::string& series, Watched& w,
                            const domain::metrics::SpikeEvent& e,
                            std::vector<ports::SpikeAlert>& changed) {
  auto open = w.open.find(e.kind);
  if (e.started) {
    if (open != w.open.end()) return Status::Ok();  // recorded before a restart: it goes on
    ports::SpikeAlert a{0, series, e.kind, e.minute, std::nullopt, e.observed, e.expected, e.score};
    FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(a.id, txn.metrics().InsertSpikeAlert(a));
      return Status::Ok();
    }));
    w.open[e.kind] = a.id;
    FR_LOG(kWarn, "spikes", "spike started series={} kind={} observed={} expected={:.1f} score={:.1f}",
           series, domain::metrics::SpikeKindName(e.kind), e.observed, e.expected, e.score);
    changed.push_back(std::move(a));
    return Status::Ok();
  }
  if (open == w.open.end()) return Status::Ok();
  const std::int64_t id = open->second;
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
    return txn.metrics().EndSpikeAlert(id, e.minute);
  }));
  w.open.erase(open);
  FR_LOG(kInfo, "spikes", "spike ended series={} kind={}", series, domain::metrics::SpikeKindName(e.kind));
  // As stored: its start and the figures it started with.
  FR_ASSIGN_OR_RETURN(std::optional<ports::SpikeAlert> ended, store_.metrics().GetSpikeAlert(id));
  if (ended) changed.push_back(std::move(*ended));
  return Status::Ok();
}

Status SpikeWatcher::Feed(const std::string& series, Watched& w, UnixMillis through,
                          std::vector<ports::SpikeAlert>& changed) {
  if (through <= w.fed_through) return Status::Ok();
  FR_ASSIGN_OR_RETURN(std::vector<ports::MinuteCount> minutes,
                      store_.metrics().MinuteCounts(series, w.fed_through + kMinute, through + kMinute));
  std::size_t next = 0;
  for (UnixMillis minute = w.fed_through + kMinute; minute <= through; minute += kMinute) {
    ports::MinuteCount m{minute, 0, 0};
    if (next < minutes.size() && minutes[next].minute == minute) m = minutes[next++];
    for (const domain::metrics::SpikeEvent& e : w.detector.Add(m.minute, m.total, m.negative)) {
      FR_RETURN_IF_ERROR(Record(series, w, e, changed));
    }
    w.fed_through = minute;
  }
  return Status::Ok();
}

Result<std::vector<ports::SpikeAlert>> SpikeWatcher::Tick() {
  std::vector<ports::SpikeAlert> changed;
  const UnixMillis ripe = domain::metrics::MinuteOf(clock_.NowMillis()) -
                          (options_.lag_minutes + 1) * kMinute;
  if (!started_) {
    FR_ASSIGN_OR_RETURN(open_at_start_, store_.metrics().OpenSpikeAlerts());
    started_ = true;
  }
  // Series with messages since the last look (all of the last weeks at the first tick).
  const UnixMillis look_from =
      checked_through_ ? *checked_through_ + kMinute : ripe - kHistoryMinutes * kMinute;
  FR_ASSIGN_OR_RETURN(std::vector<std::string> names, store_.metrics().SeriesSince(look_from));
  const UnixMillis judge_from = checked_through_ ? *checked_through_ + kMinute
                                                 : ripe - options_.replay_minutes * kMinute;
  for (const std::string& name : names) {
    if (!series_.count(name)) FR_RETURN_IF_ERROR(Watch(name, judge_from).status());
  }
  for (auto& [name, w] : series_) FR_RETURN_IF_ERROR(Feed(name, w, ripe, changed));
  checked_through_ = ripe;
  // Spikes stored as open whose series the detector no longer finds in one end now.
  for (const ports::SpikeAlert& a : open_at_start_) {
    auto w = series_.find(a.series);
    if (w != series_.end()) {
      if (!w->second.open.count(a.kind)) continue;  // the replay ended it already
      const bool active = a.kind == domain::metrics::SpikeKind::kVolume
                              ? w->second.detector.InVolumeSpike()
                              : w->second.detector.InNegativeSpike();
      if (active) continue;
    }
    FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
      return txn.metrics().EndSpikeAlert(a.id, ripe);
    }));
    if (w != series_.end()) w->second.open.erase(a.kind);
    ports::SpikeAlert ended = a;
    ended.ended_at = ripe;
    changed.push_back(std::move(ended));
  }
  open_at_start_.clear();
  return changed;
}

}  // namespace fr::engine
