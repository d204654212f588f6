#include "domain/metrics/spike_detector.h"

#include <algorithm>
#include <cmath>

namespace fr::domain::metrics {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMinutes = 1440;
constexpr std::int64_t kWeekMinutes = 7 * kDayMinutes;
constexpr int kOffsetStep = 5;            // minutes between samples around a seasonal lag
constexpr std::int64_t kColdMinutes = 120;  // the baseline before a day of history exists
constexpr std::size_t kMinSamples = 8;

// log10 of P(X >= k) for X ~ Poisson(lambda), lambda > 0: the terms from k upwards, summed
// in log space until they no longer matter.
double PoissonTailLog10(std::int64_t k, double lambda) {
  if (k <= 0) return 0;
  const double first = static_cast<double>(k) * std::log(lambda) - lambda - std::lgamma(static_cast<double>(k) + 1);
  double sum = 1, term = 1;
  for (std::int64_t i = k + 1; i < k + 10'000; ++i) {
    term *= lambda / static_cast<double>(i);
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return std::min(0.0, (first + std::log(sum)) / std::log(10.0));
}

double Median(std::vector<double>& v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  double m = v[mid];
  if (v.size() % 2 == 0) {
    m = (m + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid))) / 2;
  }
  return m;
}

}  // namespace

std::string_view SpikeKindName(SpikeKind kind) {
  return kind == SpikeKind::kVolume ? "volume" : "negative_share";
}

std::optional<SpikeKind> ParseSpikeKind(std::string_view name) {
  if (name == "volume") return SpikeKind::kVolume;
  if (name == "negative_share") return SpikeKind::kNegativeShare;
  return std::nullopt;
}

SpikeDetector::SpikeDetector(SpikeSettings settings)
    : settings_(settings),
      capacity_(static_cast<std::size_t>(
          std::max<std::int64_t>(settings.baseline_weeks * kWeekMinutes,
                                 settings.baseline_days * kDayMinutes) +
          settings.baseline_spread_minutes +
          std::max(settings.window_minutes, settings.negative_window_minutes) + 1)),
      totals_(capacity_, 0),
      negatives_(capacity_, 0) {}

void SpikeDetector::Push(std::int64_t total, std::int64_t negative) {
  totals_[head_] = total;
  negatives_[head_] = negative;
  head_ = (head_ + 1) % capacity_;
  ++filled_;
}

std::int64_t SpikeDetector::WindowSum(const std::vector<std::int64_t>& series, int minutes,
                                      std::int64_t back) const {
  std::int64_t sum = 0;
  for (std::int64_t k = back; k < back + minutes; ++k) {
    if (k >= filled_ || k >= static_cast<std::int64_t>(capacity_)) break;
    const std::size_t at = (head_ + capacity_ - 1 - static_cast<std::size_t>(k) % capacity_) % capacity_;
    sum += series[at];
  }
  return sum;
}

std::optional<SpikeDetector::Baseline> SpikeDetector::SeasonalBaseline(
    const std::vector<std::int64_t>& series, int minutes) const {
  // The same weekday in earlier weeks once two weeks are known; before that the same time on
  // earlier days.
  std::vector<std::int64_t> lags;
  if (filled_ >= 2 * kWeekMinutes + settings_.baseline_spread_minutes + minutes) {
    for (int w = 1; w <= settings_.baseline_weeks; ++w) lags.push_back(w * kWeekMinutes);
  } else {
    for (int d = 1; d <= settings_.baseline_days; ++d) lags.push_back(d * kDayMinutes);
  }
  std::vector<double> samples;
  for (std::int64_t lag : lags) {
    for (int offset = -settings_.baseline_spread_minutes; offset <= settings_.baseline_spread_minutes;
         offset += kOffsetStep) {
      const std::int64_t back = lag + offset;
      if (back + minutes > filled_ || back + minutes > static_cast<std::int64_t>(capacity_)) continue;
      samples.push_back(static_cast<double>(WindowSum(series, minutes, back)));
    }
  }
  if (samples.size() < kMinSamples) {
    // Less than a day of history: the windows of the last two hours before this one.
    samples.clear();
    for (std::int64_t back = minutes; back + minutes <= std::min(kColdMinutes, filled_); back += kOffsetStep) {
      samples.push_back(static_cast<double>(WindowSum(series, minutes, back)));
    }
    if (samples.size() < kMinSamples) return std::nullopt;
  }
  Baseline b;
  for (double s : samples) b.mean += s;
  b.mean /= static_cast<double>(samples.size());
  b.median = Median(samples);
  for (double& s : samples) s = std::abs(s - b.median);
  b.spread = 1.4826 * Median(samples);
  return b;
}

