#include "engine/ingest/ingestor.h"

#include <chrono>
#include <vector>

#include "base/log.h"

namespace fr::engine {

Ingestor::Ingestor(ports::Store& store, const Clock& clock, metrics::Registry& metrics,
                   IngestOptions options, DeliveryParser reparse)
    : store_(store),
      clock_(clock),
      options_(options),
      threader_(options.threading),
      reparse_(std::move(reparse)) {
  batch_size_ = metrics.GetHistogram("feedroom_store_commit_batch_size",
                                     "Deliveries appended per synced store commit.",
                                     {1, 2, 4, 8, 16, 32, 64, 128, 256, 512});
  latency_ = metrics.GetHistogram(
      "feedroom_ingest_latency_seconds",
      "Time from a verified delivery's submission until it is durable (acknowledged).",
      {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5});
  thread_batch_size_ = metrics.GetHistogram("feedroom_thread_batch_size",
                                            "Deliveries threaded per deferred store commit.",
                                            {1, 4, 16, 64, 256, 1024});
  backlog_gauge_ = metrics.GetGauge("feedroom_ingest_backlog",
                                    "Deliveries acknowledged but not yet threaded into cases.");
  for (ApplyOutcome o : {ApplyOutcome::kStored, ApplyOutcome::kDuplicate, ApplyOutcome::kRevised,
                         ApplyOutcome::kOrphan}) {
    outcome_[static_cast<int>(o)] = metrics.GetCounter(
        "feedroom_ingest_events_total", "Inbound events by what threading did with them.",
        {{"outcome", std::string(ApplyOutcomeName(o))}});
  }
  write_failures_ = metrics.GetCounter("feedroom_ingest_write_failures_total",
                                       "Deliveries whose append failed (the platform retries).");
  thread_failures_ = metrics.GetCounter(
      "feedroom_threading_failures_total",
      "Stored deliveries that could not be threaded (kept raw for audit; see the log).");
}

Ingestor::~Ingestor() { Stop(); }

Status Ingestor::Start() {
  {
    std::lock_guard lock(mu_);
    if (accepting_ || writer_.joinable()) return Status::Ok();
  }
  // Recovery: deliveries acknowledged before a crash but not threaded.
  FR_ASSIGN_OR_RETURN(std::int64_t done, store_.ThreadedThrough());
  std::int64_t recovered = 0;
  for (;;) {
    FR_ASSIGN_OR_RETURN(auto stored, store_.DeliveriesAfter(done, static_cast<int>(options_.thread_batch)));
    if (stored.empty()) break;
    for (auto& d : stored) {
      Result<domain::ParsedDelivery> parsed = reparse_(d.channel, d.body);
      if (!parsed.ok()) {
        thread_failures_->Add();
        FR_LOG(kError, "ingest", "stored delivery {} cannot be parsed again: {}", d.id,
               parsed.status().ToString());
        parsed = domain::ParsedDelivery{};
      }
      backlog_.push_back({d.id, d.received_at, std::move(parsed).value()});
      done = d.id;
    }
    recovered += static_cast<std::int64_t>(stored.size());
    while (!backlog_.empty()) {
      if (!ThreadBatch()) return Status(Errc::kUnavailable, "store_unavailable", "recovery failed");
    }
  }
  if (recovered > 0) FR_LOG(kInfo, "ingest", "recovered {} unthreaded deliveries", recovered);

  std::lock_guard lock(mu_);
  accepting_ = true;
  stopping_ = false;
  writer_ = std::thread([this] { WriterLoop(); });
  return Status::Ok();
}

void Ingestor::Stop() {
  {
    std::lock_guard lock(mu_);
    accepting_ = false;
    stopping_ = true;
  }
  cv_.notify_all();
  if (writer_.joinable()) writer_.join();
}

bool Ingestor::Running() const {
  std::lock_guard lock(mu_);
  return accepting_;
}

void Ingestor::Submit(std::string channel, std::string raw_body, domain::ParsedDelivery delivery,
                      Callback done) {
  if (delivery.events.empty()) {
    done(Status::Ok());
    return;
  }
  Pending p{std::move(channel), std::move(raw_body), std::move(delivery), std::move(done),
            clock_.NowMillis()};
  {
    std::unique_lock lock(mu_);
    if (accepting_) {
      queue_.push_back(std::move(p));
      lock.unlock();
      cv_.notify_one();
      return;
    }
  }
  p.done(Status(Errc::kUnavailable, "shutting_down", "the server is shutting down"));
}

void Ingestor::WriterLoop() {
  std::deque<Pending> batch;
  for (;;) {
    bool more_queued = false;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return !queue_.empty() || !backlog_.empty() || stopping_; });
      if (queue_.empty() && backlog_.empty()) return;  // stopping, and all work is done
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      more_queued = !queue_.empty();
    }
    if (!batch.empty()) {
      AppendBatch(batch);
      batch.clear();
      std::lock_guard lock(mu_);
      more_queued = !queue_.empty();
    }
    // Thread when nothing waits to be acknowledged, or when the backlog is too long.
    if (!backlog_.empty() && (!more_queued || backlog_.size() > options_.backlog_high_water)) {
      if (!ThreadBatch()) {
        // The backlog is durable: on shutdown leave it to the next start's recovery.
        {
          std::lock_guard lock(mu_);
          if (stopping_ && queue_.empty()) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }
}

void Ingestor::AppendBatch(std::deque<Pending>& batch) {
  UnixMillis now = clock_.NowMillis();
  std::vector<std::int64_t> ids(batch.size(), 0);
  std::vector<ports::WriteUnit> units;
  units.reserve(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    units.push_back([&batch, &ids, i, now](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(ids[i], txn.InsertDelivery(batch[i].channel, now, batch[i].raw_body));
      return Status::Ok();
    });
  }
  std::vector<Status> results = store_.WriteBatch(units, ports::Durability::kSynced);
  batch_size_->Observe(static_cast<double>(batch.size()));

  UnixMillis done_at = clock_.NowMillis();
  for (size_t i = 0; i < batch.size(); ++i) {
    const Status& s = results[i];
    if (s.ok()) {
      latency_->Observe(static_cast<double>(done_at - batch[i].submitted_at) / 1000.0);
      backlog_.push_back({ids[i], now, std::move(batch[i].delivery)});
    } else {
      write_failures_->Add();
      FR_LOG(kError, "ingest", "delivery append failed channel={} error={}", batch[i].channel,
             s.ToString());
    }
  }
  // Before the callbacks: once a client sees its 200, the backlog already counts it.
  backlog_gauge_->Set(static_cast<std::int64_t>(backlog_.size()));
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(results[i]);
}

bool Ingestor::ThreadBatch() {
  size_t n = std::min(backlog_.size(), options_.thread_batch);
  std::vector<std::vector<ApplyOutcome>> outcomes(n);
  std::vector<ports::WriteUnit> units;
  units.reserve(n + 1);
  for (size_t i = 0; i < n; ++i) {
    units.push_back([this, &outcomes, i](ports::StoreTxn& txn) -> Status {
      const Appended& a = backlog_[i];
      outcomes[i].clear();
      for (const auto& event : a.delivery.events) {
        FR_ASSIGN_OR_RETURN(ApplyOutcome o,
                            threader_.Apply(txn, event, a.delivery_id, a.received_at));
        outcomes[i].push_back(o);
      }
      return Status::Ok();
    });
  }
  std::int64_t last_id = backlog_[n - 1].delivery_id;
  units.push_back([last_id](ports::StoreTxn& txn) { return txn.SetThreadedThrough(last_id); });

  std::vector<Status> results = store_.WriteBatch(units, ports::Durability::kDeferred);
  if (!results.back().ok()) {
    // The cursor unit failed, so the commit did not happen or will be redone: retry later.
    FR_LOG(kError, "ingest", "threading batch failed: {}", results.back().ToString());
    return false;
  }
  thread_batch_size_->Observe(static_cast<double>(n));
  for (size_t i = 0; i < n; ++i) {
    if (results[i].ok()) {
      for (ApplyOutcome o : outcomes[i]) outcome_[static_cast<int>(o)]->Add();
    } else {
      // A deterministic failure for this delivery alone; its raw bytes stay stored.
      thread_failures_->Add();
      FR_LOG(kError, "ingest", "delivery {} could not be threaded: {}", backlog_[i].delivery_id,
             results[i].ToString());
    }
  }
  backlog_.erase(backlog_.begin(), backlog_.begin() + static_cast<long>(n));
  backlog_gauge_->Set(static_cast<std::int64_t>(backlog_.size()));
  return true;
}

}  // namespace fr::engine
