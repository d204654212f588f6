// In-process metrics in the Prometheus data model: counters and histograms with labels,
// rendered in the text exposition format for GET /metrics.
//
// Usage: look a series up once (Registry::GetCounter takes a mutex) and keep the pointer;
// Counter::Add and Histogram::Observe are lock-free and safe from any thread. Series live as
// long as the Registry.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace fr::metrics {

// Label pairs in a fixed order, e.g. {{"platform","x"},{"reason","bad_signature"}}.
using Labels = std::vector<std::pair<std::string, std::string>>;

class Counter {
 public:
  void Add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

// A value that goes up and down (queue lengths).
class Gauge {
 public:
  void Set(std::int64_t v) { value_.store(v, std::memory_order_relaxed); }
  std::int64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

class Histogram {
 public:
  // `bounds` are the inclusive upper bounds of the buckets, ascending; +Inf is implicit.
  explicit Histogram(std::vector<double> bounds);
  void Observe(double value);
  std::uint64_t Count() const { return count_.load(std::memory_order_relaxed); }
  double Sum() const;
  const std::vector<double>& bounds() const { return bounds_; }
  // Cumulative count of observations <= bounds()[i]; i == bounds().size() means +Inf.
  std::uint64_t CumulativeCount(size_t i) const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1, not cumulative
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micro_{0};  // sum * 1e6, so it can be an atomic integer
};

class Registry {
 public:
  // Returns the counter `name{labels}`, creating it (and its family with `help`) on first use.
  Counter* GetCounter(const std::string& name, const std::string& help, const Labels& labels = {});
  // Same for a gauge.
  Gauge* GetGauge(const std::string& name, const std::string& help, const Labels& labels = {});
  // Same for a histogram; `bounds` are used only when the series is created.
  Histogram* GetHistogram(const std::string& name, const std::string& help,
                          const std::vector<double>& bounds, const Labels& labels = {});
  // The whole registry in Prometheus text format 0.0.4.
  std::string RenderText() const;

 private:
  struct Family {
    std::string help;
    std::string type = "counter";  // "counter", "gauge" or "histogram"
    std::map<std::string, std::unique_ptr<Counter>> counters;      // key: rendered labels
    std::map<std::string, std::unique_ptr<Gauge>> gauges;          // key: rendered labels
    std::map<std::string, std::unique_ptr<Histogram>> histograms;  // key: rendered labels
  };
  mutable std::mutex mu_;
  std::map<std::string, Family> families_;  // guarded by mu_
};

}  // namespace fr::metrics
