#include "storage/sqlite/sqlite_rows.h"

#include <string>

#include "domain/message.h"
#include "domain/platform.h"

namespace fr::storage::sqlite {
namespace {

Result<domain::Platform> PlatformColumn(const Statement& st, int column, std::string_view table) {
  auto p = domain::ParsePlatform(st.ColumnText(column));
  if (!p) return CorruptRow(table, "platform");
  return *p;
}

Result<domain::Visibility> VisibilityColumn(const Statement& st, int column,
                                            std::string_view table) {
  auto v = domain::ParseVisibility(st.ColumnText(column));
  if (!v) return CorruptRow(table, "visibility");
  return *v;
}

std::optional<bool> OptionalBoolColumn(const Statement& st, int column) {
  auto v = st.ColumnOptionalInt(column);
  if (!v) return std::nullopt;
  return *v != 0;
}

}  // namespace

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ',';
    out += s;
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t comma = s.find(',');
    out.emplace_back(s.substr(0, comma));
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

Status CorruptRow(std::string_view table, std::string_view column) {
  return Status(Errc::kInternal, "store_corrupt",
                "unexpected value in " + std::string(table) + "." + std::string(column));
}

std::optional<ports::RevisionKind> ParseRevisionKind(std::string_view name) {
  for (auto k : {ports::RevisionKind::kEdit, ports::RevisionKind::kDelete,
                 ports::RevisionKind::kHide, ports::RevisionKind::kUnhide}) {
    if (ports::RevisionKindName(k) == name) return k;
  }
  return std::nullopt;
}

Result<domain::Case> ReadCase(const Statement& st, int i) {
  domain::Case c;
  c.id = st.ColumnInt(i + 0);
  auto status = domain::ParseCaseStatus(st.ColumnText(i + 1));
  if (!status) return CorruptRow("cases", "status");
  c.status = *status;
  FR_ASSIGN_OR_RETURN(c.platform, PlatformColumn(st, i + 2, "cases"));
  c.account_id = st.ColumnText(i + 3);
  c.customer_id = st.ColumnInt(i + 4);
  c.opened_at = st.ColumnInt(i + 5);
  c.last_activity_at = st.ColumnInt(i + 6);
  c.last_customer_message_at = st.ColumnInt(i + 7);
  c.message_count = st.ColumnInt(i + 8);
  c.reopen_count = static_cast<std::int32_t>(st.ColumnInt(i + 9));
  auto priority = domain::ParsePriority(st.ColumnText(i + 10));
  if (!priority) return CorruptRow("cases", "priority");
  c.priority = *priority;
  c.team = st.ColumnOptionalInt(i + 11);
  c.assignee = st.ColumnOptionalInt(i + 12);
  c.assigned_at = st.ColumnInt(i + 13);
  c.first_response_at = st.ColumnInt(i + 14);
  c.last_agent_reply_at = st.ColumnInt(i + 15);
  c.status_since = st.ColumnInt(i + 16);
  c.language = st.ColumnText(i + 17);
  c.queue = st.ColumnOptionalInt(i + 18);
  return c;
}

Result<domain::Conversation> ReadConversation(const Statement& st, int i) {
  domain::Conversation v;
  v.id = st.ColumnInt(i + 0);
  FR_ASSIGN_OR_RETURN(v.platform, PlatformColumn(st, i + 1, "conversations"));
  v.account_id = st.ColumnText(i + 2);
  v.key = st.ColumnText(i + 3);
  FR_ASSIGN_OR_RETURN(v.visibility, VisibilityColumn(st, i + 4, "conversations"));
  v.customer_id = st.ColumnInt(i + 5);
  v.case_id = st.ColumnOptionalInt(i + 6);
  return v;
}

Result<domain::Customer> ReadCustomer(const Statement& st, int i) {
  domain::Customer u;
  u.id = st.ColumnInt(i + 0);
  FR_ASSIGN_OR_RETURN(u.platform, PlatformColumn(st, i + 1, "customers"));
  u.profile.id = st.ColumnText(i + 2);
  u.profile.handle = st.ColumnText(i + 3);
  u.profile.name = st.ColumnText(i + 4);
  u.profile.followers = st.ColumnOptionalInt(i + 5);
  u.profile.verified = OptionalBoolColumn(st, i + 6);
  return u;
}

Result<ports::StoredMessage> ReadMessage(const Statement& st, int i) {
  ports::StoredMessage s;
  domain::Message& m = s.message;
  s.id = st.ColumnInt(i + 0);
  FR_ASSIGN_OR_RETURN(m.platform, PlatformColumn(st, i + 1, "messages"));
  m.account_id = st.ColumnText(i + 2);
  m.external_id = st.ColumnText(i + 3);
  m.thread_key = st.ColumnText(i + 4);
  m.parent_id = st.ColumnText(i + 5);
  m.author.id = st.ColumnText(i + 6);
  m.author.handle = st.ColumnText(i + 7);
  m.author.name = st.ColumnText(i + 8);
  m.author.followers = st.ColumnOptionalInt(i + 9);
  m.author.verified = OptionalBoolColumn(st, i + 10);
  m.counterpart_id = st.ColumnText(i + 11);
  m.text = st.ColumnText(i + 12);
  m.created_at = st.ColumnInt(i + 13);
  FR_ASSIGN_OR_RETURN(m.visibility, VisibilityColumn(st, i + 14, "messages"));
  auto kind = domain::ParseMessageKind(st.ColumnText(i + 15));
  if (!kind) return CorruptRow("messages", "kind");
  m.kind = *kind;
  m.is_outbound = st.ColumnInt(i + 16) != 0;
  m.edit_of = st.ColumnText(i + 17);
  s.conversation_id = st.ColumnInt(i + 18);
  s.case_id = st.ColumnOptionalInt(i + 19);
  s.author_customer_id = st.ColumnInt(i + 20);
  s.delivery_id = st.ColumnInt(i + 21);
  s.received_at = st.ColumnInt(i + 22);
  s.deleted = st.ColumnInt(i + 23) != 0;
  s.hidden = st.ColumnInt(i + 24) != 0;
  m.overheard = st.ColumnInt(i + 25) != 0;
  return s;
}

Result<ports::Revision> ReadRevision(const Statement& st, int i) {
  ports::Revision r;
  auto kind = ParseRevisionKind(st.ColumnText(i + 0));
  if (!kind) return CorruptRow("message_revisions", "kind");
  r.kind = *kind;
  r.previous_text = st.ColumnText(i + 1);
  r.text = st.ColumnText(i + 2);
  r.at = st.ColumnInt(i + 3);
  return r;
}

Status LoadAttachments(SqliteConnection& db, ports::StoredMessage& m) {
  FR_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT type, url FROM message_attachments "
                                               "WHERE message_id = ?1 ORDER BY seq"));
  st.BindInt(1, m.id);
  m.message.attachments.clear();
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    m.message.attachments.push_back({st.ColumnText(0), st.ColumnText(1)});
  }
}

Status LoadRevisions(SqliteConnection& db, ports::StoredMessage& m) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db.Prepare("SELECT " FR_SQLITE_REVISION_COLUMNS " FROM message_revisions r "
                                 "WHERE r.message_id = ?1 ORDER BY r.seq"));
  st.BindInt(1, m.id);
  m.revisions.clear();
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    FR_ASSIGN_OR_RETURN(ports::Revision r, ReadRevision(st, 0));
    m.revisions.push_back(std::move(r));
  }
}

}  // namespace fr::storage::sqlite
