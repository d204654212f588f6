#include "engine/ingest/ingestor.h"

#include <vector>

#include "base/log.h"

namespace fr::engine {

Ingestor::Ingestor(ports::Store& store, const Clock& clock, metrics::Registry& metrics,
                   IngestOptions options)
    : store_(store), clock_(clock), options_(options), threader_(options.threading) {
  batch_size_ = metrics.GetHistogram("feedroom_store_commit_batch_size",
                                     "Deliveries written per durable store commit.",
                                     {1, 2, 4, 8, 16, 32, 64, 128, 256, 512});
  latency_ = metrics.GetHistogram(
      "feedroom_ingest_latency_seconds",
      "Time from a verified delivery's submission until it is durable.",
      {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5});
  for (ApplyOutcome o : {ApplyOutcome::kStored, ApplyOutcome::kDuplicate, ApplyOutcome::kRevised,
                         ApplyOutcome::kOrphan}) {
    outcome_[static_cast<int>(o)] = metrics.GetCounter(
        "feedroom_ingest_events_total", "Inbound events by what ingest did with them.",
        {{"outcome", std::string(ApplyOutcomeName(o))}});
  }
  write_failures_ = metrics.GetCounter("feedroom_ingest_write_failures_total",
                                       "Deliveries whose store write failed (the platform retries).");
}

Ingestor::~Ingestor() { Stop(); }

void Ingestor::Start() {
  std::lock_guard lock(mu_);
  if (accepting_ || writer_.joinable()) return;
  accepting_ = true;
  stopping_ = false;
  writer_ = std::thread([this] { WriterLoop(); });
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
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping and drained
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    WriteBatch(batch);
    batch.clear();
  }
}

void Ingestor::WriteBatch(std::deque<Pending>& batch) {
  UnixMillis now = clock_.NowMillis();
  std::vector<std::vector<ApplyOutcome>> outcomes(batch.size());
  std::vector<ports::WriteUnit> units;
  units.reserve(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    units.push_back([this, &batch, &outcomes, i, now](ports::StoreTxn& txn) -> Status {
      const Pending& p = batch[i];
      outcomes[i].clear();  // a unit may be retried after a rollback
      FR_ASSIGN_OR_RETURN(std::int64_t delivery_id, txn.InsertDelivery(p.channel, now, p.raw_body));
      for (const auto& event : p.delivery.events) {
        FR_ASSIGN_OR_RETURN(ApplyOutcome o, threader_.Apply(txn, event, delivery_id, now));
        outcomes[i].push_back(o);
      }
      return Status::Ok();
    });
  }
  std::vector<Status> results = store_.WriteBatch(units);
  batch_size_->Observe(static_cast<double>(batch.size()));

  UnixMillis done_at = clock_.NowMillis();
  for (size_t i = 0; i < batch.size(); ++i) {
    const Status& s = results[i];
    if (s.ok()) {
      for (ApplyOutcome o : outcomes[i]) outcome_[static_cast<int>(o)]->Add();
      latency_->Observe(static_cast<double>(done_at - batch[i].submitted_at) / 1000.0);
    } else {
      write_failures_->Add();
      FR_LOG(kError, "ingest", "delivery write failed channel={} error={}", batch[i].channel,
             s.ToString());
    }
    batch[i].done(s);
  }
}

}  // namespace fr::engine
