// SqliteConnection and Statement: thin RAII wrappers over one sqlite3 handle and its cached
// prepared statements, converting SQLite result codes to fr::Status.
//
// Thread safety: a SqliteConnection is used by one thread at a time (it is opened with
// SQLITE_OPEN_NOMUTEX); SqliteStore hands each one to a single user (the writer, or one reader
// leased from the pool). A Statement borrows a cached sqlite3_stmt and must not outlive its
// connection; only one Statement per SQL text may be alive at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace fr::storage::sqlite {

// Converts a SQLite result code into a Status:
//   SQLITE_BUSY / LOCKED / IOERR / FULL / CANTOPEN / PROTOCOL / NOMEM   -> kUnavailable
//   SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE                              -> kConflict
//   anything else (misuse, corrupt, schema, other constraints)          -> kInternal
// `what` names the operation; the SQLite message is appended (it never contains bound values).
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

// A cached prepared statement, borrowed for one use: bind, step, read columns. The destructor
// resets it and clears its bindings so the next borrower starts clean.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Parameters are 1-based. Binding errors are remembered and reported by the next Step().
  // Text and blobs are copied, so temporaries are fine.
  Statement& BindInt(int index, std::int64_t value);
  Statement& BindDouble(int index, double value);
  Statement& BindText(int index, std::string_view value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  Statement& BindOptionalInt(int index, std::optional<std::int64_t> value);
  // Binds NULL for 0 (our "none" id), else the id.
  Statement& BindIdOrNull(int index, std::int64_t id);

  // Advances: true if a row is available, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows (or ignores them), then resets it so it can be
  // bound and run again (bindings are kept until rebound).
  Status Run();

  // Columns are 0-based. NULL reads as 0 / "" / nullopt.
  std::int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  std::optional<std::int64_t> ColumnOptionalInt(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_error_ = 0;  // the first failing sqlite3_bind_* result, 0 if none
};

struct ConnectionOptions {
  std::string path;
  bool read_only = false;
  int busy_timeout_ms = 5000;
};

class SqliteConnection {
 public:
  // Opens (and for a writer, creates) the database file. Returns kUnavailable if the file
  // cannot be opened.
  static Result<std::unique_ptr<SqliteConnection>> Open(const ConnectionOptions& options);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  // Finalizes every cached statement, then closes the handle.
  ~SqliteConnection();

  // Runs one or more SQL statements that take no parameters (DDL, BEGIN, PRAGMA ...).
  Status Exec(std::string_view sql);
  // Runs `sql` (one statement, not cached) and returns the first column of its first row as
  // text; "" if there is no row.
  Result<std::string> QueryText(std::string_view sql);

  // Returns the cached prepared statement for `sql` (one statement), preparing it with
  // SQLITE_PREPARE_PERSISTENT on first use. REQUIRES: no other Statement for the same `sql`
  // is alive.
  Result<Statement> Prepare(std::string_view sql);

  // The rowid of the last successful INSERT on this connection.
  std::int64_t LastInsertRowid() const;
  // Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  std::int64_t Changes() const;
  // True when no transaction is open (SQLite rolls a transaction back by itself after some
  // errors, e.g. SQLITE_FULL or an I/O error during a statement).
  bool InAutocommit() const;

  sqlite3* handle() const { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  // Lets statements_ be searched with a string_view, without building a std::string.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
};

}  // namespace fr::storage::sqlite
