// The crisis part of the SQLite store (ports/crisis_store.h; migration 0014_crises.sql).
#pragma once

#include "ports/crisis_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"

namespace fr::storage::sqlite {

class SqliteCrisisTxn final : public ports::CrisisTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open, and outlives this.
  explicit SqliteCrisisTxn(SqliteConnection& db) : db_(db) {}

  Result<std::int64_t> InsertCrisis(const domain::crisis::Crisis& crisis,
                                    std::int64_t swept_through) override;
  Status UpdateCrisis(const domain::crisis::Crisis& crisis) override;
  Status SetSweptThrough(std::int64_t id, std::int64_t message_id) override;
  Result<bool> AddCrisisCase(std::int64_t id, domain::CaseId case_id, UnixMillis at) override;

 private:
  SqliteConnection& db_;
};

class SqliteCrisisReader final : public ports::CrisisReader {
 public:
  explicit SqliteCrisisReader(ReaderPool& readers) : readers_(readers) {}

  Result<std::optional<std::pair<domain::crisis::Crisis, std::int64_t>>> RunningCrisis() override;
  Result<std::optional<domain::crisis::Crisis>> GetCrisis(std::int64_t id) override;
  Result<std::vector<domain::crisis::Crisis>> RecentCrises(int limit) override;
  Result<std::vector<ports::CrisisCase>> CrisisCases(std::int64_t id) override;
  Result<bool> IsCrisisCase(std::int64_t id, domain::CaseId case_id) override;
  Result<std::vector<ports::SweptMessage>> CustomerMessagesAfter(std::int64_t after,
                                                                 int limit) override;
  Result<std::int64_t> LastMessageIdBefore(UnixMillis t) override;
  Result<std::vector<ports::SweptMessage>> CaseMessagesBetween(domain::CaseId case_id,
                                                               UnixMillis from,
                                                               UnixMillis to) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
