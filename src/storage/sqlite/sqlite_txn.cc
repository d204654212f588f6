#include "storage/sqlite/sqlite_txn.h"

#include <string>

#include "domain/message.h"
#include "domain/platform.h"
#include "storage/sqlite/sqlite_rows.h"
#include "storage/sqlite/sqlite_search.h"

namespace fr::storage::sqlite {
namespace {

using domain::PlatformName;

std::optional<std::int64_t> OptionalBool(const std::optional<bool>& b) {
  if (!b) return std::nullopt;
  return *b ? 1 : 0;
}

Status NotFound(std::string_view what, std::int64_t id) {
  return Status(Errc::kNotFound, "not_found",
                std::string(what) + " " + std::to_string(id) + " not found");
}

// Binds the seven work columns of `c` (priority ... status_since) from parameter `first`.
void BindWork(Statement& st, int first, const domain::Case& c) {
  st.BindText(first, domain::PriorityName(c.priority))
      .BindOptionalInt(first + 1, c.team)
      .BindOptionalInt(first + 2, c.assignee)
      .BindInt(first + 3, c.assigned_at)
      .BindInt(first + 4, c.first_response_at)
      .BindInt(first + 5, c.last_agent_reply_at)
      .BindInt(first + 6, c.status_since)
      .BindText(first + 7, c.language)
      .BindOptionalInt(first + 8, c.queue);
}

// SQLite reports a missing parent row only as a foreign key failure, at statement end.
bool IsForeignKeyFailure(const Status& s) { return s.reason() == "store_constraint"; }

}  // namespace

Status SqliteTxn::Atomically(const std::function<Status()>& body) {
  {
    FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SAVEPOINT fr_op"));
    FR_RETURN_IF_ERROR(st.Run());
  }
  Status status = body();
  if (!status.ok()) {
    // If SQLite already rolled the whole transaction back (I/O error, full disk), these fail
    // too; WriteBatch notices the lost transaction by itself.
    if (auto st = db_.Prepare("ROLLBACK TO fr_op"); st.ok()) (void)st->Run();
  }
  FR_ASSIGN_OR_RETURN(Statement release, db_.Prepare("RELEASE fr_op"));
  Status released = release.Run();
  return status.ok() ? released : status;
}

Result<std::int64_t> SqliteTxn::InsertDelivery(std::string_view channel, UnixMillis received_at,
                                               std::string_view raw_body) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO deliveries (channel, received_at, body) "
                                  "VALUES (?1, ?2, ?3)"));
  st.BindText(1, channel).BindInt(2, received_at).BindBlob(3, raw_body);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.LastInsertRowid();
}

Result<std::optional<ports::StoredMessage>> SqliteTxn::FindMessage(domain::Platform platform,
                                                                   std::string_view external_id) {
  std::optional<ports::StoredMessage> found;
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db_.Prepare("SELECT " FR_SQLITE_MESSAGE_COLUMNS
                                    " FROM message_ids i JOIN messages m ON m.id = i.message_id"
                                    " WHERE i.platform = ?1 AND i.external_id = ?2"));
    st.BindText(1, PlatformName(platform)).BindText(2, external_id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return found;
    FR_ASSIGN_OR_RETURN(found, ReadMessage(st, 0));
  }
  FR_RETURN_IF_ERROR(LoadAttachments(db_, *found));
  return found;
}

