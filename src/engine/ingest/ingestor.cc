#include "engine/ingest/ingestor.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "base/log.h"

namespace fr::engine {

Ingestor::Ingestor(ports::Store& store, const Clock& clock, metrics::Registry& metrics,
                   IngestOptions options, DeliveryParser reparse, ThreadedListener on_threaded)
    : store_(store),
      clock_(clock),
      options_(options),
      threader_(options.threading),
      reparse_(std::move(reparse)),
      on_threaded_(std::move(on_threaded)) {
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
  thread_lag_ = metrics.GetHistogram(
      "feedroom_threading_lag_seconds",
      "Time from a delivery's append until its messages are threaded into cases.",
      {0.005, 0.025, 0.1, 0.5, 1, 5, 30, 120, 600});
  backlog_gauge_ = metrics.GetGauge(
      "feedroom_ingest_backlog", "Deliveries acknowledged but not yet threaded into cases.");
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
  FR_ASSIGN_OR_RETURN(threaded_through_, store_.ThreadedThrough());
  FR_ASSIGN_OR_RETURN(appended_through_, store_.LastDeliveryId());
  spilled_ = appended_through_ > threaded_through_;
  if (spilled_) {
    FR_LOG(kInfo, "ingest", "resuming threading after delivery {} (newest is {})",
           threaded_through_, appended_through_);
  }
  UpdateBacklogGauge();
  last_thread_batch_ = std::chrono::steady_clock::now();

  std::lock_guard lock(mu_);
  accepting_ = true;
  stopping_ = false;
  writer_ = std::thread([this] { WriterLoop(); });
  return Status::Ok();
}

void Ingestor::Stop(StopMode mode) {
  {
    std::lock_guard lock(mu_);
    accepting_ = false;
    stopping_ = true;
    stop_mode_ = mode;
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
      cv_.wait(lock, [this] { return !queue_.empty() || stopping_ || HasThreadingWork(); });
      if (stopping_ && queue_.empty() &&
          (stop_mode_ == StopMode::kLeaveBacklog || !HasThreadingWork())) {
        return;
      }
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    size_t thread_max = options_.thread_batch;
    if (!batch.empty()) {
      AppendBatch(batch);
      batch.clear();
      // Acknowledgements first, unless threading has waited too long.
      if (std::chrono::steady_clock::now() - last_thread_batch_ < options_.thread_interval) {
        continue;
      }
      thread_max = options_.busy_thread_batch;
    } else {
      // Nothing to append: give the clients just acknowledged a moment to send more.
      std::unique_lock lock(mu_);
      if (!stopping_ && cv_.wait_for(lock, options_.linger, [this] { return !queue_.empty() || stopping_; })) {
        continue;
      }
    }
    if (HasThreadingWork() && !ThreadBatch(thread_max)) {
      std::unique_lock lock(mu_);
      if (stopping_) return;  // the backlog is durable: the next Start resumes it
      cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stopping_; });
    }
  }
}

void Ingestor::AppendBatch(std::deque<Pending>& batch) {
  UnixMillis now = clock_.NowMillis();
  std::vector<std::int64_t> ids(batch.size(), 0);
  // One unit for the whole batch: an INSERT of raw bytes fails only when the store does
  // (busy, full, I/O), and then the whole batch fails anyway; savepoints would only cost.
  ports::WriteUnit unit = [&batch, &ids, now](ports::StoreTxn& txn) -> Status {
    for (size_t i = 0; i < batch.size(); ++i) {
      FR_ASSIGN_OR_RETURN(ids[i], txn.InsertDelivery(batch[i].channel, now, batch[i].raw_body));
    }
    return Status::Ok();
  };
  Status written = store_.WriteBatch(std::span<const ports::WriteUnit>(&unit, 1),
                                     ports::Durability::kSynced)
                       .front();
  std::vector<Status> results(batch.size(), written);
  batch_size_->Observe(static_cast<double>(batch.size()));

  UnixMillis done_at = clock_.NowMillis();
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!results[i].ok()) {
      write_failures_->Add();
      FR_LOG(kError, "ingest", "delivery append failed channel={} error={}", batch[i].channel,
             results[i].ToString());
      continue;
    }
    latency_->Observe(static_cast<double>(done_at - batch[i].submitted_at) / 1000.0);
    appended_through_ = std::max(appended_through_, ids[i]);
    // Keep order: once one delivery waits in the store only, all later ones do too.
    if (!spilled_ && backlog_.size() < options_.memory_backlog) {
      backlog_.push_back({ids[i], now, std::move(batch[i].delivery)});
    } else {
      spilled_ = true;
    }
  }
  // Before the callbacks: once a client sees its 200, the backlog already counts it.
  UpdateBacklogGauge();
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(results[i]);
}

