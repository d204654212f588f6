#include "storage/sqlite/sqlite_replies.h"

#include <string>
#include <utility>

#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {
namespace {

using domain::Reply;
using ports::ReplyAuditEntry;

// 23 columns, read by ReadReply.
#define FR_SQLITE_REPLY_COLUMNS                                                                \
  "r.id, r.case_id, r.author_id, r.platform, r.account_id, r.route, r.in_reply_to, "           \
  "r.recipient_id, r.text, r.message_tag, r.idempotency_key, r.status, r.approval_reason, "    \
  "r.approver_id, r.review_note, r.attempts, r.next_attempt_at, r.platform_id, r.error_code, " \
  "r.error_text, r.echo_message_id, r.created_at, r.sent_at"
// 11 columns, read by ReadAudit.
#define FR_SQLITE_AUDIT_COLUMNS                                                      \
  "a.id, a.reply_id, a.case_id, a.at, a.actor_id, a.action, a.text, a.platform_id, " \
  "a.error_code, a.error_text, a.detail"

// The columns UpdateReply may change, bound by BindMutable in this order.
#define FR_SQLITE_REPLY_MUTABLE_COLUMNS                                                    \
  "author_id, platform, account_id, route, in_reply_to, recipient_id, text, message_tag, " \
  "status, approval_reason, approver_id, review_note, attempts, next_attempt_at, "         \
  "platform_id, error_code, error_text, echo_message_id, sent_at"
constexpr int kMutableColumns = 19;

void BindMutable(Statement& st, int first, const Reply& r) {
  st.BindIdOrNull(first, r.author)
      .BindText(first + 1, domain::PlatformName(r.platform))
      .BindText(first + 2, r.account_id)
      .BindText(first + 3, domain::ReplyRouteName(r.route))
      .BindText(first + 4, r.in_reply_to)
      .BindText(first + 5, r.recipient_id)
      .BindText(first + 6, r.text)
      .BindText(first + 7, r.message_tag)
      .BindText(first + 8, domain::ReplyStatusName(r.status))
      .BindText(first + 9, r.approval_reason)
      .BindOptionalInt(first + 10, r.approver)
      .BindText(first + 11, r.review_note)
      .BindInt(first + 12, r.attempts)
      .BindInt(first + 13, r.next_attempt_at)
      .BindText(first + 14, r.platform_id)
      .BindText(first + 15, r.error_code)
      .BindText(first + 16, r.error_text)
      .BindOptionalInt(first + 17, r.echo_message_id)
      .BindInt(first + 18, r.sent_at);
}

Result<Reply> ReadReply(const Statement& st) {
  Reply r;
  r.id = st.ColumnInt(0);
  r.case_id = st.ColumnInt(1);
  r.author = st.ColumnInt(2);
  auto platform = domain::ParsePlatform(st.ColumnText(3));
  if (!platform) return CorruptRow("replies", "platform");
  r.platform = *platform;
  r.account_id = st.ColumnText(4);
  auto route = domain::ParseReplyRoute(st.ColumnText(5));
  if (!route) return CorruptRow("replies", "route");
  r.route = *route;
  r.in_reply_to = st.ColumnText(6);
  r.recipient_id = st.ColumnText(7);
  r.text = st.ColumnText(8);
  r.message_tag = st.ColumnText(9);
  r.idempotency_key = st.ColumnText(10);
  auto status = domain::ParseReplyStatus(st.ColumnText(11));
  if (!status) return CorruptRow("replies", "status");
  r.status = *status;
  r.approval_reason = st.ColumnText(12);
  r.approver = st.ColumnOptionalInt(13);
  r.review_note = st.ColumnText(14);
  r.attempts = static_cast<std::int32_t>(st.ColumnInt(15));
  r.next_attempt_at = st.ColumnInt(16);
  r.platform_id = st.ColumnText(17);
  r.error_code = st.ColumnText(18);
  r.error_text = st.ColumnText(19);
  r.echo_message_id = st.ColumnOptionalInt(20);
  r.created_at = st.ColumnInt(21);
  r.sent_at = st.ColumnInt(22);
  return r;
}

Result<ReplyAuditEntry> ReadAudit(const Statement& st) {
  ReplyAuditEntry e;
  e.id = st.ColumnInt(0);
  e.reply_id = st.ColumnInt(1);
  e.case_id = st.ColumnInt(2);
  e.at = st.ColumnInt(3);
  e.actor = st.ColumnOptionalInt(4);
  auto action = ports::ParseReplyAuditAction(st.ColumnText(5));
  if (!action) return CorruptRow("reply_audit", "action");
  e.action = *action;
  e.text = st.ColumnText(6);
  e.platform_id = st.ColumnText(7);
  e.error_code = st.ColumnText(8);
  e.error_text = st.ColumnText(9);
  e.detail = st.ColumnText(10);
  return e;
}

// Every row of `st`, mapped by `read`.
template <typename T>
Result<std::vector<T>> ReadAll(Statement& st, Result<T> (*read)(const Statement&)) {
  std::vector<T> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_ASSIGN_OR_RETURN(T item, read(st));
    out.push_back(std::move(item));
  }
}

