// Ingestor: the durable front door for verified webhook deliveries, in two stages on one
// writer thread (docs/architecture.md, "Ingest path"):
//
// 1. Append. Submit() queues a parsed delivery; the writer stores the raw bytes of many
//    queued deliveries in one synced transaction (group commit), then runs each delivery's
//    callback. Callers acknowledge the platform (HTTP 200) from that callback and never
//    before: an acknowledged delivery is on stable storage.
// 2. Thread. Appended deliveries are threaded (dedupe, conversation, case) in order, in
//    batches of deferred durability that also move the store's threaded-through cursor. The
//    threader is idempotent, so after a crash everything above the cursor is threaded again
//    from the stored bytes: nothing is lost or stored twice.
//
// Appends come first, so acknowledgements stay fast in a burst; threading runs in large
// batches whenever submissions pause for options.linger, and in small ones at least every
// options.thread_interval while they keep coming (so it always progresses). Parsed
// deliveries wait in memory up to options.memory_backlog; beyond that they are re-read from
// the store when their turn comes, so a long burst costs disk, not memory.
//
// Thread safety: Submit may be called from any thread. Callbacks and the threaded listener
// run on the writer thread and must not block; callbacks typically post the HTTP response
// back to the connection's executor, the listener publishes to the live feed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "base/clock.h"
#include "base/metrics.h"
#include "base/status.h"
#include "domain/inbound_event.h"
#include "engine/thread/threader.h"
#include "ports/store.h"

namespace fr::engine {

struct IngestOptions {
  size_t max_batch = 512;       // most deliveries appended per synced commit
  size_t thread_batch = 512;    // most deliveries threaded per deferred commit when idle
  size_t busy_thread_batch = 32;  // ... and while submissions keep arriving
  size_t memory_backlog = 20000;  // parsed deliveries kept in memory awaiting threading
  std::chrono::microseconds linger{5000};       // a pause this long lets threading run
  std::chrono::milliseconds thread_interval{50};  // threading runs at least this often
  ThreadingOptions threading;
};

// Parses a stored delivery's raw bytes again, by the channel that received it ("x", "meta").
using DeliveryParser =
    std::function<Result<domain::ParsedDelivery>(std::string_view channel, std::string_view body)>;

// Told what each threading batch filed, after its commit (never for work rolled back).
using ThreadedListener = std::function<void(const ApplyNotes&)>;

class Ingestor {
 public:
  using Callback = std::function<void(const Status&)>;

  // `store`, `clock` and `metrics` must outlive the Ingestor. `reparse` re-parses deliveries
  // that are threaded from the store (after a crash, or beyond options.memory_backlog).
  // `on_threaded` may be empty.
  Ingestor(ports::Store& store, const Clock& clock, metrics::Registry& metrics,
           IngestOptions options, DeliveryParser reparse, ThreadedListener on_threaded = {});
  // Stops (see Stop) if still running.
  ~Ingestor();

  Ingestor(const Ingestor&) = delete;
  Ingestor& operator=(const Ingestor&) = delete;

  // Reads the store's cursors (stored deliveries above the threaded-through cursor are
  // threaded first) and starts the writer thread. Errors: the store's, when it cannot be read.
  Status Start();

  enum class StopMode {
    kLeaveBacklog,  // return once queued deliveries are appended; threading resumes at the
                    // next Start (what a graceful server shutdown does: fast, nothing lost)
    kDrainBacklog,  // also thread every appended delivery first
  };
  // Refuses new submissions, appends everything already queued (running its callbacks), and
  // joins the writer. Idempotent.
  void Stop(StopMode mode = StopMode::kLeaveBacklog);

  // Queues one verified delivery from channel `channel` ("x", "meta") with its raw bytes.
  // `done` gets OK once the delivery is durable, or an error: kUnavailable if the store
  // failed or the ingestor is stopped (the platform should retry). A delivery with no events
  // (all skipped) is acknowledged at once without a write.
  void Submit(std::string channel, std::string raw_body, domain::ParsedDelivery delivery,
              Callback done);

  // True while the writer runs and accepts submissions (for /readyz).
  bool Running() const;

 private:
  struct Pending {
    std::string channel;
    std::string raw_body;
    domain::ParsedDelivery delivery;
    Callback done;
    UnixMillis submitted_at = 0;
  };
  struct Appended {
    std::int64_t delivery_id = 0;
    UnixMillis received_at = 0;
    domain::ParsedDelivery delivery;
  };

  void WriterLoop();
  // Stage 1: stores `batch` durably, runs the callbacks, queues the deliveries for threading.
  void AppendBatch(std::deque<Pending>& batch);
  // Stage 2: threads up to `max` of the oldest unthreaded deliveries. Returns false if the
  // store failed (they will be tried again).
  bool ThreadBatch(size_t max);
  // Fills `work` with up to `max` next deliveries to thread from the store (spilled or
  // recovered).
  Status LoadSpilled(size_t max, std::deque<Appended>& work);
  bool HasThreadingWork() const { return !backlog_.empty() || spilled_; }
  void UpdateBacklogGauge();

  ports::Store& store_;
  const Clock& clock_;
  const IngestOptions options_;
  const Threader threader_;
  const DeliveryParser reparse_;
  const ThreadedListener on_threaded_;

  metrics::Histogram* batch_size_;
  metrics::Histogram* latency_;
  metrics::Histogram* thread_batch_size_;
  metrics::Histogram* thread_lag_;
  metrics::Gauge* backlog_gauge_;
  metrics::Counter* outcome_[4];
  metrics::Counter* write_failures_;
  metrics::Counter* thread_failures_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;  // guarded by mu_
  bool accepting_ = false;     // guarded by mu_
  bool stopping_ = false;      // guarded by mu_
  StopMode stop_mode_ = StopMode::kLeaveBacklog;  // guarded by mu_
  std::thread writer_;

  // Threading state, owned by the writer thread (and by Start() before the writer exists).
  std::deque<Appended> backlog_;       // parsed, unthreaded, oldest first
  bool spilled_ = false;               // unthreaded deliveries exist only in the store, after
                                       // everything in backlog_
  std::int64_t appended_through_ = 0;  // id of the newest appended delivery
  std::int64_t threaded_through_ = 0;  // id of the newest threaded delivery
  std::chrono::steady_clock::time_point last_thread_batch_;
};

}  // namespace fr::engine
