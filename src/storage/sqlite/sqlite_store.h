// SqliteStore: ports::Store on one SQLite database file, the embedded default.
//
// One writer connection, used only inside WriteBatch: one BEGIN IMMEDIATE ... COMMIT per batch
// with a SAVEPOINT per unit (group commit). The database runs in WAL mode with
// synchronous=FULL, so every COMMIT fsyncs the WAL: when WriteBatch returns, the batch
// survives a crash or power loss. Reads go through a pool of read-only connections on the same
// file, which WAL lets read the last committed state while a batch is being written.
//
// Thread safety: as ports::Store says. WriteBatch is serialised by a mutex (the port allows one
// writer thread at a time anyway); the read methods may be called from any thread and block
// only while all reader connections are busy. Several SqliteStores (or processes) may open the
// same file: their writes are serialised by SQLite's write lock (waiting up to
// busy_timeout_ms, then kUnavailable).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "ports/store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_drafts.h"
#include "storage/sqlite/sqlite_insights.h"
#include "storage/sqlite/sqlite_crisis.h"
#include "storage/sqlite/sqlite_metrics.h"
#include "storage/sqlite/sqlite_topics.h"
#include "storage/sqlite/sqlite_people.h"
#include "storage/sqlite/sqlite_replies.h"
#include "storage/sqlite/sqlite_sla.h"
#include "storage/sqlite/sqlite_work.h"
#include "storage/sqlite/sqlite_reader_pool.h"

namespace fr::storage::sqlite {

struct SqliteOptions {
  // The database file; created if missing. Must be a real file: ":memory:" cannot be shared
  // by the separate reader connections (tests use a file in a temporary directory).
  std::string path;
  // Read-only connections for the query methods; the number of reads that can run at once.
  int reader_connections = 4;
  // How long a connection waits for a lock held by another connection or process before
  // failing with kUnavailable.
  int busy_timeout_ms = 5000;
};

class SqliteStore final : public ports::Store {
 public:
  // Opens (creating if needed) the database at options.path, switches it to WAL, and applies
  // the embedded migrations.
  // Returns kInvalidArgument for a bad option (empty path, ":memory:", reader_connections < 1),
  // kInternal with reason "schema_too_new" if the database was migrated by a newer binary,
  // kUnavailable if the file cannot be opened, locked or written.
  static Result<std::unique_ptr<SqliteStore>> Open(const SqliteOptions& options);
  ~SqliteStore() override;

  // ports::Store
  std::vector<Status> WriteBatch(std::span<const ports::WriteUnit> units,
                                 ports::Durability durability = ports::Durability::kSynced) override;
  Result<std::int64_t> LastDeliveryId() override;
  Result<std::int64_t> ThreadedThrough() override;
  Result<std::vector<ports::StoredDelivery>> DeliveriesAfter(std::int64_t after_id,
                                                             int limit) override;
  Result<ports::CasePage> ListCases(const ports::CaseFilter& filter,
                                    const std::optional<ports::CaseCursor>& after,
                                    int limit) override;
  Result<std::optional<ports::CaseDetail>> GetCaseDetail(ports::CaseId id) override;
  Result<std::optional<ports::StoredMessage>> GetMessage(domain::Platform platform,
                                                         std::string_view external_id) override;
  Result<std::int64_t> CountMessages() override;
  Status Ping() override;
  ports::PeopleReader& people() override { return people_; }
  ports::WorkReader& work() override { return work_; }
  ports::ReplyReader& replies() override { return replies_; }
  ports::SlaReader& sla() override { return sla_; }
  ports::DraftReader& drafts() override { return drafts_; }
  ports::InsightReader& insights() override { return insights_; }
  ports::MetricsReader& metrics() override { return metrics_; }
  ports::CrisisReader& crisis() override { return crisis_; }
  ports::TopicReader& topics() override { return topics_; }
  void SetCaseWriteHook(ports::CaseWriteHook hook) override { case_hook_ = std::move(hook); }
  void SetBatchEndHook(ports::BatchEndHook hook) override { batch_end_hook_ = std::move(hook); }

  // Extra methods (for testing) that are not in the port.
  // Runs a PRAGMA (e.g. "synchronous") on the writer connection and returns its value as text.
  Result<std::string> WriterPragmaForTest(std::string_view pragma);
  // The EXPLAIN QUERY PLAN lines ("SEARCH c USING INDEX ...") of the statement ListCases runs
  // for these arguments; empty when it runs none.
  Result<std::vector<std::string>> ListCasesPlanForTest(
      const ports::CaseFilter& filter, const std::optional<ports::CaseCursor>& after, int limit);

 private:
  SqliteStore(std::unique_ptr<SqliteConnection> writer, std::unique_ptr<ReaderPool> readers);

  // Runs `body` on a leased reader inside one read transaction, so that several queries see
  // one snapshot of the database.
  template <typename T, typename F>
  Result<T> WithReadSnapshot(F&& body);

  std::mutex write_mu_;  // held for the whole of WriteBatch; guards writer_, synced_
  // The writer's current PRAGMA synchronous: true for FULL, false for NORMAL.
  bool synced_ = true;
  // Declared before readers_ so it is closed last: the last connection to close checkpoints
  // the WAL back into the database file.
  std::unique_ptr<SqliteConnection> writer_;
  std::unique_ptr<ReaderPool> readers_;
  SqlitePeopleReader people_;
  SqliteWorkReader work_;
  SqliteReplyReader replies_;
  SqliteSlaReader sla_;
  SqliteDraftReader drafts_;
  SqliteInsightReader insights_;
  SqliteMetricsReader metrics_;
  SqliteCrisisReader crisis_;
  SqliteTopicReader topics_;
  ports::CaseWriteHook case_hook_;  // run by every transaction's case writes; may be empty
  ports::BatchEndHook batch_end_hook_;  // run before every commit that touched cases; may be empty
};

}  // namespace fr::storage::sqlite
