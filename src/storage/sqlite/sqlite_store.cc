#include "storage/sqlite/sqlite_store.h"

#include <exception>
#include <string>
#include <utility>

#include "base/log.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_search.h"
#include "storage/sqlite/sqlite_txn.h"

namespace fr::storage::sqlite {
namespace {

Status InvalidOption(std::string message) {
  return Status(Errc::kInvalidArgument, "invalid_store_options", std::move(message));
}

Status RunCached(SqliteConnection& db, std::string_view sql) {
  FR_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  return st.Run();
}

// Runs one unit; a unit that throws is reported as kInternal (exceptions never leave the
// store, and the savepoint must still be closed).
Status RunUnit(const ports::WriteUnit& unit, ports::StoreTxn& txn) {
  if (!unit) return Status(Errc::kInternal, "store_error", "empty write unit");
  try {
    return unit(txn);
  } catch (const std::exception& e) {
    return Status(Errc::kInternal, "unit_threw", std::string("write unit threw: ") + e.what());
  } catch (...) {
    return Status(Errc::kInternal, "unit_threw", "write unit threw");
  }
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const SqliteOptions& options) {
  if (options.path.empty()) return InvalidOption("sqlite path is empty");
  if (options.path == ":memory:" || options.path.starts_with("file::memory:") ||
      options.path.find("mode=memory") != std::string::npos) {
    return InvalidOption(
        "sqlite path must be a file: an in-memory database cannot be shared "
        "by the reader connections");
  }
  if (options.reader_connections < 1) return InvalidOption("reader_connections must be >= 1");
  if (options.busy_timeout_ms < 0) return InvalidOption("busy_timeout_ms must be >= 0");

  ConnectionOptions conn_options{
      .path = options.path, .read_only = false, .busy_timeout_ms = options.busy_timeout_ms};
  FR_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> writer,
                      SqliteConnection::Open(conn_options));
  FR_ASSIGN_OR_RETURN(std::string mode, writer->QueryText("PRAGMA journal_mode = WAL"));
  if (mode != "wal") {
    return Status(Errc::kUnavailable, "store_unavailable",
                  "cannot switch " + options.path + " to WAL (journal_mode is '" + mode +
                      "'); is it on a network file system?");
  }
  // FULL: every COMMIT fsyncs the WAL, so a returned WriteBatch is durable (ingest contract).
  FR_RETURN_IF_ERROR(writer->Exec("PRAGMA synchronous = FULL"));
  FR_RETURN_IF_ERROR(writer->Exec("PRAGMA foreign_keys = ON"));
  // After a burst the WAL is truncated back to this size at the next checkpoint instead of
  // keeping its peak size on disk.
  FR_RETURN_IF_ERROR(writer->Exec("PRAGMA journal_size_limit = 67108864"));
  // The writer touches index pages all over the database on every batch; the default 2 MiB
  // page cache turns most of them into reads once the database outgrows it.
  FR_RETURN_IF_ERROR(writer->Exec("PRAGMA cache_size = -65536"));
  // Savepoints (one per delivery in a batch) keep a statement journal of the pages they
  // change; as temp files that is a create, many pwrites and an unlink per transaction.
  FR_RETURN_IF_ERROR(writer->Exec("PRAGMA temp_store = MEMORY"));
  // Before the migrations: 0008 fills the search columns with it.
  FR_RETURN_IF_ERROR(RegisterSearchFunctions(*writer));
  FR_RETURN_IF_ERROR(RegisterMetricsFunctions(*writer));
  FR_RETURN_IF_ERROR(ApplyMigrations(*writer, EmbeddedMigrations()));

  FR_ASSIGN_OR_RETURN(std::unique_ptr<ReaderPool> readers,
                      ReaderPool::Open(conn_options, options.reader_connections));
  FR_LOG(kInfo, "store", "sqlite store open path={} readers={}", options.path,
         options.reader_connections);
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(writer), std::move(readers)));
}

