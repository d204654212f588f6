#include "storage/sqlite/sqlite_crisis.h"

#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {
namespace {

using domain::crisis::Crisis;

constexpr char kCrisisColumns[] =
    "id, name, terms, rule_ids, holding_statement, raise_to, started_by, spike_id, started_at,"
    " ended_at, ended_by, swept_through";

std::string Lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text, char separator = '\n') {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Reads every row of `st` (kCrisisColumns) with its swept_through.
Result<std::vector<std::pair<Crisis, std::int64_t>>> ReadCrises(Statement& st) {
  std::vector<std::pair<Crisis, std::int64_t>> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    Crisis c;
    c.id = st.ColumnInt(0);
    c.name = st.ColumnText(1);
    c.terms = SplitLines(st.ColumnText(2));
    c.rule_ids = SplitLines(st.ColumnText(3));
    c.holding_statement = st.ColumnText(4);
    const auto raise_to = domain::ParsePriority(st.ColumnText(5));
    if (!raise_to) return CorruptRow("crises", "raise_to");
    c.raise_to = *raise_to;
    c.started_by = st.ColumnOptionalInt(6);
    c.spike_id = st.ColumnOptionalInt(7);
    c.started_at = st.ColumnInt(8);
    c.ended_at = st.ColumnOptionalInt(9);
    c.ended_by = st.ColumnOptionalInt(10);
    out.emplace_back(std::move(c), st.ColumnInt(11));
  }
}

Result<std::vector<ports::SweptMessage>> ReadSwept(Statement& st) {
  std::vector<ports::SweptMessage> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    ports::SweptMessage m;
    m.id = st.ColumnInt(0);
    m.case_id = st.ColumnOptionalInt(1);
    m.text = st.ColumnText(2);
    m.rules = SplitLines(st.ColumnText(3), ',');
    m.created_at = st.ColumnInt(4);
    m.negative = st.ColumnInt(5) != 0;
    out.push_back(std::move(m));
  }
}

// The columns ReadSwept reads, from messages m with their insight and rule matches.
constexpr char kSweptSelect[] =
    "SELECT m.id, m.case_id, m.text,"
    " (SELECT group_concat(r.rule_id, ',') FROM message_rule_matches r WHERE r.message_id = m.id),"
    " m.created_at, COALESCE(i.sentiment = 'negative', 0)"
    " FROM messages m LEFT JOIN message_insights i ON i.message_id = m.id";

}  // namespace

Result<std::int64_t> SqliteCrisisTxn::InsertCrisis(const Crisis& c, std::int64_t swept_through) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO crises (name, terms, rule_ids, holding_statement,"
                                  " raise_to, started_by, spike_id, started_at, ended_at, ended_by,"
                                  " swept_through) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                  " ?10, ?11)"));
  st.BindText(1, c.name).BindText(2, Lines(c.terms)).BindText(3, Lines(c.rule_ids));
  st.BindText(4, c.holding_statement).BindText(5, domain::PriorityName(c.raise_to));
  st.BindOptionalInt(6, c.started_by).BindOptionalInt(7, c.spike_id).BindInt(8, c.started_at);
  st.BindOptionalInt(9, c.ended_at).BindOptionalInt(10, c.ended_by).BindInt(11, swept_through);
  if (Status s = st.Run(); !s.ok()) {
    if (s.code() == Errc::kConflict) {
      return Status(Errc::kConflict, "crisis_running", "another crisis is running; end it first");
    }
    return s;
  }
  return db_.LastInsertRowid();
}

Status SqliteCrisisTxn::UpdateCrisis(const Crisis& c) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE crises SET name = ?2, terms = ?3, rule_ids = ?4,"
                                  " holding_statement = ?5, raise_to = ?6, ended_at = ?7,"
                                  " ended_by = ?8 WHERE id = ?1"));
  st.BindInt(1, c.id).BindText(2, c.name).BindText(3, Lines(c.terms)).BindText(4, Lines(c.rule_ids));
  st.BindText(5, c.holding_statement).BindText(6, domain::PriorityName(c.raise_to));
  st.BindOptionalInt(7, c.ended_at).BindOptionalInt(8, c.ended_by);
  FR_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) return Status(Errc::kNotFound, "not_found", "no such crisis");
  return Status::Ok();
}

