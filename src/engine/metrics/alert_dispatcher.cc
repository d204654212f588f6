#include "engine/metrics/alert_dispatcher.h"

#include "base/log.h"

namespace fr::engine {

AlertDispatcher::AlertDispatcher(const SpikeExplainer& explainer, EventHub& hub, const Clock& clock,
                                 metrics::Registry& metrics,
                                 std::vector<std::unique_ptr<ports::AlertSink>> sinks,
                                 SeriesLabeler label, AlertDispatcherOptions options)
    : explainer_(explainer),
      hub_(hub),
      clock_(clock),
      sinks_(std::move(sinks)),
      label_(std::move(label)),
      options_(std::move(options)) {
  for (const auto& sink : sinks_) {
    auto counter = [&](const char* outcome) {
      return metrics.GetCounter("feedroom_alert_deliveries_total",
                                "Spike alert deliveries to webhooks and e-mail, by outcome",
                                {{"sink", std::string(sink->name())}, {"outcome", outcome}});
    };
    counters_.push_back({counter("delivered"), counter("retried"), counter("given_up")});
  }
}

void AlertDispatcher::Notify(const std::vector<ports::SpikeAlert>& changed) {
  for (const ports::SpikeAlert& alert : changed) {
    auto notice = std::make_shared<ports::AlertNotice>();
    notice->started = !alert.ended_at.has_value();
    auto explained = explainer_.Explain(alert);
    if (explained.ok()) {
      notice->spike = std::move(*explained);
    } else {
      FR_LOG(kWarn, "alerts", "spike {} not explained: {}", alert.id, explained.status().ToString());
      notice->spike.alert = alert;
    }
    notice->series_label = label_(alert.series);
    if (!options_.public_url.empty()) {
      notice->link = options_.public_url + "/dashboard?alert=" + std::to_string(alert.id);
    }
    hub_.Publish(SpikeChanged{notice->spike, notice->started});
    const UnixMillis now = clock_.NowMillis();
    for (std::size_t i = 0; i < sinks_.size(); ++i) {
      if (notice->started || sinks_[i]->wants_ended()) queue_.push_back({i, notice, 0, now});
    }
  }
}

int AlertDispatcher::DeliverDue() {
  int delivered = 0;
  const UnixMillis now = clock_.NowMillis();
  std::deque<Delivery> later;
  while (!queue_.empty()) {
    Delivery d = std::move(queue_.front());
    queue_.pop_front();
    if (d.due > now) {
      later.push_back(std::move(d));
      continue;
    }
    ports::AlertSink& sink = *sinks_[d.sink];
    const Status s = sink.Deliver(*d.notice);
    ++d.attempts;
    if (s.ok()) {
      counters_[d.sink].delivered->Add();
      ++delivered;
      continue;
    }
    const bool retry = s.code() == Errc::kUnavailable && d.attempts < options_.max_attempts;
    FR_LOG(kWarn, "alerts", "alert {} to {} failed (attempt {}): {}{}", d.notice->spike.alert.id,
           sink.name(), d.attempts, s.ToString(), retry ? "; will retry" : "; given up");
    if (!retry) {
      counters_[d.sink].given_up->Add();
      continue;
    }
    counters_[d.sink].retried->Add();
    d.due = now + options_.first_retry.count() * (std::int64_t{1} << (d.attempts - 1));
    later.push_back(std::move(d));
  }
  queue_ = std::move(later);
  return delivered;
}

}  // namespace fr::engine
