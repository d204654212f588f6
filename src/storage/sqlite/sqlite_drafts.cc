#include "storage/sqlite/sqlite_drafts.h"

#include <string>

#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {

Status SqliteDraftTxn::PutDraft(const domain::Draft& d) {
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare("INSERT OR REPLACE INTO drafts (user_id, case_id, route, text, public_text, "
                  "private_text, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  st.BindInt(1, d.user_id)
      .BindInt(2, d.case_id)
      .BindText(3, domain::DraftRouteName(d.route))
      .BindText(4, d.text)
      .BindText(5, d.public_text)
      .BindText(6, d.private_text)
      .BindInt(7, d.updated_at);
  Status s = st.Run();
  if (s.reason() == "store_constraint") {  // a foreign key: no such user or case
    return Status(Errc::kNotFound, "not_found",
                  "case " + std::to_string(d.case_id) + " or user " + std::to_string(d.user_id) +
                      " not found");
  }
  return s;
}

Result<bool> SqliteDraftTxn::DeleteDraft(domain::UserId user, domain::CaseId case_id) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("DELETE FROM drafts WHERE user_id = ?1 AND case_id = ?2"));
  st.BindInt(1, user).BindInt(2, case_id);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.Changes() > 0;
}

Result<std::optional<domain::Draft>> SqliteDraftReader::GetDraft(domain::UserId user,
                                                                 domain::CaseId case_id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT route, text, public_text, private_text, updated_at "
                                  "FROM drafts WHERE user_id = ?1 AND case_id = ?2"));
  st.BindInt(1, user).BindInt(2, case_id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<domain::Draft>();
  domain::Draft d;
  d.user_id = user;
  d.case_id = case_id;
  auto route = domain::ParseDraftRoute(st.ColumnText(0));
  if (!route) return CorruptRow("drafts", "route");
  d.route = *route;
  d.text = st.ColumnText(1);
  d.public_text = st.ColumnText(2);
  d.private_text = st.ColumnText(3);
  d.updated_at = st.ColumnInt(4);
  return std::optional<domain::Draft>(std::move(d));
}

}  // namespace fr::storage::sqlite