Status SqliteCrisisTxn::SetSweptThrough(std::int64_t id, std::int64_t message_id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("UPDATE crises SET swept_through = ?2 WHERE id = ?1"));
  st.BindInt(1, id).BindInt(2, message_id);
  return st.Run();
}

Result<bool> SqliteCrisisTxn::AddCrisisCase(std::int64_t id, domain::CaseId case_id, UnixMillis at) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("INSERT OR IGNORE INTO crisis_cases"
                                                " (crisis_id, case_id, joined_at) VALUES (?1, ?2, ?3)"));
  st.BindInt(1, id).BindInt(2, case_id).BindInt(3, at);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.Changes() > 0;
}

Result<std::optional<std::pair<Crisis, std::int64_t>>> SqliteCrisisReader::RunningCrisis() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kCrisisColumns +
                                                " FROM crises WHERE ended_at IS NULL"));
  FR_ASSIGN_OR_RETURN(auto found, ReadCrises(st));
  if (found.empty()) return std::optional<std::pair<Crisis, std::int64_t>>();
  return std::optional<std::pair<Crisis, std::int64_t>>(std::move(found.front()));
}

Result<std::optional<Crisis>> SqliteCrisisReader::GetCrisis(std::int64_t id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kCrisisColumns +
                                                " FROM crises WHERE id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(auto found, ReadCrises(st));
  if (found.empty()) return std::optional<Crisis>();
  return std::optional<Crisis>(std::move(found.front().first));
}

Result<std::vector<Crisis>> SqliteCrisisReader::RecentCrises(int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kCrisisColumns +
                                                " FROM crises ORDER BY started_at DESC, id DESC"
                                                " LIMIT ?1"));
  st.BindInt(1, limit);
  FR_ASSIGN_OR_RETURN(auto found, ReadCrises(st));
  std::vector<Crisis> out;
  for (auto& [c, swept] : found) out.push_back(std::move(c));
  return out;
}

Result<std::vector<ports::CrisisCase>> SqliteCrisisReader::CrisisCases(std::int64_t id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT case_id, joined_at FROM crisis_cases"
                                                " WHERE crisis_id = ?1 ORDER BY joined_at, case_id"));
  st.BindInt(1, id);
  std::vector<ports::CrisisCase> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back({st.ColumnInt(0), st.ColumnInt(1)});
  }
}

Result<bool> SqliteCrisisReader::IsCrisisCase(std::int64_t id, domain::CaseId case_id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT 1 FROM crisis_cases WHERE crisis_id = ?1"
                                                " AND case_id = ?2"));
  st.BindInt(1, id).BindInt(2, case_id);
  return st.Step();
}

Result<std::vector<ports::SweptMessage>> SqliteCrisisReader::CustomerMessagesAfter(std::int64_t after,
                                                                                   int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare(std::string(kSweptSelect) +
                                  " WHERE m.id > ?1 AND m.is_outbound = 0 AND m.deleted = 0"
                                  " ORDER BY m.id LIMIT ?2"));
  st.BindInt(1, after).BindInt(2, limit);
  return ReadSwept(st);
}

Result<std::int64_t> SqliteCrisisReader::LastMessageIdBefore(UnixMillis t) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT COALESCE(MAX(id), 0) FROM messages WHERE created_at < ?1"));
  st.BindInt(1, t);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnInt(0) : 0;
}

Result<std::vector<ports::SweptMessage>> SqliteCrisisReader::CaseMessagesBetween(
    domain::CaseId case_id, UnixMillis from, UnixMillis to) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare(std::string(kSweptSelect) +
                                  " WHERE m.case_id = ?1 AND m.created_at >= ?2 AND m.created_at < ?3"
                                  " AND m.is_outbound = 0 AND m.deleted = 0"
                                  " ORDER BY m.created_at, m.id"));
  st.BindInt(1, case_id).BindInt(2, from).BindInt(3, to);
  return ReadSwept(st);
}

}  // namespace fr::storage::sqlite
