// Row mapping between the SQLite schema (migrations/*.sql) and the domain / port structs,
// shared by the write side (sqlite_txn.cc) and the read side (sqlite_queries.cc).
//
// Each FR_SQLITE_*_COLUMNS macro is the column list a matching Read* function expects, in
// order, starting at the column index it is given; they are macros so they can be pasted
// into SQL string literals. Read* functions return kInternal for a row the store cannot have
// written (an unknown enum name), never crash on database contents.
// Thread safety: stateless functions; the connection passed in must be used by this thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/case.h"
#include "ports/store.h"
#include "storage/sqlite/sqlite_connection.h"

// 19 columns (kCaseColumnCount).
#define FR_SQLITE_CASE_COLUMNS                                                                \
  "c.id, c.status, c.platform, c.account_id, c.customer_id, c.opened_at, "                    \
  "c.last_activity_at, c.last_customer_message_at, c.message_count, c.reopen_count, "         \
  "c.priority, c.team_id, c.assignee_id, c.assigned_at, c.first_response_at, "                \
  "c.last_agent_reply_at, c.status_since, c.language, c.queue_id"

// 7 columns.
#define FR_SQLITE_CONVERSATION_COLUMNS \
  "v.id, v.platform, v.account_id, v.key, v.visibility, v.customer_id, v.case_id"

// 7 columns.
#define FR_SQLITE_CUSTOMER_COLUMNS \
  "u.id, u.platform, u.platform_user_id, u.handle, u.name, u.followers, u.verified"

// 26 columns.
#define FR_SQLITE_MESSAGE_COLUMNS                                                            \
  "m.id, m.platform, m.account_id, m.external_id, m.thread_key, m.parent_id, m.author_id, "  \
  "m.author_handle, m.author_name, m.author_followers, m.author_verified, "                  \
  "m.counterpart_id, m.text, m.created_at, m.visibility, m.kind, m.is_outbound, m.edit_of, " \
  "m.conversation_id, m.case_id, m.author_customer_id, m.delivery_id, m.received_at, "       \
  "m.deleted, m.hidden, m.overheard"

// 4 columns.
#define FR_SQLITE_REVISION_COLUMNS "r.kind, r.previous_text, r.text, r.at"

namespace fr::storage::sqlite {

// How many columns FR_SQLITE_CASE_COLUMNS selects, for queries that read more after them.
inline constexpr int kCaseColumnCount = 19;

// The inverse of ports::RevisionKindName; nullopt for an unknown name.
std::optional<ports::RevisionKind> ParseRevisionKind(std::string_view name);

Result<domain::Case> ReadCase(const Statement& st, int first_column);
Result<domain::Conversation> ReadConversation(const Statement& st, int first_column);
Result<domain::Customer> ReadCustomer(const Statement& st, int first_column);
// Attachments and revisions are not read: see LoadAttachments / LoadRevisions.
Result<ports::StoredMessage> ReadMessage(const Statement& st, int first_column);
Result<ports::Revision> ReadRevision(const Statement& st, int first_column);

// Fills m.message.attachments of the message with id m.id, in platform order.
Status LoadAttachments(SqliteConnection& db, ports::StoredMessage& m);
// Fills m.revisions of the message with id m.id, oldest first.
Status LoadRevisions(SqliteConnection& db, ports::StoredMessage& m);

// A list column's text: the items joined by commas (items never contain one), and back. An
// empty text is an empty list.
std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(std::string_view s);

// kInternal for a column value this store never writes.
Status CorruptRow(std::string_view table, std::string_view column);

}  // namespace fr::storage::sqlite
