// The case-work part of SqliteStore (ports/work_store.h). Schema: migrations/0004_case_work.sql.
// Thread safety: SqliteWorkTxn as SqliteTxn (one thread); SqliteWorkReader any thread.
#pragma once

#include "ports/work_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"

namespace fr::storage::sqlite {

class SqliteWorkTxn final : public ports::WorkTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open, and outlives this.
  explicit SqliteWorkTxn(SqliteConnection& db) : db_(db) {}

  Result<std::int64_t> InsertCaseEvent(const domain::CaseEvent& e) override;
  Result<std::int64_t> CountActiveAssigned(domain::UserId user) override;

 private:
  SqliteConnection& db_;
};

class SqliteWorkReader final : public ports::WorkReader {
 public:
  // REQUIRES: `readers` outlives this.
  explicit SqliteWorkReader(ReaderPool& readers) : readers_(readers) {}

  Result<std::optional<domain::Case>> GetCase(domain::CaseId id) override;
  Result<std::vector<domain::CaseEvent>> ListCaseEvents(domain::CaseId id) override;
  Result<std::map<domain::UserId, std::int64_t>> ActiveLoads() override;
  Result<std::vector<domain::Case>> UnassignedActiveCases(int limit) override;
  Result<std::vector<domain::Case>> StaleAssignments(UnixMillis assigned_before,
                                                     int limit) override;
  Result<std::optional<domain::UserId>> PreviousAgentOf(domain::CustomerId customer,
                                                        domain::CaseId except) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
