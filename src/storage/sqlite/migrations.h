// Schema migrations for the SQLite store: numbered SQL scripts (migrations/NNNN_name.sql),
// embedded into the binary at build time, applied in order, one transaction each, and recorded
// in schema_migrations(version, name, applied_at).
//
// Rules for new migrations: never edit a released script, add the next number; keep each
// script valid inside one transaction (no VACUUM, no PRAGMA journal_mode).
// Thread safety: ApplyMigrations uses the connection it is given; other processes opening the
// same file at the same time are safe (each migration re-checks the version under the write
// lock).
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"
#include "storage/sqlite/sqlite_connection.h"

namespace fr::storage::sqlite {

struct Migration {
  int version = 0;        // from the file name: 0001_ingest.sql -> 1
  std::string_view name;  // the file name without ".sql": "0001_ingest"
  std::string_view sql;   // the script
};

// Every migration this binary knows, in increasing version order (generated at build time
// from migrations/*.sql).
std::span<const Migration> EmbeddedMigrations();

// The highest version in `migrations` (0 if empty).
int LatestVersion(std::span<const Migration> migrations);

// Brings the database behind `db` up to the latest of `migrations`, applying each missing one
// in its own transaction. A no-op when it is up to date.
// Returns kInternal with reason "schema_too_new" if the database has a version newer than
// any in `migrations` (it was written by a newer binary: refuse rather than corrupt it),
// kInternal if `migrations` is not strictly increasing or a script fails (that migration is
// rolled back, earlier ones stay), kUnavailable if the database is busy or cannot be written.
// REQUIRES: `db` is a read-write connection with no open transaction.
Status ApplyMigrations(SqliteConnection& db, std::span<const Migration> migrations);

// The schema version recorded in the database (0 for a new database).
Result<int> CurrentSchemaVersion(SqliteConnection& db);

}  // namespace fr::storage::sqlite
