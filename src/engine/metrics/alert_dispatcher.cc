#include "engine/metrics/alert_dispatcher.h"

#include <map>
#include <utility>

#include "base/log.h"

namespace fr::engine {

AlertDispatcher::AlertDispatcher(ports::Store& store, const SpikeExplainer& explainer,
                                 EventHub& hub, const Clock& clock, metrics::Registry& metrics,
                                 std::vector<std::unique_ptr<ports::AlertSink>> sinks,
                                 SeriesLabeler label, AlertDispatcherOptions options)
    : store_(store),
      explainer_(explainer),
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

std::shared_ptr<const ports::AlertNotice> AlertDispatcher::NoticeOf(const ports::SpikeAlert& alert,
                                                                    bool started) const {
  auto notice = std::make_shared<ports::AlertNotice>();
  notice->started = started;
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
  return notice;
}

void AlertDispatcher::Record(const Delivery& d, bool keep) {
  const ports::PendingAlertDelivery row{d.notice->spike.alert.id, d.notice->started,
                                        std::string(sinks_[d.sink]->name()), d.attempts, d.due};
  const Status s = ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
    return keep ? txn.metrics().PutAlertDelivery(row)
                : txn.metrics().DeleteAlertDelivery(row.alert_id, row.started, row.sink);
  });
  if (!s.ok()) {
    FR_LOG(kWarn, "alerts", "alert {} to {}: outbox not {}: {}", row.alert_id, row.sink,
           keep ? "written" : "cleared", s.ToString());
  }
}

Result<std::size_t> AlertDispatcher::Resume() {
  FR_ASSIGN_OR_RETURN(std::vector<ports::PendingAlertDelivery> outbox,
                      store_.metrics().PendingAlertDeliveries());
  std::map<std::pair<std::int64_t, bool>, std::shared_ptr<const ports::AlertNotice>> notices;
  std::size_t resumed = 0;
  for (const ports::PendingAlertDelivery& row : outbox) {
    std::size_t sink = 0;
    while (sink < sinks_.size() && sinks_[sink]->name() != row.sink) ++sink;
    std::shared_ptr<const ports::AlertNotice>& notice = notices[{row.alert_id, row.started}];
    if (notice == nullptr && sink < sinks_.size()) {
      FR_ASSIGN_OR_RETURN(std::optional<ports::SpikeAlert> alert,
                          store_.metrics().GetSpikeAlert(row.alert_id));
      if (alert) notice = NoticeOf(*alert, row.started);
    }
    if (sink == sinks_.size() || notice == nullptr) {
      FR_LOG(kWarn, "alerts", "alert {} to {} dropped from the outbox: {}", row.alert_id, row.sink,
             sink == sinks_.size() ? "the sink is no longer configured" : "the spike is gone");
      FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
        return txn.metrics().DeleteAlertDelivery(row.alert_id, row.started, row.sink);
      }));
      continue;
    }
    queue_.push_back({sink, notice, row.attempts, row.due});
    ++resumed;
  }
  return resumed;
}

void AlertDispatcher::Notify(const std::vector<ports::SpikeAlert>& changed) {
  for (const ports::SpikeAlert& alert : changed) {
    auto notice = NoticeOf(alert, !alert.ended_at.has_value());
    hub_.Publish(SpikeChanged{notice->spike, notice->started});
    const UnixMillis now = clock_.NowMillis();
    for (std::size_t i = 0; i < sinks_.size(); ++i) {
      if (!notice->started && !sinks_[i]->wants_ended()) continue;
      queue_.push_back({i, notice, 0, now});
      Record(queue_.back(), /*keep=*/true);
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
      Record(d, /*keep=*/false);
      continue;
    }
    const bool retry = s.code() == Errc::kUnavailable && d.attempts < options_.max_attempts;
    FR_LOG(kWarn, "alerts", "alert {} to {} failed (attempt {}): {}{}", d.notice->spike.alert.id,
           sink.name(), d.attempts, s.ToString(), retry ? "; will retry" : "; given up");
    if (!retry) {
      counters_[d.sink].given_up->Add();
      Record(d, /*keep=*/false);
      continue;
    }
    counters_[d.sink].retried->Add();
    d.due = now + options_.first_retry.count() * (std::int64_t{1} << (d.attempts - 1));
    Record(d, /*keep=*/true);
    later.push_back(std::move(d));
  }
  queue_ = std::move(later);
  return delivered;
}

}  // namespace fr::engine
