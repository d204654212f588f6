// Ingestor: the durable front door for verified webhook deliveries, in two stages on one
// writer thread (docs/architecture.md, "Ingest path"):
//
// 1. Append. Submit() queues a parsed delivery; the writer stores the raw bytes of many
//    queued deliveries in one synced transaction (group commit), then runs each delivery's
//    callback. Callers acknowledge the platform (HTTP 200) from that callback and never
//    before: an acknowledged delivery is on stable storage.
// 2. Thread. Appended deliveries are threaded (dedupe, conversation, case) in larger batches
//    of deferred durability, together with the store's threaded-through cursor. After a crash
//    Start() threads every stored delivery above the cursor again from its raw bytes; the
//    threader is idempotent, so nothing is lost or stored twice.
//
// Appends take priority so acknowledgements stay fast during bursts; when the threading
// backlog passes options.backlog_high_water, every append batch is followed by a threading
// batch, which slows acknowledgements down to the threading rate (backpressure).
//
// Thread safety: Submit may be called from any thread. Callbacks run on the writer thread and
// must not block; they typically post the HTTP response back to the connection's executor.
#pragma once

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
  size_t max_batch = 512;            // most deliveries appended per synced commit
  size_t thread_batch = 512;         // most deliveries threaded per deferred commit
  size_t backlog_high_water = 20000;  // appended but unthreaded deliveries before backpressure
  ThreadingOptions threading;
};

// Parses a stored delivery's raw bytes again, by the channel that received it ("x", "meta").
using DeliveryParser =
    std::function<Result<domain::ParsedDelivery>(std::string_view channel, std::string_view body)>;

class Ingestor {
 public:
  using Callback = std::function<void(const Status&)>;

  // `store`, `clock` and `metrics` must outlive the Ingestor. `reparse` is used by Start() to
  // recover deliveries that were appended but not threaded before a crash.
  Ingestor(ports::Store& store, const Clock& clock, metrics::Registry& metrics,
           IngestOptions options, DeliveryParser reparse);
  // Stops (see Stop) if still running.
  ~Ingestor();

  Ingestor(const Ingestor&) = delete;
  Ingestor& operator=(const Ingestor&) = delete;

  // Threads every stored delivery above the store's threaded-through cursor, then starts the
  // writer thread. Errors: the store's (kUnavailable) when it cannot be read or written.
  Status Start();
  // Refuses new submissions, appends everything already queued (running its callbacks),
  // threads the whole backlog, and joins the writer. Idempotent.
  void Stop();

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
  // Stage 1: stores `batch` durably, runs the callbacks, moves the deliveries to backlog_.
  void AppendBatch(std::deque<Pending>& batch);
  // Stage 2: threads up to thread_batch deliveries from the front of backlog_. Returns false
  // if the store failed (the deliveries stay in the backlog to be tried again).
  bool ThreadBatch();

  ports::Store& store_;
  const Clock& clock_;
  const IngestOptions options_;
  const Threader threader_;
  const DeliveryParser reparse_;

  metrics::Histogram* batch_size_;
  metrics::Histogram* latency_;
  metrics::Histogram* thread_batch_size_;
  metrics::Gauge* backlog_gauge_;
  metrics::Counter* outcome_[4];
  metrics::Counter* write_failures_;
  metrics::Counter* thread_failures_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;  // guarded by mu_
  bool accepting_ = false;     // guarded by mu_
  bool stopping_ = false;      // guarded by mu_
  std::thread writer_;

  // Appended, not yet threaded; oldest first. Owned by the writer thread (and by Start()
  // before the writer exists).
  std::deque<Appended> backlog_;
};

}  // namespace fr::engine
