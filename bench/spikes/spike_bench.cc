// bench/spikes: how well SpikeDetector finds spikes, on synthetic minute series with injected
// ones: per series a daily and weekly rhythm (Poisson counts at base rates from 0.2 to 20
// messages a minute), three weeks of warm-up, then spikes of 3-10 times the usual volume
// lasting 10-60 minutes (reaching full strength over 3 minutes) at random times. An alert
// that starts during a spike finds it; any other alert is false. Reports recall, precision,
// the detection delay from onset (median, p90, share within 5 minutes) and false alarms per
// series-week, next to a naive detector in the same run (alert when the last 5 minutes hold
// more than 3 times the last hour's mean rate, and at least 8 messages). One JSON line each.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "domain/metrics/spike_detector.h"

namespace {

using fr::UnixMillis;
constexpr UnixMillis kStart = 1'767'225'600'000;  // 2026-01-01T00:00Z
constexpr std::int64_t kWeek = 7 * 1440;

double Rhythm(std::int64_t m) {
  const double hour = static_cast<double>(m % 1440) / 60.0;
  const std::int64_t day = (m / 1440 + 4) % 7;
  const double weekly = day == 5 ? 0.7 : day == 6 ? 0.5 : 1.0;
  return weekly * (0.3 + 1.2 * std::exp(-std::pow((hour - 19.0) / 4.5, 2)) +
                   0.4 * std::exp(-std::pow((hour - 11.0) / 2.5, 2)));
}

struct Spike {
  std::int64_t onset, length;
  double factor;
};

// Alert start minutes of one detector over one series.
using Detect = std::function<std::vector<std::int64_t>(const std::vector<std::int64_t>&)>;

struct Score {
  int spikes = 0, found = 0, alerts = 0, false_alerts = 0;
  std::vector<double> delays;
};

void Judge(const std::vector<std::int64_t>& alerts, const std::vector<Spike>& spikes, Score& s) {
  std::vector<bool> found(spikes.size(), false);
  s.spikes += static_cast<int>(spikes.size());
  for (std::int64_t a : alerts) {
    ++s.alerts;
    bool hit = false;
    for (std::size_t i = 0; i < spikes.size(); ++i) {
      if (a >= spikes[i].onset && a < spikes[i].onset + spikes[i].length) {
        hit = true;
        if (!found[i]) {
          found[i] = true;
          ++s.found;
          s.delays.push_back(static_cast<double>(a - spikes[i].onset));
        }
      }
    }
    if (!hit) ++s.false_alerts;
  }
}

void Print(const std::string& detector, Score s, double series_weeks) {
  std::sort(s.delays.begin(), s.delays.end());
  auto q = [&](double p) { return s.delays.empty() ? -1.0 : s.delays[static_cast<std::size_t>(p * (s.delays.size() - 1))]; };
  const double within5 = static_cast<double>(std::count_if(s.delays.begin(), s.delays.end(),
                                                           [](double d) { return d <= 5; }));
  std::printf(
      "{\"bench\":\"spikes\",\"detector\":\"%s\",\"spikes\":%d,\"recall\":%.3f,\"precision\":%.3f,"
      "\"false_alarms_per_series_week\":%.3f,\"delay_median_min\":%.0f,\"delay_p90_min\":%.0f,"
      "\"found_within_5_min\":%.3f}\n",
      detector.c_str(), s.spikes, s.spikes ? static_cast<double>(s.found) / s.spikes : 0,
      s.alerts ? static_cast<double>(s.alerts - s.false_alerts) / s.alerts : 0,
      static_cast<double>(s.false_alerts) / series_weeks, q(0.5), q(0.9),
      s.spikes ? within5 / s.spikes : 0);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Spike detection on synthetic series with injected spikes"};
  int series = 24, weeks = 7, spikes_per_series = 6;
  app.add_option("--series", series);
  app.add_option("--weeks", weeks, "Weeks per series; the first three are warm-up");
  app.add_option("--spikes", spikes_per_series, "Spikes injected per series");
  CLI11_PARSE(app, argc, argv);

  const std::vector<double> rates = {0.2, 1, 5, 20};
  std::mt19937_64 random(20261123);
  const std::int64_t minutes = weeks * kWeek;
  const std::int64_t warm_up = 3 * kWeek;

  Detect seasonal = [](const std::vector<std::int64_t>& counts) {
    fr::domain::metrics::SpikeDetector detector;
    std::vector<std::int64_t> starts;
    for (std::size_t m = 0; m < counts.size(); ++m) {
      for (const auto& e : detector.Add(kStart + static_cast<UnixMillis>(m) * 60'000, counts[m], 0)) {
        if (e.started && e.kind == fr::domain::metrics::SpikeKind::kVolume) {
          starts.push_back(static_cast<std::int64_t>(m));
        }
      }
    }
    return starts;
  };
  Detect naive = [](const std::vector<std::int64_t>& counts) {
    std::vector<std::int64_t> starts;
    bool active = false;
    int quiet = 0;
    for (std::size_t m = 65; m < counts.size(); ++m) {
      std::int64_t last5 = 0, hour = 0;
      for (std::size_t k = m - 4; k <= m; ++k) last5 += counts[k];
      for (std::size_t k = m - 64; k < m - 4; ++k) hour += counts[k];
      const bool spike = last5 >= 8 && static_cast<double>(last5) > 3.0 * 5 * static_cast<double>(hour) / 60;
      if (spike) {
        quiet = 0;
        if (!active) starts.push_back(static_cast<std::int64_t>(m));
        active = true;
      } else if (active && ++quiet >= 15) {
        active = false;
        quiet = 0;
      }
    }
    return starts;
  };

  Score seasonal_score, naive_score;
  std::vector<Score> seasonal_by_rate(rates.size());
  for (int s = 0; s < series; ++s) {
    const double base = rates[static_cast<std::size_t>(s) % rates.size()];
    std::vector<Spike> spikes;
    while (static_cast<int>(spikes.size()) < spikes_per_series) {
      Spike x{warm_up + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(minutes - warm_up - 120)),
              10 + static_cast<std::int64_t>(random() % 51),
              3 + static_cast<double>(random() % 8)};
      const bool apart = std::none_of(spikes.begin(), spikes.end(), [&](const Spike& o) {
        return std::abs(o.onset - x.onset) < 24 * 60;
      });
      if (apart) spikes.push_back(x);
    }
    std::vector<std::int64_t> counts(static_cast<std::size_t>(minutes));
    for (std::int64_t m = 0; m < minutes; ++m) {
      double rate = base * Rhythm(m);
      for (const Spike& x : spikes) {
        if (m >= x.onset && m < x.onset + x.length) {
          const double ramp = std::min(1.0, static_cast<double>(m - x.onset + 1) / 3.0);
          rate *= 1 + (x.factor - 1) * ramp;
        }
      }
      counts[static_cast<std::size_t>(m)] = std::poisson_distribution<std::int64_t>(rate)(random);
    }
    auto after_warm_up = [&](std::vector<std::int64_t> alerts) {
      alerts.erase(std::remove_if(alerts.begin(), alerts.end(), [&](std::int64_t a) { return a < warm_up; }),
                   alerts.end());
      return alerts;
    };
    const std::vector<std::int64_t> found = after_warm_up(seasonal(counts));
    Judge(found, spikes, seasonal_score);
    Judge(found, spikes, seasonal_by_rate[static_cast<std::size_t>(s) % rates.size()]);
    Judge(after_warm_up(naive(counts)), spikes, naive_score);
  }
  const double series_weeks = static_cast<double>(series) * (weeks - 3);
  Print("seasonal_median_mad_poisson", seasonal_score, series_weeks);
  Print("naive_3x_last_hour", naive_score, series_weeks);
  for (std::size_t r = 0; r < rates.size(); ++r) {
    char name[64];
    std::snprintf(name, sizeof name, "seasonal_at_%.1f_per_min", rates[r]);
    Print(name, seasonal_by_rate[r], series_weeks / static_cast<double>(rates.size()));
  }
  return 0;
}