void SpikeDetector::Step(UnixMillis minute, std::vector<SpikeEvent>& events) {
  auto update = [&](State& state, SpikeKind kind, bool condition, std::int64_t observed,
                    double expected, double score) {
    if (condition) {
      state.quiet = 0;
      if (!state.active) {
        state.active = true;
        events.push_back({kind, true, minute, observed, expected, score});
      }
    } else if (state.active && ++state.quiet >= settings_.quiet_minutes) {
      state.active = false;
      state.quiet = 0;
      events.push_back({kind, false, minute, observed, expected, score});
    }
  };

  // Volume.
  const std::int64_t count = WindowSum(totals_, settings_.window_minutes, 0);
  if (auto b = SeasonalBaseline(totals_, settings_.window_minutes)) {
    const double lambda = std::max(b->median + b->spread, 0.5);
    const double surprise = -PoissonTailLog10(count, lambda);
    const bool spike = count >= settings_.min_count &&
                       static_cast<double>(count) >= settings_.min_ratio * std::max(b->median, 1.0) &&
                       surprise >= settings_.min_surprise;
    update(volume_, SpikeKind::kVolume, spike, count, b->median, surprise);
  }

  // Negative share against the pooled share of the baseline windows.
  const int nw = settings_.negative_window_minutes;
  const std::int64_t total = WindowSum(totals_, nw, 0);
  const std::int64_t negative = WindowSum(negatives_, nw, 0);
  auto base_total = SeasonalBaseline(totals_, nw);
  auto base_negative = SeasonalBaseline(negatives_, nw);
  if (base_total && base_negative && base_total->mean > 0 && total > 0) {
    const double p0 = std::clamp(base_negative->mean / base_total->mean, 0.0, 1.0);
    const double share = static_cast<double>(negative) / static_cast<double>(total);
    const double expected = p0 * static_cast<double>(total);
    const double score = (static_cast<double>(negative) - expected) /
                         std::sqrt(static_cast<double>(total) * p0 * (1 - p0) + 1.0);
    const bool spike = total >= settings_.min_total && negative >= settings_.min_negative &&
                       share - p0 >= settings_.negative_rise && score >= settings_.z;
    update(negative_, SpikeKind::kNegativeShare, spike, negative, expected, score);
  }
}

void SpikeDetector::Load(UnixMillis minute, std::int64_t total, std::int64_t negative) {
  if (last_minute_) {
    std::int64_t gap = (minute - *last_minute_) / kMinuteMs - 1;
    gap = std::min<std::int64_t>(gap, static_cast<std::int64_t>(capacity_));
    for (std::int64_t i = 0; i < gap; ++i) Push(0, 0);
  }
  last_minute_ = minute;
  Push(total, negative);
}

std::vector<SpikeEvent> SpikeDetector::Add(UnixMillis minute, std::int64_t total,
                                           std::int64_t negative) {
  std::vector<SpikeEvent> events;
  if (last_minute_) {
    // Minutes without messages are empty buckets (at most the history's length of them).
    std::int64_t gap = (minute - *last_minute_) / kMinuteMs - 1;
    gap = std::min<std::int64_t>(gap, static_cast<std::int64_t>(capacity_));
    for (std::int64_t i = gap; i > 0; --i) {
      Push(0, 0);
      Step(minute - i * kMinuteMs, events);
    }
  }
  last_minute_ = minute;
  Push(total, negative);
  Step(minute, events);
  return events;
}

}  // namespace fr::domain::metrics