Result<ports::MessageId> SqliteTxn::InsertMessage(const ports::StoredMessage& s) {
  const domain::Message& m = s.message;
  if (s.case_id) touched_.Add(*s.case_id);
  ports::MessageId id = 0;
  Status status = Atomically([&]() -> Status {
    {
      FR_ASSIGN_OR_RETURN(
          Statement st,
          db_.Prepare("INSERT INTO messages (platform, account_id, external_id, thread_key, "
                      "parent_id, author_id, author_handle, author_name, author_followers, "
                      "author_verified, counterpart_id, text, created_at, visibility, kind, "
                      "is_outbound, edit_of, conversation_id, case_id, author_customer_id, "
                      "delivery_id, received_at, deleted, hidden, search_text, overheard) VALUES "
                      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                      "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)"));
      st.BindText(1, PlatformName(m.platform))
          .BindText(2, m.account_id)
          .BindText(3, m.external_id)
          .BindText(4, m.thread_key)
          .BindText(5, m.parent_id)
          .BindText(6, m.author.id)
          .BindText(7, m.author.handle)
          .BindText(8, m.author.name)
          .BindOptionalInt(9, m.author.followers)
          .BindOptionalInt(10, OptionalBool(m.author.verified))
          .BindText(11, m.counterpart_id)
          .BindText(12, m.text)
          .BindInt(13, m.created_at)
          .BindText(14, domain::VisibilityName(m.visibility))
          .BindText(15, domain::MessageKindName(m.kind))
          .BindInt(16, m.is_outbound ? 1 : 0)
          .BindText(17, m.edit_of)
          .BindIdOrNull(18, s.conversation_id)
          .BindOptionalInt(19, s.case_id)
          .BindIdOrNull(20, s.author_customer_id)
          .BindIdOrNull(21, s.delivery_id)
          .BindInt(22, s.received_at)
          .BindInt(23, s.deleted ? 1 : 0)
          .BindInt(24, s.hidden ? 1 : 0)
          .BindText(25, s.deleted ? std::string() : SearchDocument(m.text))
          .BindInt(26, m.overheard ? 1 : 0);
      FR_RETURN_IF_ERROR(st.Run());
      id = db_.LastInsertRowid();
    }
    {
      FR_ASSIGN_OR_RETURN(Statement st,
                          db_.Prepare("INSERT INTO message_ids (platform, external_id, "
                                      "message_id) VALUES (?1, ?2, ?3)"));
      st.BindText(1, PlatformName(m.platform)).BindText(2, m.external_id).BindInt(3, id);
      Status inserted = st.Run();
      if (inserted.code() == Errc::kConflict) {
        return Status(Errc::kConflict, "duplicate_message",
                      "message " + std::string(PlatformName(m.platform)) + "/" + m.external_id +
                          " is already stored");
      }
      FR_RETURN_IF_ERROR(inserted);
    }
    FR_ASSIGN_OR_RETURN(Statement st,
                        db_.Prepare("INSERT INTO message_attachments (message_id, seq, type, "
                                    "url) VALUES (?1, ?2, ?3, ?4)"));
    for (std::size_t i = 0; i < m.attachments.size(); ++i) {
      st.BindInt(1, id)
          .BindInt(2, static_cast<std::int64_t>(i))
          .BindText(3, m.attachments[i].type)
          .BindText(4, m.attachments[i].url);
      FR_RETURN_IF_ERROR(st.Run());
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return id;
}

Status SqliteTxn::AddAlias(domain::Platform platform, std::string_view alias, ports::MessageId id) {
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db_.Prepare("INSERT INTO message_ids (platform, external_id, message_id) "
                                    "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"));
    st.BindText(1, PlatformName(platform)).BindText(2, alias).BindInt(3, id);
    Status inserted = st.Run();
    if (IsForeignKeyFailure(inserted)) return NotFound("message", id);
    FR_RETURN_IF_ERROR(inserted);
    if (db_.Changes() > 0) return Status::Ok();
  }
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT message_id FROM message_ids "
                                                "WHERE platform = ?1 AND external_id = ?2"));
  st.BindText(1, PlatformName(platform)).BindText(2, alias);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (row && st.ColumnInt(0) == id) return Status::Ok();
  return Status(Errc::kConflict, "alias_taken",
                "external id " + std::string(PlatformName(platform)) + "/" + std::string(alias) +
                    " already names another message");
}

Status SqliteTxn::AddRevision(ports::MessageId id, const ports::Revision& r) {
  {
    // A deleted message leaves its case's timeline.
    FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT case_id FROM messages WHERE id = ?1"));
    st.BindInt(1, id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) touched_.Add(st.ColumnInt(0));
  }
  return Atomically([&]() -> Status {
    {
      const char* sql = nullptr;
      switch (r.kind) {
        case ports::RevisionKind::kEdit:
          // A deleted message stays out of the search index (search_text '').
          sql = "UPDATE messages SET text = ?2, search_text = iif(deleted, '', ?3) WHERE id = ?1";
          break;
        case ports::RevisionKind::kDelete:
          sql = "UPDATE messages SET deleted = 1, search_text = '' WHERE id = ?1";
          break;
        case ports::RevisionKind::kHide:
          sql = "UPDATE messages SET hidden = 1 WHERE id = ?1";
          break;
        case ports::RevisionKind::kUnhide:
          sql = "UPDATE messages SET hidden = 0 WHERE id = ?1";
          break;
      }
      if (sql == nullptr) return Status(Errc::kInternal, "store_error", "unknown revision kind");
      FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare(sql));
      st.BindInt(1, id);
      if (r.kind == ports::RevisionKind::kEdit) {
        st.BindText(2, r.text).BindText(3, SearchDocument(r.text));
      }
      FR_RETURN_IF_ERROR(st.Run());
      if (db_.Changes() == 0) return NotFound("message", id);
    }
    FR_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare("INSERT INTO message_revisions (message_id, seq, kind, previous_text, text, "
                    "at) VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM message_revisions "
                    "WHERE message_id = ?1), ?2, ?3, ?4, ?5)"));
    st.BindInt(1, id)
        .BindText(2, ports::RevisionKindName(r.kind))
        .BindText(3, r.previous_text)
        .BindText(4, r.text)
        .BindInt(5, r.at);
    return st.Run();
  });
}