Status Ingestor::LoadSpilled(size_t max, std::deque<Appended>& work) {
  FR_ASSIGN_OR_RETURN(auto stored, store_.DeliveriesAfter(threaded_through_, static_cast<int>(max)));
  for (auto& d : stored) {
    Result<domain::ParsedDelivery> parsed = reparse_(d.channel, d.body);
    if (!parsed.ok()) {
      thread_failures_->Add();
      FR_LOG(kError, "ingest", "stored delivery {} cannot be parsed again: {}", d.id,
             parsed.status().ToString());
      parsed = domain::ParsedDelivery{};
    }
    work.push_back({d.id, d.received_at, std::move(parsed).value()});
  }
  return Status::Ok();
}

bool Ingestor::ThreadBatch(size_t max) {
  last_thread_batch_ = std::chrono::steady_clock::now();
  // The oldest unthreaded deliveries are in memory, or, if memory holds none, in the store.
  std::deque<Appended> loaded;
  bool from_memory = !backlog_.empty();
  if (!from_memory) {
    if (Status s = LoadSpilled(max, loaded); !s.ok()) {
      FR_LOG(kError, "ingest", "cannot read stored deliveries: {}", s.ToString());
      return false;
    }
    if (loaded.empty()) {  // caught up with the store
      spilled_ = false;
      UpdateBacklogGauge();
      return true;
    }
  }
  std::deque<Appended>& source = from_memory ? backlog_ : loaded;
  size_t n = std::min(source.size(), max);

  std::vector<std::vector<ApplyOutcome>> outcomes(n);
  std::vector<ApplyNotes> notes(n);
  ApplyNotes* const want_notes = on_threaded_ ? notes.data() : nullptr;
  std::vector<ports::WriteUnit> units;
  units.reserve(n + 1);
  for (size_t i = 0; i < n; ++i) {
    units.push_back([this, &source, &outcomes, want_notes, i](ports::StoreTxn& txn) -> Status {
      const Appended& a = source[i];
      outcomes[i].clear();
      ApplyNotes* unit_notes = want_notes != nullptr ? want_notes + i : nullptr;
      if (unit_notes != nullptr) *unit_notes = ApplyNotes{};
      for (const auto& event : a.delivery.events) {
        FR_ASSIGN_OR_RETURN(ApplyOutcome o, threader_.Apply(txn, event, a.delivery_id,
                                                             a.received_at, unit_notes));
        outcomes[i].push_back(o);
      }
      return Status::Ok();
    });
  }
  std::int64_t last_id = source[n - 1].delivery_id;
  units.push_back([last_id](ports::StoreTxn& txn) { return txn.SetThreadedThrough(last_id); });

  std::vector<Status> results = store_.WriteBatch(units, ports::Durability::kDeferred);
  if (!results.back().ok()) {
    // Not committed (or the cursor did not move): the same deliveries come again next time.
    FR_LOG(kError, "ingest", "threading batch failed: {}", results.back().ToString());
    return false;
  }
  thread_batch_size_->Observe(static_cast<double>(n));
  UnixMillis now = clock_.NowMillis();
  ApplyNotes committed;
  for (size_t i = 0; i < n; ++i) {
    thread_lag_->Observe(static_cast<double>(now - source[i].received_at) / 1000.0);
    if (results[i].ok()) {
      for (ApplyOutcome o : outcomes[i]) outcome_[static_cast<int>(o)]->Add();
      std::ranges::move(notes[i].messages, std::back_inserter(committed.messages));
      std::ranges::move(notes[i].replies, std::back_inserter(committed.replies));
    } else {
      // A failure of this delivery alone (it was rolled back); its raw bytes stay stored.
      thread_failures_->Add();
      FR_LOG(kError, "ingest", "delivery {} could not be threaded: {}", source[i].delivery_id,
             results[i].ToString());
    }
  }
  threaded_through_ = last_id;
  if (from_memory) backlog_.erase(backlog_.begin(), backlog_.begin() + static_cast<long>(n));
  UpdateBacklogGauge();
  if (on_threaded_ && (!committed.messages.empty() || !committed.replies.empty())) {
    on_threaded_(committed);
  }
  return true;
}

void Ingestor::UpdateBacklogGauge() {
  // Ids are the store's rowids, so the difference counts the unthreaded deliveries.
  backlog_gauge_->Set(appended_through_ - threaded_through_);
}

}  // namespace fr::engine
