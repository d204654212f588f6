// EventHub: in-process publish/subscribe of live events (engine/feed/live_event.h).
// Publishers are whoever commits a change: the ingest writer thread, HTTP threads acting for
// agents, the routing sweep, the outbox sender, the SLA clock. Subscribers are live streams,
// one per connected client (api/stream_route.h).
//
// A subscriber sees only the events its viewer may see (domain::MaySeeLive), in publish
// order, through a bounded queue of its own. Publishing never waits for a subscriber: when a
// subscriber's queue is full (its client reads too slowly), the subscriber is dropped — its
// queue is emptied and it is told once that it overflowed, so its client can reload what it
// shows and reconnect. Events are shared between subscribers, never copied per subscriber.
//
// Thread safety: every method of EventHub and LiveSubscription may be called from any thread.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "base/clock.h"
#include "base/metrics.h"
#include "domain/live_audience.h"
#include "engine/feed/live_event.h"

namespace fr::engine {

struct EventHubOptions {
  // Events a subscriber may have waiting; one more drops it. Big enough for a burst of
  // routing (a sweep assigns up to its batch at once) read by a healthy client.
  std::size_t queue_limit = 1024;
};

// One subscriber's queue, shared by the hub and the stream that reads it. Holds no reference
// to the hub: either may go first.
class LiveSubscription {
 public:
  struct Batch {
    std::vector<std::shared_ptr<const LiveEvent>> events;  // oldest first
    bool overflowed = false;  // the hub dropped this subscriber: nothing more will come
  };

  // Takes every queued event; `overflowed` stays true once set. Never blocks for long.
  Batch Take();
  // Stops deliveries and empties the queue. After it returns, `wake` is not called again.
  // Idempotent.
  void Cancel();

  const domain::LiveViewer& viewer() const { return viewer_; }

 private:
  friend class EventHub;
  enum class Delivery { kSkipped, kQueued, kOverflowed, kClosed };

  LiveSubscription(domain::LiveViewer viewer, std::function<void()> wake)
      : viewer_(std::move(viewer)), wake_(std::move(wake)) {}
  // Queues `event` if the viewer may see it, dropping the subscriber past `limit`.
  Delivery Deliver(const std::shared_ptr<const LiveEvent>& event, std::size_t limit);
  bool closed() const;

  const domain::LiveViewer viewer_;
  mutable std::mutex mu_;
  std::function<void()> wake_;                          // guarded by mu_; empty once closed
  std::deque<std::shared_ptr<const LiveEvent>> queue_;  // guarded by mu_
  bool overflowed_ = false;                             // guarded by mu_
  bool closed_ = false;                                 // guarded by mu_
};

class EventHub {
 public:
  // `clock` (which stamps events) and `metrics` must outlive the hub.
  EventHub(const Clock& clock, metrics::Registry& metrics, EventHubOptions options = {});

  // Subscribes `viewer`. `wake` is called, from a publisher's thread, when the queue goes
  // from empty to non-empty and when the subscriber overflows; it must not block nor call
  // back into the hub or the subscription (post to the reader's own thread instead).
  std::shared_ptr<LiveSubscription> Subscribe(domain::LiveViewer viewer,
                                              std::function<void()> wake);

  // Stamps `payload` with the clock's time and queues it for every subscriber allowed to see
  // it. Never blocks on a subscriber. REQUIRES: the change it reports is committed.
  void Publish(LivePayload payload);

  // The clock events are stamped with (for the stream's own notices).
  const Clock& clock() const { return clock_; }

 private:
  const Clock& clock_;
  const EventHubOptions options_;
  metrics::Counter* published_;
  metrics::Counter* overflows_;

  std::mutex mu_;
  std::vector<std::shared_ptr<LiveSubscription>> subscribers_;  // guarded by mu_
};

}  // namespace fr::engine
