#include "storage/sqlite/sqlite_work.h"

#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {
namespace {

constexpr char kActive[] = "('new', 'open', 'pending')";

Result<std::vector<domain::Case>> ReadCases(Statement& st) {
  std::vector<domain::Case> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_ASSIGN_OR_RETURN(domain::Case c, ReadCase(st, 0));
    out.push_back(std::move(c));
  }
}

}  // namespace

Result<std::int64_t> SqliteWorkTxn::InsertCaseEvent(const domain::CaseEvent& e) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO case_events (case_id, at, kind, actor_id, user_id, "
                                  "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.BindInt(1, e.case_id)
      .BindInt(2, e.at)
      .BindText(3, domain::CaseEventKindName(e.kind))
      .BindOptionalInt(4, e.actor)
      .BindOptionalInt(5, e.user)
      .BindText(6, e.detail);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.LastInsertRowid();
}

Result<std::int64_t> SqliteWorkTxn::CountActiveAssigned(domain::UserId user) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare(std::string("SELECT count(*) FROM cases WHERE assignee_id = ?1 "
                                              "AND status IN ") + kActive));
  st.BindInt(1, user);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnInt(0) : 0;
}

Result<std::optional<domain::Case>> SqliteWorkReader::GetCase(domain::CaseId id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT " FR_SQLITE_CASE_COLUMNS " FROM cases c WHERE c.id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(std::vector<domain::Case> found, ReadCases(st));
  if (found.empty()) return std::optional<domain::Case>();
  return std::optional<domain::Case>(std::move(found.front()));
}

Result<std::vector<domain::CaseEvent>> SqliteWorkReader::ListCaseEvents(domain::CaseId id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT id, case_id, at, kind, actor_id, user_id, detail "
                                  "FROM case_events WHERE case_id = ?1 ORDER BY id"));
  st.BindInt(1, id);
  std::vector<domain::CaseEvent> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    auto kind = domain::ParseCaseEventKind(st.ColumnText(3));
    if (!kind) return Status(Errc::kInternal, "store_corrupt", "unknown case event kind");
    out.push_back(domain::CaseEvent{st.ColumnInt(0), st.ColumnInt(1), st.ColumnInt(2), *kind,
                                    st.ColumnOptionalInt(4), st.ColumnOptionalInt(5),
                                    st.ColumnText(6)});
  }
}

Result<std::map<domain::UserId, std::int64_t>> SqliteWorkReader::ActiveLoads() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare(std::string("SELECT assignee_id, count(*) FROM cases "
                                              "WHERE assignee_id IS NOT NULL AND status IN ") +
                                  kActive + " GROUP BY assignee_id"));
  std::map<domain::UserId, std::int64_t> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out[st.ColumnInt(0)] = st.ColumnInt(1);
  }
}

Result<std::vector<domain::Case>> SqliteWorkReader::UnassignedActiveCases(int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare(std::string("SELECT " FR_SQLITE_CASE_COLUMNS " FROM cases c "
                                              "WHERE c.assignee_id IS NULL AND c.status IN ") +
                                  kActive + " ORDER BY c.opened_at, c.id LIMIT ?1"));
  st.BindInt(1, limit);
  return ReadCases(st);
}

Result<std::vector<domain::Case>> SqliteWorkReader::StaleAssignments(UnixMillis assigned_before,
                                                                     int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare(std::string("SELECT " FR_SQLITE_CASE_COLUMNS " FROM cases c "
                              "WHERE c.assignee_id IS NOT NULL AND c.status IN ") +
                  kActive +
                  " AND c.assigned_at < ?1 AND c.last_agent_reply_at < c.assigned_at"
                  " AND c.last_customer_message_at > c.last_agent_reply_at"
                  " ORDER BY c.assigned_at LIMIT ?2"));
  st.BindInt(1, assigned_before).BindInt(2, limit);
  return ReadCases(st);
}

Result<std::optional<domain::UserId>> SqliteWorkReader::PreviousAgentOf(domain::CustomerId customer,
                                                                        domain::CaseId except) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT assignee_id FROM cases WHERE customer_id = ?1 "
                                  "AND id != ?2 AND assignee_id IS NOT NULL "
                                  "ORDER BY last_activity_at DESC, id DESC LIMIT 1"));
  st.BindInt(1, customer).BindInt(2, except);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<domain::UserId>();
  return std::optional<domain::UserId>(st.ColumnInt(0));
}

}  // namespace fr::storage::sqlite
