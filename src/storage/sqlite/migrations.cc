#include "storage/sqlite/migrations.h"

#include <string>

#include "base/log.h"

namespace fr::storage::sqlite {
namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version    INTEGER PRIMARY KEY,"
    " name       TEXT    NOT NULL,"
    " applied_at INTEGER NOT NULL"  // UTC ms
    ") STRICT";

Status TooNew(int found, int latest) {
  return Status(Errc::kInternal, "schema_too_new",
                "the database has schema version " + std::to_string(found) +
                    " but this binary knows versions up to " + std::to_string(latest) +
                    "; it was written by a newer Feedroom: run that version, or restore a "
                    "backup made for this one");
}

// Applies `m` unless another process got there first. Rolls back on any failure.
Status ApplyOne(SqliteConnection& db, const Migration& m, int latest) {
  FR_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  auto rollback = [&db](Status s) {
    (void)db.Exec("ROLLBACK");
    return s;
  };
  Result<int> current = CurrentSchemaVersion(db);
  if (!current.ok()) return rollback(current.status());
  if (*current > latest) return rollback(TooNew(*current, latest));
  if (*current >= m.version) return rollback(Status::Ok());
  if (Status s = db.Exec(m.sql); !s.ok()) {
    return rollback(Status(s.code() == Errc::kUnavailable ? Errc::kUnavailable : Errc::kInternal,
                           "migration_failed",
                           "migration " + std::string(m.name) + " failed: " + s.message()));
  }
  {
    auto st = db.Prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, "
        "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))");
    if (!st.ok()) return rollback(st.status());
    st->BindInt(1, m.version).BindText(2, m.name);
    if (Status s = st->Run(); !s.ok()) return rollback(s);
  }
  if (Status s = db.Exec("COMMIT"); !s.ok()) return rollback(s);
  FR_LOG(kInfo, "store", "sqlite migration applied version={} name={}", m.version, m.name);
  return Status::Ok();
}

}  // namespace

int LatestVersion(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<int> CurrentSchemaVersion(SqliteConnection& db) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? static_cast<int>(st.ColumnInt(0)) : 0;
}

Status ApplyMigrations(SqliteConnection& db, std::span<const Migration> migrations) {
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      return Status(Errc::kInternal, "store_error",
                    "embedded migrations are not in increasing version order");
    }
  }
  const int latest = LatestVersion(migrations);
  FR_RETURN_IF_ERROR(db.Exec(kCreateMigrationsTable));
  FR_ASSIGN_OR_RETURN(int current, CurrentSchemaVersion(db));
  if (current > latest) return TooNew(current, latest);
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    FR_RETURN_IF_ERROR(ApplyOne(db, m, latest));
  }
  return Status::Ok();
}

}  // namespace fr::storage::sqlite
