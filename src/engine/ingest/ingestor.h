// Ingestor: the durable front door for verified webhook deliveries, with group commit.
//
// Submit() queues a parsed delivery; one writer thread drains the queue and writes many
// deliveries in one store transaction (each in its own savepoint), so throughput is not
// bounded by the disk's sync rate, while each delivery's callback runs only after the
// transaction holding it is durable. Callers acknowledge the platform (HTTP 200) from that
// callback and never before.
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
  // The most deliveries written in one transaction.
  size_t max_batch = 512;
  ThreadingOptions threading;
};

class Ingestor {
 public:
  using Callback = std::function<void(const Status&)>;

  // `store`, `clock` and `metrics` must outlive the Ingestor.
  Ingestor(ports::Store& store, const Clock& clock, metrics::Registry& metrics,
           IngestOptions options);
  // Stops (see Stop) if still running.
  ~Ingestor();

  Ingestor(const Ingestor&) = delete;
  Ingestor& operator=(const Ingestor&) = delete;

  // Starts the writer thread.
  void Start();
  // Refuses new submissions, writes everything already queued, runs its callbacks, and joins
  // the writer. Idempotent.
  void Stop();

  // Queues one verified delivery from channel `channel` ("x", "meta") with its raw bytes.
  // `done` gets OK once everything in it is durable (or was a duplicate), or an error:
  // kUnavailable if the store failed or the ingestor is stopped (the platform should retry).
  // A delivery with no events (all skipped) is acknowledged at once without a write.
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

  void WriterLoop();
  void WriteBatch(std::deque<Pending>& batch);

  ports::Store& store_;
  const Clock& clock_;
  const IngestOptions options_;
  const Threader threader_;

  metrics::Histogram* batch_size_;
  metrics::Histogram* latency_;
  metrics::Counter* outcome_[4];
  metrics::Counter* write_failures_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;  // guarded by mu_
  bool accepting_ = false;     // guarded by mu_
  bool stopping_ = false;      // guarded by mu_
  std::thread writer_;
};

}  // namespace fr::engine