// The first row of `st`, if any.
Result<std::optional<Reply>> ReadOptionalReply(Statement& st) {
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<Reply>();
  FR_ASSIGN_OR_RETURN(Reply r, ReadReply(st));
  return std::optional<Reply>(std::move(r));
}

Result<std::optional<Reply>> GetReplyOn(SqliteConnection& db, domain::ReplyId id) {
  FR_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT " FR_SQLITE_REPLY_COLUMNS
                                               " FROM replies r WHERE r.id = ?1"));
  st.BindInt(1, id);
  return ReadOptionalReply(st);
}

}  // namespace

Result<domain::ReplyId> SqliteReplyTxn::InsertReply(const Reply& r) {
  touched_.Add(r.case_id);
  if (r.idempotency_key.empty()) {
    return Status(Errc::kInvalidArgument, "missing_idempotency_key",
                  "a reply is stored only with its idempotency key");
  }
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("INSERT INTO replies (" FR_SQLITE_REPLY_MUTABLE_COLUMNS
                  ", case_id, idempotency_key, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                  "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)"));
  BindMutable(st, 1, r);
  st.BindIdOrNull(kMutableColumns + 1, r.case_id)
      .BindText(kMutableColumns + 2, r.idempotency_key)
      .BindInt(kMutableColumns + 3, r.created_at);
  Status inserted = st.Run();
  if (inserted.code() == Errc::kConflict) {
    return Status(Errc::kConflict, "duplicate_idempotency_key",
                  "a reply with this idempotency key is already stored");
  }
  FR_RETURN_IF_ERROR(inserted);
  return db_.LastInsertRowid();
}

Result<std::optional<Reply>> SqliteReplyTxn::GetReply(domain::ReplyId id) {
  return GetReplyOn(db_, id);
}

Status SqliteReplyTxn::UpdateReply(const Reply& r) {
  touched_.Add(r.case_id);
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("UPDATE replies SET author_id = ?2, platform = ?3, account_id = ?4, "
                  "route = ?5, in_reply_to = ?6, recipient_id = ?7, text = ?8, "
                  "message_tag = ?9, status = ?10, approval_reason = ?11, approver_id = ?12, "
                  "review_note = ?13, attempts = ?14, next_attempt_at = ?15, platform_id = ?16, "
                  "error_code = ?17, error_text = ?18, echo_message_id = ?19, sent_at = ?20 "
                  "WHERE id = ?1"));
  st.BindInt(1, r.id);
  BindMutable(st, 2, r);
  FR_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) {
    return Status(Errc::kNotFound, "not_found", "reply " + std::to_string(r.id) + " not found");
  }
  return Status::Ok();
}

Result<std::optional<Reply>> SqliteReplyTxn::FindReplyByPlatformId(domain::Platform platform,
                                                                   std::string_view platform_id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT " FR_SQLITE_REPLY_COLUMNS " FROM replies r "
                                                "WHERE r.platform = ?1 AND r.platform_id = ?2 "
                                                "ORDER BY r.id LIMIT 1"));
  st.BindText(1, domain::PlatformName(platform)).BindText(2, platform_id);
  return ReadOptionalReply(st);
}

