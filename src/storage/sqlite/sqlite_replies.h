// The outbox part of SqliteStore (ports/reply_store.h): SqliteReplyTxn writes on the writer
// connection inside WriteBatch's transaction; SqliteReplyReader reads on leased reader
// connections. Schema: migrations/0005_outbox.sql.
//
// A 0 author, approver or case id is stored as NULL ("none"); a non-zero one must exist
// (foreign keys) or the write fails with kInternal.
// Thread safety: SqliteReplyTxn as SqliteTxn (one thread); SqliteReplyReader any thread.
#pragma once

#include "ports/reply_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"
#include "storage/sqlite/touched_cases.h"

namespace fr::storage::sqlite {

class SqliteReplyTxn final : public ports::ReplyTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open; it and `touched`
  // outlive this.
  SqliteReplyTxn(SqliteConnection& db, TouchedCases& touched) : db_(db), touched_(touched) {}

  // ports::ReplyTxn
  Result<domain::ReplyId> InsertReply(const domain::Reply& r) override;
  Result<std::optional<domain::Reply>> GetReply(domain::ReplyId id) override;
  Status UpdateReply(const domain::Reply& r) override;
  Result<std::optional<domain::Reply>> FindReplyByPlatformId(domain::Platform platform,
                                                             std::string_view platform_id) override;
  Result<std::vector<domain::Reply>> SendingReplies(domain::Platform platform,
                                                    std::string_view account_id) override;
  Result<std::int64_t> AppendAudit(const ports::ReplyAuditEntry& e) override;

 private:
  SqliteConnection& db_;
  TouchedCases& touched_;
};

class SqliteReplyReader final : public ports::ReplyReader {
 public:
  // REQUIRES: `readers` outlives this.
  explicit SqliteReplyReader(ReaderPool& readers) : readers_(readers) {}

  // ports::ReplyReader
  Result<std::optional<domain::Reply>> GetReply(domain::ReplyId id) override;
  Result<std::vector<domain::Reply>> CaseReplies(domain::CaseId id) override;
  Result<std::vector<domain::Reply>> RecentReplies(int limit) override;
  Result<std::vector<domain::Reply>> AwaitingApproval(int limit) override;
  Result<std::vector<domain::Reply>> DueReplies(UnixMillis now, int limit) override;
  Result<std::optional<UnixMillis>> NextDueAt() override;
  Result<std::int64_t> CountReplies(domain::ReplyStatus status) override;
  Result<std::vector<ports::ReplyAuditEntry>> ReplyAudit(domain::ReplyId id) override;
  Result<std::vector<ports::ReplyAuditEntry>> CaseReplyAudit(domain::CaseId id) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
