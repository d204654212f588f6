// ReaderPool: a fixed set of read-only connections to one database file, lent to one thread
// at a time. In WAL mode each reader sees the last committed state while the writer writes.
//
// Thread safety: Acquire may be called from any number of threads; it blocks while every
// connection is lent out. A Lease must be released (destroyed) by the thread that holds it
// and before the pool is destroyed.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "base/status.h"
#include "storage/sqlite/sqlite_connection.h"

namespace fr::storage::sqlite {

class ReaderPool {
 public:
  // Opens `count` read-only connections to options.path. REQUIRES: count >= 1, the database
  // exists and is in WAL mode. Returns kUnavailable if a connection cannot be opened.
  static Result<std::unique_ptr<ReaderPool>> Open(const ConnectionOptions& options, int count);

  // Exclusive use of one connection until destroyed.
  class Lease {
   public:
    Lease(ReaderPool* pool, SqliteConnection* conn) : pool_(pool), conn_(conn) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_->Release(conn_); }
    SqliteConnection& operator*() const { return *conn_; }
    SqliteConnection* operator->() const { return conn_; }

   private:
    ReaderPool* pool_;
    SqliteConnection* conn_;
  };

  // Waits for a free connection.
  Lease Acquire();

 private:
  ReaderPool() = default;
  void Release(SqliteConnection* conn);

  std::vector<std::unique_ptr<SqliteConnection>> all_;  // constant after Open
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<SqliteConnection*> free_;  // guarded by mu_
};

}  // namespace fr::storage::sqlite
