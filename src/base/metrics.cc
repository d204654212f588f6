#include "base/metrics.h"

#include <fmt/format.h>

namespace fr::metrics {
namespace {

std::string EscapeLabelValue(const std::string& v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out.push_back(c);
  }
  return out;
}

// Renders `{a="x",b="y"}`, or an empty string for no labels.
std::string RenderLabels(const Labels& labels) {
  if (labels.empty()) return {};
  std::string out = "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i) out += ',';
    out += labels[i].first + "=\"" + EscapeLabelValue(labels[i].second) + "\"";
  }
  out += '}';
  return out;
}

// The label list of a rendered key without its braces, for appending `le`.
std::string InnerLabels(const std::string& key) {
  return key.size() >= 2 ? key.substr(1, key.size() - 2) : std::string();
}

}  // namespace

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)),
      buckets_(new std::atomic<std::uint64_t>[bounds_.size() + 1]) {
  for (size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::Observe(double value) {
  size_t i = 0;
  while (i < bounds_.size() && value > bounds_[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micro_.fetch_add(static_cast<std::uint64_t>(value * 1e6), std::memory_order_relaxed);
}

double Histogram::Sum() const { return static_cast<double>(sum_micro_.load()) / 1e6; }

std::uint64_t Histogram::CumulativeCount(size_t i) const {
  std::uint64_t total = 0;
  for (size_t j = 0; j <= i && j <= bounds_.size(); ++j) total += buckets_[j].load();
  return total;
}

Counter* Registry::GetCounter(const std::string& name, const std::string& help,
                              const Labels& labels) {
  std::lock_guard lock(mu_);
  Family& f = families_[name];
  f.help = help;
  auto& slot = f.counters[RenderLabels(labels)];
  if (!slot) slot = std::make_unique<Counter>();
  return slot.get();
}

Gauge* Registry::GetGauge(const std::string& name, const std::string& help, const Labels& labels) {
  std::lock_guard lock(mu_);
  Family& f = families_[name];
  f.help = help;
  f.type = "gauge";
  auto& slot = f.gauges[RenderLabels(labels)];
  if (!slot) slot = std::make_unique<Gauge>();
  return slot.get();
}

Histogram* Registry::GetHistogram(const std::string& name, const std::string& help,
                                  const std::vector<double>& bounds, const Labels& labels) {
  std::lock_guard lock(mu_);
  Family& f = families_[name];
  f.help = help;
  f.type = "histogram";
  auto& slot = f.histograms[RenderLabels(labels)];
  if (!slot) slot = std::make_unique<Histogram>(bounds);
  return slot.get();
}

std::string Registry::RenderText() const {
  std::lock_guard lock(mu_);
  std::string out;
  for (const auto& [name, f] : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, f.help, name, f.type);
    for (const auto& [key, c] : f.counters) out += fmt::format("{}{} {}\n", name, key, c->Value());
    for (const auto& [key, g] : f.gauges) out += fmt::format("{}{} {}\n", name, key, g->Value());
    for (const auto& [key, h] : f.histograms) {
      std::string inner = InnerLabels(key);
      std::string sep = inner.empty() ? "" : ",";
      for (size_t i = 0; i <= h->bounds().size(); ++i) {
        std::string le = i < h->bounds().size() ? fmt::format("{}", h->bounds()[i]) : "+Inf";
        out += fmt::format("{}_bucket{{{}{}le=\"{}\"}} {}\n", name, inner, sep, le,
                           h->CumulativeCount(i));
      }
      out += fmt::format("{}_sum{} {}\n{}_count{} {}\n", name, key, h->Sum(), name, key, h->Count());
    }
  }
  return out;
}

}  // namespace fr::metrics
