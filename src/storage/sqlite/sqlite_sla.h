// The SLA part of SqliteStore (ports/sla_store.h). Schema: migrations/0006_sla_clocks.sql.
// Thread safety: SqliteSlaTxn as SqliteTxn (one thread); SqliteSlaReader any thread.
#pragma once

#include "ports/sla_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"
#include "storage/sqlite/touched_cases.h"

namespace fr::storage::sqlite {

// The stored clocks of case `id`, read on `db`.
Result<domain::sla::CaseSlaClocks> ReadCaseClocks(SqliteConnection& db, domain::CaseId id);

class SqliteSlaTxn final : public ports::SlaTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open; it and `touched`
  // outlive this.
  SqliteSlaTxn(SqliteConnection& db, TouchedCases& touched) : db_(db), touched_(touched) {}

  Result<domain::sla::CaseSlaClocks> GetClocks(domain::CaseId id) override;
  Status PutClock(domain::CaseId id, const domain::sla::CaseSlaClock& clock) override;

 private:
  SqliteConnection& db_;
  TouchedCases& touched_;
};

class SqliteSlaReader final : public ports::SlaReader {
 public:
  // REQUIRES: `readers` outlives this.
  explicit SqliteSlaReader(ReaderPool& readers) : readers_(readers) {}

  Result<domain::sla::CaseSlaClocks> GetClocks(domain::CaseId id) override;
  Result<std::map<domain::CaseId, domain::sla::CaseSlaClocks>> GetClocksOf(
      std::span<const domain::CaseId> ids) override;
  Result<std::vector<ports::SlaAlert>> DueAlerts(UnixMillis now, int limit) override;
  Result<std::optional<UnixMillis>> NextAlertAt() override;
  Result<std::vector<domain::CaseId>> ActiveCaseIds(domain::CaseId after, int limit) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