Result<ports::CustomerId> SqliteTxn::UpsertCustomer(domain::Platform platform,
                                                    const domain::Author& profile) {
  if (profile.id.empty()) {
    return Status(Errc::kInvalidArgument, "customer_without_id",
                  "a customer needs the platform's user id");
  }
  {
    // Refreshes only what the new profile says, and skips the write entirely when nothing
    // changes (the common case: the same person writing again); RETURNING then yields no row.
    FR_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare("INSERT INTO customers (platform, platform_user_id, handle, name, followers, "
                    "verified, search_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                    "fr_search_document(?3 || ' ' || ?4)) "
                    "ON CONFLICT (platform, platform_user_id) DO UPDATE SET "
                    "handle = iif(excluded.handle <> '', excluded.handle, handle), "
                    "name = iif(excluded.name <> '', excluded.name, name), "
                    "search_text = fr_search_document("
                    "iif(excluded.handle <> '', excluded.handle, handle) || ' ' || "
                    "iif(excluded.name <> '', excluded.name, name)), "
                    "followers = coalesce(excluded.followers, followers), "
                    "verified = coalesce(excluded.verified, verified) "
                    "WHERE (excluded.handle <> '' AND excluded.handle IS NOT handle) "
                    "OR (excluded.name <> '' AND excluded.name IS NOT name) "
                    "OR (excluded.followers IS NOT NULL AND excluded.followers IS NOT followers) "
                    "OR (excluded.verified IS NOT NULL AND excluded.verified IS NOT verified) "
                    "RETURNING id"));
    st.BindText(1, PlatformName(platform))
        .BindText(2, profile.id)
        .BindText(3, profile.handle)
        .BindText(4, profile.name)
        .BindOptionalInt(5, profile.followers)
        .BindOptionalInt(6, OptionalBool(profile.verified));
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) {
      ports::CustomerId id = st.ColumnInt(0);
      FR_RETURN_IF_ERROR(st.Run());  // RETURNING: the write completes when the statement ends
      return id;
    }
  }
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT id FROM customers "
                                                "WHERE platform = ?1 AND platform_user_id = ?2"));
  st.BindText(1, PlatformName(platform)).BindText(2, profile.id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status(Errc::kInternal, "store_error", "customer upsert returned no row");
  return st.ColumnInt(0);
}

Result<std::optional<domain::Conversation>> SqliteTxn::FindConversation(domain::Platform platform,
                                                                        std::string_view account_id,
                                                                        std::string_view key) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT " FR_SQLITE_CONVERSATION_COLUMNS
                                                " FROM conversations v WHERE v.platform = ?1 AND "
                                                "v.account_id = ?2 AND v.key = ?3"));
  st.BindText(1, PlatformName(platform)).BindText(2, account_id).BindText(3, key);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  std::optional<domain::Conversation> found;
  if (row) {
    FR_ASSIGN_OR_RETURN(found, ReadConversation(st, 0));
  }
  return found;
}

Result<ports::ConversationId> SqliteTxn::InsertConversation(const domain::Conversation& c) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO conversations (platform, account_id, key, "
                                  "visibility, customer_id, case_id) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.BindText(1, PlatformName(c.platform))
      .BindText(2, c.account_id)
      .BindText(3, c.key)
      .BindText(4, domain::VisibilityName(c.visibility))
      .BindIdOrNull(5, c.customer_id)
      .BindOptionalInt(6, c.case_id);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.LastInsertRowid();
}

Result<std::optional<domain::Conversation>> SqliteTxn::GetConversation(ports::ConversationId id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT " FR_SQLITE_CONVERSATION_COLUMNS
                                                " FROM conversations v WHERE v.id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  std::optional<domain::Conversation> found;
  if (row) {
    FR_ASSIGN_OR_RETURN(found, ReadConversation(st, 0));
  }
  return found;
}

Status SqliteTxn::MarkAddressed(ports::MessageId id, ports::CaseId case_id) {
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("UPDATE messages SET overheard = 0, case_id = ?2 WHERE id = ?1"));
  st.BindInt(1, id).BindInt(2, case_id);
  Status updated = st.Run();
  if (IsForeignKeyFailure(updated)) return NotFound("case", case_id);
  FR_RETURN_IF_ERROR(updated);
  if (db_.Changes() == 0) return NotFound("message", id);
  touched_.Add(case_id);
  return Status::Ok();
}

