// SpikeDetector: notices when the messages about a brand, a listening rule or a topic come much
// faster than usual for that hour of that weekday — the start of a viral complaint or a
// boycott — or turn much more negative than usual (docs/spikes.md).
//
// It reads one-minute buckets (all messages, negative ones) in time order. The volume test
// compares the last `window` minutes with the same minutes (± a spread) of the same weekday in
// earlier weeks — of earlier days while less than two weeks are known — (a seasonal baseline:
// their median, with the median absolute deviation for spread), so a busy Sunday evening is
// not a spike but a busy Saturday night is. A spike starts when the window's count is at least `min_count`, at least
// `min_ratio` times the baseline, and so unlikely for a Poisson count around the baseline
// (its median plus its spread, for days that vary more than chance) that the probability of
// that many or more is below 10^-min_surprise; it ends after `quiet_minutes` without the
// condition. The negative-share test compares the share of negative messages over a longer
// window with the pooled share of the same baseline windows (binomial spread, `z`). Before a
// day of history exists, the last two hours are the baseline. Pure and deterministic: a value
// type with the history it needs (a ring of the last weeks of buckets). Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace fr::domain::metrics {

struct SpikeSettings {
  int window_minutes = 5;           // the volume window
  int baseline_weeks = 4;           // same weekday and time in this many earlier weeks
  int baseline_days = 6;            // same time of day on this many earlier days (< 2 weeks known)
  int baseline_spread_minutes = 30;  // ± minutes around the same time in each earlier week/day
  double min_surprise = 7.0;  // -log10 of the Poisson tail probability
  double min_ratio = 2.5;
  std::int64_t min_count = 8;
  int quiet_minutes = 15;
  // Negative share: over this window, at least min_total messages and min_negative negative
  // ones, a share at least negative_rise above the baseline share and z binomial deviations.
  int negative_window_minutes = 30;
  std::int64_t min_total = 20;
  std::int64_t min_negative = 8;
  double negative_rise = 0.25;
  double z = 5.0;
};

enum class SpikeKind { kVolume, kNegativeShare };
std::string_view SpikeKindName(SpikeKind kind);  // "volume" | "negative_share"
std::optional<SpikeKind> ParseSpikeKind(std::string_view name);

// A change of state the detector reports.
struct SpikeEvent {
  SpikeKind kind = SpikeKind::kVolume;
  bool started = true;        // false: it ended
  UnixMillis minute = 0;      // the bucket that started or ended it
  std::int64_t observed = 0;  // in the window: messages (volume) or negative ones (share)
  double expected = 0;        // the baseline for the window (messages, or negative ones)
  // How unusual: -log10 of the Poisson tail probability (volume), binomial deviations (share).
  double score = 0;
};

class SpikeDetector {
 public:
  explicit SpikeDetector(SpikeSettings settings = {});

  // Adds the bucket of minute `minute` (UTC ms, a multiple of 60,000; later than the last one
  // added — skipped minutes count as empty) with `total` messages, `negative` of them
  // negative. Returns what started or ended with it.
  std::vector<SpikeEvent> Add(UnixMillis minute, std::int64_t total, std::int64_t negative);
  // The same as history only: the bucket joins the baseline, nothing is judged (for loading
  // weeks of stored minutes quickly; judge the last few with Add).
  void Load(UnixMillis minute, std::int64_t total, std::int64_t negative);

  bool InVolumeSpike() const { return volume_.active; }
  bool InNegativeSpike() const { return negative_.active; }

 private:
  struct State {
    bool active = false;
    int quiet = 0;  // minutes in a row without the condition while active
  };
  // The count of the last `minutes` buckets ending `back` minutes ago (0: now).
  std::int64_t WindowSum(const std::vector<std::int64_t>& series, int minutes, std::int64_t back) const;
  // The window's count at seasonal lags: their median, robust spread and mean; nullopt
  // without enough history (less than the cold-start two hours).
  struct Baseline {
    double median = 0;
    double spread = 0;
    double mean = 0;
  };
  std::optional<Baseline> SeasonalBaseline(const std::vector<std::int64_t>& series,
                                           int minutes) const;
  void Push(std::int64_t total, std::int64_t negative);
  void Step(UnixMillis minute, std::vector<SpikeEvent>& events);

  SpikeSettings settings_;
  std::size_t capacity_;                // minutes of history kept
  std::vector<std::int64_t> totals_;    // ring buffers of the last capacity_ minutes
  std::vector<std::int64_t> negatives_;
  std::size_t head_ = 0;                // next write position
  std::int64_t filled_ = 0;             // minutes added so far (may exceed capacity_)
  std::optional<UnixMillis> last_minute_;
  State volume_;
  State negative_;
};

}  // namespace fr::domain::metrics
