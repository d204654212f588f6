// The read side of SqliteStore: GetCaseDetail, GetMessage, CountMessages and the ingest
// progress (ListCases is in sqlite_case_list.cc). Each runs on a leased reader connection;
// reads that take several queries run in one read transaction so they see one committed
// snapshot (a case and its messages always agree).
#include <string>
#include <unordered_map>
#include <utility>

#include "domain/platform.h"
#include "storage/sqlite/sqlite_rows.h"
#include "storage/sqlite/sqlite_store.h"

namespace fr::storage::sqlite {
namespace {

// Reads every row of `st` with `read` into `out`.
template <typename T, typename ReadFn>
Status ReadAll(Statement& st, ReadFn read, std::vector<T>& out) {
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    FR_ASSIGN_OR_RETURN(T item, read(st, 0));
    out.push_back(std::move(item));
  }
}

Result<std::optional<ports::StoredMessage>> ReadMessageByExternalId(SqliteConnection& db,
                                                                    domain::Platform platform,
                                                                    std::string_view external_id) {
  std::optional<ports::StoredMessage> found;
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db.Prepare("SELECT " FR_SQLITE_MESSAGE_COLUMNS
                                   " FROM message_ids i JOIN messages m ON m.id = i.message_id"
                                   " WHERE i.platform = ?1 AND i.external_id = ?2"));
    st.BindText(1, domain::PlatformName(platform)).BindText(2, external_id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return found;
    FR_ASSIGN_OR_RETURN(found, ReadMessage(st, 0));
  }
  FR_RETURN_IF_ERROR(LoadAttachments(db, *found));
  FR_RETURN_IF_ERROR(LoadRevisions(db, *found));
  return found;
}

Result<std::optional<ports::CaseDetail>> ReadCaseDetail(SqliteConnection& db, ports::CaseId id) {
  std::optional<ports::CaseDetail> detail;
  {
    FR_ASSIGN_OR_RETURN(
        Statement st, db.Prepare("SELECT " FR_SQLITE_CASE_COLUMNS " FROM cases c WHERE c.id = ?1"));
    st.BindInt(1, id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return detail;
    FR_ASSIGN_OR_RETURN(domain::Case kase, ReadCase(st, 0));
    detail.emplace();
    detail->kase = std::move(kase);
  }
  std::vector<ports::StoredMessage>& messages = detail->messages;
  {
    FR_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT " FR_SQLITE_MESSAGE_COLUMNS
                                                 " FROM messages m WHERE m.case_id = ?1"
                                                 " ORDER BY m.created_at, m.id"));
    st.BindInt(1, id);
    FR_RETURN_IF_ERROR(ReadAll(st, ReadMessage, messages));
  }
  std::unordered_map<ports::MessageId, std::size_t> index;
  index.reserve(messages.size());
  for (std::size_t i = 0; i < messages.size(); ++i) index.emplace(messages[i].id, i);
  // Runs `sql` (rows: the message id, then what `add` reads from column 1 on) for the case and
  // hands each row to `add` with the message it belongs to.
  auto for_each_row = [&](const char* sql, const auto& add) -> Status {
    FR_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
    st.BindInt(1, id);
    while (true) {
      FR_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Status::Ok();
      auto it = index.find(st.ColumnInt(0));
      if (it != index.end()) FR_RETURN_IF_ERROR(add(st, messages[it->second]));
    }
  };
  FR_RETURN_IF_ERROR(for_each_row(
      "SELECT a.message_id, a.type, a.url FROM message_attachments a JOIN messages m"
      " ON m.id = a.message_id WHERE m.case_id = ?1 ORDER BY a.message_id, a.seq",
      [](const Statement& st, ports::StoredMessage& m) {
        m.message.attachments.push_back({st.ColumnText(1), st.ColumnText(2)});
        return Status::Ok();
      }));
  FR_RETURN_IF_ERROR(for_each_row(
      "SELECT r.message_id, " FR_SQLITE_REVISION_COLUMNS " FROM message_revisions r JOIN messages m"
      " ON m.id = r.message_id WHERE m.case_id = ?1 ORDER BY r.message_id, r.seq",
      [](const Statement& st, ports::StoredMessage& m) -> Status {
        FR_ASSIGN_OR_RETURN(ports::Revision r, ReadRevision(st, 1));
        m.revisions.push_back(std::move(r));
        return Status::Ok();
      }));
  FR_RETURN_IF_ERROR(for_each_row(
      "SELECT i.message_id, " FR_SQLITE_INSIGHT_COLUMNS " FROM message_insights i JOIN messages m"
      " ON m.id = i.message_id WHERE m.case_id = ?1",
      [](const Statement& st, ports::StoredMessage& m) -> Status {
        FR_ASSIGN_OR_RETURN(m.insight, ReadInsight(st, 1));
        return Status::Ok();
      }));
  FR_RETURN_IF_ERROR(for_each_row(
      "SELECT r.message_id, r.rule_id FROM message_rule_matches r JOIN messages m"
      " ON m.id = r.message_id WHERE m.case_id = ?1 ORDER BY r.message_id, r.seq",
      [](const Statement& st, ports::StoredMessage& m) {
        if (m.insight) m.insight->rules.push_back(st.ColumnText(1));
        return Status::Ok();
      }));
  {
    // The conversations the case's messages are in, and any that currently point at it.
    FR_ASSIGN_OR_RETURN(Statement st,
                        db.Prepare("SELECT " FR_SQLITE_CONVERSATION_COLUMNS
                                   " FROM conversations v WHERE v.case_id = ?1 OR v.id IN"
                                   " (SELECT conversation_id FROM messages WHERE case_id = ?1)"
                                   " ORDER BY v.id"));
    st.BindInt(1, id);
    FR_RETURN_IF_ERROR(ReadAll(st, ReadConversation, detail->conversations));
  }
  {
    // The authors of its messages, and the case's customer (who wrote the opening message).
    FR_ASSIGN_OR_RETURN(
        Statement st,
        db.Prepare("SELECT " FR_SQLITE_CUSTOMER_COLUMNS " FROM customers u WHERE u.id IN"
                   " (SELECT author_customer_id FROM messages WHERE case_id = ?1"
                   "  UNION SELECT customer_id FROM cases WHERE id = ?1)"
                   " ORDER BY u.id"));
    st.BindInt(1, id);
    FR_RETURN_IF_ERROR(ReadAll(st, ReadCustomer, detail->customers));
  }
  return detail;
}

}  // namespace

