#include "storage/sqlite/sqlite_reader_pool.h"

#include <utility>

namespace fr::storage::sqlite {

Result<std::unique_ptr<ReaderPool>> ReaderPool::Open(const ConnectionOptions& options, int count) {
  std::unique_ptr<ReaderPool> pool(new ReaderPool());
  ConnectionOptions reader = options;
  reader.read_only = true;
  for (int i = 0; i < count; ++i) {
    FR_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> conn, SqliteConnection::Open(reader));
    pool->free_.push_back(conn.get());
    pool->all_.push_back(std::move(conn));
  }
  return pool;
}

ReaderPool::Lease ReaderPool::Acquire() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [this] { return !free_.empty(); });
  SqliteConnection* conn = free_.back();
  free_.pop_back();
  return Lease(this, conn);
}

void ReaderPool::Release(SqliteConnection* conn) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(conn);
  }
  available_.notify_one();
}

}  // namespace fr::storage::sqlite