Status SqliteTxn::SetConversationCase(ports::ConversationId id, ports::CaseId case_id) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE conversations SET case_id = ?2 WHERE id = ?1"));
  st.BindInt(1, id).BindInt(2, case_id);
  Status updated = st.Run();
  if (IsForeignKeyFailure(updated)) return NotFound("case", case_id);
  FR_RETURN_IF_ERROR(updated);
  if (db_.Changes() == 0) return NotFound("conversation", id);
  return Status::Ok();
}

Result<std::optional<domain::Case>> SqliteTxn::GetCase(ports::CaseId id) {
  FR_ASSIGN_OR_RETURN(
      Statement st, db_.Prepare("SELECT " FR_SQLITE_CASE_COLUMNS " FROM cases c WHERE c.id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  std::optional<domain::Case> found;
  if (row) {
    FR_ASSIGN_OR_RETURN(found, ReadCase(st, 0));
  }
  return found;
}

Result<std::optional<domain::Case>> SqliteTxn::FindActiveCaseOfCustomer(ports::CustomerId customer,
                                                                        std::string_view account_id,
                                                                        UnixMillis since) {
  // The most recently active case in the window decides: if it is resolved or closed, an
  // older case that is still open is not picked up.
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("SELECT " FR_SQLITE_CASE_COLUMNS " FROM cases c "
                                  "WHERE c.customer_id = ?1 AND c.account_id = ?2 "
                                  "AND c.last_customer_message_at >= ?3 "
                                  "ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 1"));
  st.BindInt(1, customer).BindText(2, account_id).BindInt(3, since);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  std::optional<domain::Case> found;
  if (!row) return found;
  FR_ASSIGN_OR_RETURN(domain::Case c, ReadCase(st, 0));
  if (domain::IsActive(c.status)) found = std::move(c);
  return found;
}

Result<ports::CaseId> SqliteTxn::InsertCase(const domain::Case& c) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO cases (status, platform, account_id, customer_id, "
                                  "opened_at, last_activity_at, last_customer_message_at, "
                                  "message_count, reopen_count, priority, team_id, assignee_id, "
                                  "assigned_at, first_response_at, last_agent_reply_at, "
                                  "status_since, language, queue_id) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                  "?14, ?15, ?16, ?17, ?18)"));
  st.BindText(1, domain::CaseStatusName(c.status))
      .BindText(2, PlatformName(c.platform))
      .BindText(3, c.account_id)
      .BindIdOrNull(4, c.customer_id)
      .BindInt(5, c.opened_at)
      .BindInt(6, c.last_activity_at)
      .BindInt(7, c.last_customer_message_at)
      .BindInt(8, c.message_count)
      .BindInt(9, c.reopen_count);
  BindWork(st, 10, c);
  FR_RETURN_IF_ERROR(st.Run());
  const ports::CaseId id = db_.LastInsertRowid();
  touched_.Add(id);
  if (case_hook_) {
    domain::Case written = c;
    written.id = id;
    FR_RETURN_IF_ERROR(case_hook_(*this, written));
  }
  return id;
}

Status SqliteTxn::UpdateCase(const domain::Case& c) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE cases SET status = ?2, platform = ?3, account_id = ?4, "
                                  "customer_id = ?5, opened_at = ?6, last_activity_at = ?7, "
                                  "last_customer_message_at = ?8, message_count = ?9, "
                                  "reopen_count = ?10, priority = ?11, team_id = ?12, "
                                  "assignee_id = ?13, assigned_at = ?14, first_response_at = ?15, "
                                  "last_agent_reply_at = ?16, status_since = ?17, language = ?18, "
                                  "queue_id = ?19 "
                                  "WHERE id = ?1"));
  st.BindInt(1, c.id)
      .BindText(2, domain::CaseStatusName(c.status))
      .BindText(3, PlatformName(c.platform))
      .BindText(4, c.account_id)
      .BindIdOrNull(5, c.customer_id)
      .BindInt(6, c.opened_at)
      .BindInt(7, c.last_activity_at)
      .BindInt(8, c.last_customer_message_at)
      .BindInt(9, c.message_count)
      .BindInt(10, c.reopen_count);
  BindWork(st, 11, c);
  FR_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) return NotFound("case", c.id);
  touched_.Add(c.id);
  return case_hook_ ? case_hook_(*this, c) : Status::Ok();
}

Status SqliteTxn::SetThreadedThrough(std::int64_t delivery_id) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE ingest_progress SET threaded_through = ?1 WHERE id = 1"));
  st.BindInt(1, delivery_id);
  return st.Run();
}

}  // namespace fr::storage::sqlite