template <typename T, typename F>
Result<T> SqliteStore::WithReadSnapshot(F&& body) {
  auto reader = readers_->Acquire();
  SqliteConnection& db = *reader;
  {
    FR_ASSIGN_OR_RETURN(Statement begin, db.Prepare("BEGIN"));
    FR_RETURN_IF_ERROR(begin.Run());
  }
  Result<T> result = body(db);
  // Ends the read transaction in every case, so the connection goes back to the pool clean
  // and does not pin an old snapshot (which would stop WAL checkpoints).
  auto end = db.Prepare(result.ok() ? "COMMIT" : "ROLLBACK");
  Status ended = end.ok() ? end->Run() : end.status();
  if (!ended.ok() && !db.InAutocommit()) (void)db.Exec("ROLLBACK");
  if (result.ok() && !ended.ok()) return ended;
  return result;
}

Result<std::optional<ports::CaseDetail>> SqliteStore::GetCaseDetail(ports::CaseId id) {
  return WithReadSnapshot<std::optional<ports::CaseDetail>>(
      [id](SqliteConnection& db) { return ReadCaseDetail(db, id); });
}

Result<std::optional<ports::StoredMessage>> SqliteStore::GetMessage(domain::Platform platform,
                                                                    std::string_view external_id) {
  return WithReadSnapshot<std::optional<ports::StoredMessage>>(
      [platform, external_id](SqliteConnection& db) {
        return ReadMessageByExternalId(db, platform, external_id);
      });
}

Result<std::int64_t> SqliteStore::CountMessages() {
  auto reader = readers_->Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, reader->Prepare("SELECT count(*) FROM messages"));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnInt(0) : 0;
}

Result<std::int64_t> SqliteStore::LastDeliveryId() {
  auto reader = readers_->Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, reader->Prepare("SELECT coalesce(max(id), 0) FROM deliveries"));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnInt(0) : 0;
}

Result<std::int64_t> SqliteStore::ThreadedThrough() {
  auto reader = readers_->Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      reader->Prepare("SELECT threaded_through FROM ingest_progress WHERE id = 1"));
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnInt(0) : 0;
}

Result<std::vector<ports::StoredDelivery>> SqliteStore::DeliveriesAfter(std::int64_t after_id,
                                                                        int limit) {
  auto reader = readers_->Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      reader->Prepare("SELECT id, channel, received_at, body FROM deliveries "
                                      "WHERE id > ?1 ORDER BY id LIMIT ?2"));
  st.BindInt(1, after_id).BindInt(2, limit);
  std::vector<ports::StoredDelivery> out;
  for (;;) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.ColumnInt(0), st.ColumnText(1), st.ColumnInt(2), st.ColumnText(3)});
  }
  return out;
}

}  // namespace fr::storage::sqlite
