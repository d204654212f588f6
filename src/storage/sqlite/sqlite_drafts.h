// The drafts part of SqliteStore (ports/draft_store.h). Schema: migrations/0007_drafts.sql.
// Thread safety: SqliteDraftTxn as SqliteTxn (one thread); SqliteDraftReader any thread.
#pragma once

#include "ports/draft_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"

namespace fr::storage::sqlite {

class SqliteDraftTxn final : public ports::DraftTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open, and outlives this.
  explicit SqliteDraftTxn(SqliteConnection& db) : db_(db) {}

  Status PutDraft(const domain::Draft& d) override;
  Result<bool> DeleteDraft(domain::UserId user, domain::CaseId case_id) override;

 private:
  SqliteConnection& db_;
};

class SqliteDraftReader final : public ports::DraftReader {
 public:
  // REQUIRES: `readers` outlives this.
  explicit SqliteDraftReader(ReaderPool& readers) : readers_(readers) {}

  Result<std::optional<domain::Draft>> GetDraft(domain::UserId user,
                                                domain::CaseId case_id) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