SqliteStore::SqliteStore(std::unique_ptr<SqliteConnection> writer,
                         std::unique_ptr<ReaderPool> readers)
    : writer_(std::move(writer)),
      readers_(std::move(readers)),
      people_(*readers_),
      work_(*readers_),
      replies_(*readers_),
      sla_(*readers_),
      drafts_(*readers_),
      insights_(*readers_),
      metrics_(*readers_),
      crisis_(*readers_),
      topics_(*readers_) {}

SqliteStore::~SqliteStore() {
  readers_.reset();  // close readers before the writer, which checkpoints on close
  writer_.reset();
}

std::vector<Status> SqliteStore::WriteBatch(std::span<const ports::WriteUnit> units,
                                            ports::Durability durability) {
  std::vector<Status> results(units.size());
  if (units.empty()) return results;
  std::lock_guard lock(write_mu_);
  SqliteConnection& db = *writer_;

  // FULL fsyncs the WAL at every commit; NORMAL leaves the sync to the next FULL commit or
  // checkpoint (WAL order makes that sync cover the earlier frames too).
  bool want_synced = durability == ports::Durability::kSynced;
  if (want_synced != synced_) {
    Status s = RunCached(db, want_synced ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    if (!s.ok()) {
      for (Status& r : results) r = Status(Errc::kUnavailable, "store_unavailable", s.message());
      return results;
    }
    synced_ = want_synced;
  }

  // Set when the transaction cannot be committed: nothing of the batch is stored.
  Status lost;
  if (Status begun = RunCached(db, "BEGIN IMMEDIATE"); !begun.ok()) {
    lost = begun;
  } else {
    SqliteTxn txn(db, case_hook_);
    for (std::size_t i = 0; i < units.size() && lost.ok(); ++i) {
      if (Status s = RunCached(db, "SAVEPOINT fr_unit"); !s.ok()) {
        lost = s;
        break;
      }
      Status unit_status = RunUnit(units[i], txn);
      // SQLite rolls the whole transaction back by itself after some failures (I/O error,
      // full disk); then the earlier units are gone too.
      if (db.InAutocommit()) {
        lost = unit_status.ok() ? Status(Errc::kUnavailable, "store_unavailable",
                                         "the transaction was rolled back by SQLite")
                                : unit_status;
        break;
      }
      if (!unit_status.ok()) {
        if (Status s = RunCached(db, "ROLLBACK TO fr_unit"); !s.ok()) {
          lost = s;
          break;
        }
        results[i] = std::move(unit_status);
      }
      if (Status s = RunCached(db, "RELEASE fr_unit"); !s.ok()) {
        lost = s;
        break;
      }
    }
    if (lost.ok() && batch_end_hook_) {
      const std::vector<ports::CaseId> touched = txn.TakeTouchedCases();
      if (!touched.empty()) {
        if (Status s = batch_end_hook_(txn, touched); !s.ok()) lost = s;
      }
    }
    if (lost.ok()) {
      if (Status s = RunCached(db, "COMMIT"); !s.ok()) lost = s;
    }
    if (!lost.ok() && !db.InAutocommit()) (void)RunCached(db, "ROLLBACK");
  }

  if (!lost.ok()) {
    FR_LOG(kWarn, "store", "sqlite batch not committed units={} error={}", units.size(),
           lost.ToString());
    Status unavailable(Errc::kUnavailable, "store_unavailable",
                       "batch not committed: " + lost.message());
    for (Status& s : results) s = unavailable;
  }
  return results;
}

Status SqliteStore::Ping() {
  {
    auto reader = readers_->Acquire();
    FR_RETURN_IF_ERROR(reader->QueryText("SELECT count(*) FROM schema_migrations").status());
  }
  // A batch in progress proves the writer works; otherwise check the writer connection.
  std::unique_lock lock(write_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return Status::Ok();
  return writer_->QueryText("SELECT count(*) FROM schema_migrations").status();
}

Result<std::string> SqliteStore::WriterPragmaForTest(std::string_view pragma) {
  std::lock_guard lock(write_mu_);
  return writer_->QueryText("PRAGMA " + std::string(pragma));
}

}  // namespace fr::storage::sqlite
