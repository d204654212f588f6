#include "engine/feed/event_hub.h"

#include <utility>

#include "base/log.h"

namespace fr::engine {

LiveSubscription::Batch LiveSubscription::Take() {
  std::lock_guard lock(mu_);
  Batch batch;
  batch.events.assign(std::make_move_iterator(queue_.begin()),
                      std::make_move_iterator(queue_.end()));
  queue_.clear();
  batch.overflowed = overflowed_;
  return batch;
}

void LiveSubscription::Cancel() {
  std::lock_guard lock(mu_);
  closed_ = true;
  queue_.clear();
  wake_ = nullptr;
}

bool LiveSubscription::closed() const {
  std::lock_guard lock(mu_);
  return closed_;
}

// `wake_` runs under mu_, so that Cancel cannot return while a wake is still under way.
LiveSubscription::Delivery LiveSubscription::Deliver(const std::shared_ptr<const LiveEvent>& event,
                                                     std::size_t limit) {
  std::lock_guard lock(mu_);
  if (closed_) return Delivery::kClosed;
  if (!domain::MaySeeLive(viewer_, event->scope)) return Delivery::kSkipped;
  if (queue_.size() >= limit) {
    overflowed_ = true;
    closed_ = true;
    queue_.clear();
    wake_();
    wake_ = nullptr;
    return Delivery::kOverflowed;
  }
  queue_.push_back(event);
  if (queue_.size() == 1) wake_();
  return Delivery::kQueued;
}

EventHub::EventHub(const Clock& clock, metrics::Registry& metrics, EventHubOptions options)
    : clock_(clock),
      options_(options),
      published_(metrics.GetCounter("feedroom_live_events_total",
                                    "Live events published to the stream.")),
      overflows_(metrics.GetCounter(
          "feedroom_live_overflows_total",
          "Live streams dropped because their client read too slowly (their queue was full).")) {}

std::shared_ptr<LiveSubscription> EventHub::Subscribe(domain::LiveViewer viewer,
                                                      std::function<void()> wake) {
  std::shared_ptr<LiveSubscription> subscription(
      new LiveSubscription(std::move(viewer), std::move(wake)));
  std::lock_guard lock(mu_);
  std::erase_if(subscribers_, [](const auto& s) { return s->closed(); });
  subscribers_.push_back(subscription);
  return subscription;
}

void EventHub::Publish(LivePayload payload) {
  domain::LiveScope scope = ScopeOf(payload);
  auto event = std::make_shared<const LiveEvent>(
      LiveEvent{clock_.NowMillis(), std::move(payload), std::move(scope)});
  published_->Add();
  std::lock_guard lock(mu_);
  std::erase_if(subscribers_, [&](const std::shared_ptr<LiveSubscription>& s) {
    switch (s->Deliver(event, options_.queue_limit)) {
      case LiveSubscription::Delivery::kSkipped:
      case LiveSubscription::Delivery::kQueued:
        return false;
      case LiveSubscription::Delivery::kOverflowed:
        overflows_->Add();
        FR_LOG(kWarn, "live", "stream of user_id={} dropped: {} events unread",
               s->viewer().user, options_.queue_limit);
        return true;
      case LiveSubscription::Delivery::kClosed:
        return true;
    }
    return true;
  });
}

}  // namespace fr::engine