Result<std::vector<Reply>> SqliteReplyTxn::SendingReplies(domain::Platform platform,
                                                          std::string_view account_id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT " FR_SQLITE_REPLY_COLUMNS " FROM replies r "
                                                "WHERE r.platform = ?1 AND r.account_id = ?2 "
                                                "AND r.status = 'sending' ORDER BY r.id"));
  st.BindText(1, domain::PlatformName(platform)).BindText(2, account_id);
  return ReadAll<Reply>(st, &ReadReply);
}

Result<std::int64_t> SqliteReplyTxn::AppendAudit(const ReplyAuditEntry& e) {
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("INSERT INTO reply_audit (reply_id, case_id, at, actor_id, action, text, "
                  "platform_id, error_code, error_text, detail) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  st.BindInt(1, e.reply_id)
      .BindInt(2, e.case_id)
      .BindInt(3, e.at)
      .BindOptionalInt(4, e.actor)
      .BindText(5, ports::ReplyAuditActionName(e.action))
      .BindText(6, e.text)
      .BindText(7, e.platform_id)
      .BindText(8, e.error_code)
      .BindText(9, e.error_text)
      .BindText(10, e.detail);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.LastInsertRowid();
}

Result<std::optional<Reply>> SqliteReplyReader::GetReply(domain::ReplyId id) {
  auto db = readers_.Acquire();
  return GetReplyOn(*db, id);
}

Result<std::vector<Reply>> SqliteReplyReader::CaseReplies(domain::CaseId id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_REPLY_COLUMNS
                                                " FROM replies r WHERE r.case_id = ?1 "
                                                "ORDER BY r.id"));
  st.BindInt(1, id);
  return ReadAll<Reply>(st, &ReadReply);
}

Result<std::vector<Reply>> SqliteReplyReader::RecentReplies(int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_REPLY_COLUMNS
                                                " FROM replies r WHERE r.status NOT IN "
                                                "('rejected', 'failed') ORDER BY r.id DESC "
                                                "LIMIT ?1"));
  st.BindInt(1, limit);
  return ReadAll<Reply>(st, &ReadReply);
}

Result<std::vector<Reply>> SqliteReplyReader::AwaitingApproval(int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_REPLY_COLUMNS
                                                " FROM replies r WHERE r.status = "
                                                "'awaiting_approval' ORDER BY r.id LIMIT ?1"));
  st.BindInt(1, limit);
  return ReadAll<Reply>(st, &ReadReply);
}

// The sender's queries name replies_due: without statistics SQLite would pick
// replies_by_status and sort, instead of reading the partial index in due order.
Result<std::vector<Reply>> SqliteReplyReader::DueReplies(UnixMillis now, int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_REPLY_COLUMNS
                                                " FROM replies r INDEXED BY replies_due "
                                                "WHERE r.status IN ('queued', 'sending') "
                                                "AND r.next_attempt_at <= ?1 "
                                                "ORDER BY r.next_attempt_at, r.id LIMIT ?2"));
  st.BindInt(1, now).BindInt(2, limit);
  return ReadAll<Reply>(st, &ReadReply);
}

Result<std::optional<UnixMillis>> SqliteReplyReader::NextDueAt() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT min(next_attempt_at) FROM replies INDEXED BY "
                                  "replies_due WHERE status IN ('queued', 'sending')"));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<UnixMillis>();
  return st.ColumnOptionalInt(0);
}

Result<std::int64_t> SqliteReplyReader::CountReplies(domain::ReplyStatus status) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT count(*) FROM replies WHERE status = ?1"));
  st.BindText(1, domain::ReplyStatusName(status));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnInt(0) : 0;
}

Result<std::vector<ReplyAuditEntry>> SqliteReplyReader::ReplyAudit(domain::ReplyId id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_AUDIT_COLUMNS
                                                " FROM reply_audit a WHERE a.reply_id = ?1 "
                                                "ORDER BY a.id"));
  st.BindInt(1, id);
  return ReadAll<ReplyAuditEntry>(st, &ReadAudit);
}

Result<std::vector<ReplyAuditEntry>> SqliteReplyReader::CaseReplyAudit(domain::CaseId id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_AUDIT_COLUMNS
                                                " FROM reply_audit a WHERE a.case_id = ?1 "
                                                "ORDER BY a.id"));
  st.BindInt(1, id);
  return ReadAll<ReplyAuditEntry>(st, &ReadAudit);
}

}  // namespace fr::storage::sqlite
