#include "storage/sqlite/sqlite_sla.h"

#include <algorithm>
#include <string>

#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {
namespace {

using domain::sla::CaseSlaClock;
using domain::sla::CaseSlaClocks;
using domain::sla::SlaEventKind;
using std::chrono::milliseconds;

constexpr char kClockColumns[] =
    "case_id, metric, started_at, target_ms, warn_after_ms, phase, phase_since, consumed_ms, "
    "warn_at, due_at, warned, breached";

// Reads the row at the statement's cursor into the clock of its metric in `out`.
Status ReadClockRow(const Statement& st, CaseSlaClocks& out) {
  CaseSlaClock c;
  auto metric = domain::sla::ParseSlaMetric(st.ColumnText(1));
  if (!metric) return CorruptRow("sla_clocks", "metric");
  c.metric = *metric;
  c.started_at = st.ColumnInt(2);
  c.clock.target = milliseconds(st.ColumnInt(3));
  c.clock.warn_after = milliseconds(st.ColumnInt(4));
  auto phase = domain::sla::ParseSlaPhase(st.ColumnText(5));
  if (!phase) return CorruptRow("sla_clocks", "phase");
  c.clock.phase = *phase;
  c.clock.phase_since = st.ColumnInt(6);
  c.clock.consumed = milliseconds(st.ColumnInt(7));
  c.warn_at = st.ColumnOptionalInt(8);
  c.due_at = st.ColumnOptionalInt(9);
  c.warned = st.ColumnInt(10) != 0;
  c.breached = st.ColumnInt(11) != 0;
  if (c.metric == domain::sla::SlaMetric::kFirstResponse) {
    out.first_response = std::move(c);
  } else {
    out.next_response = std::move(c);
  }
  return Status::Ok();
}

}  // namespace

Result<CaseSlaClocks> ReadCaseClocks(SqliteConnection& db, domain::CaseId id) {
  FR_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string("SELECT ") + kClockColumns +
                                               " FROM sla_clocks WHERE case_id = ?1"));
  st.BindInt(1, id);
  CaseSlaClocks out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_RETURN_IF_ERROR(ReadClockRow(st, out));
  }
}

namespace {

// Appends the alerts `sql` selects (case_id, metric, at) as `kind`.
Status AppendAlerts(SqliteConnection& db, const char* sql, UnixMillis now, int limit,
                    SlaEventKind kind, std::vector<ports::SlaAlert>& out) {
  FR_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  st.BindInt(1, now).BindInt(2, limit);
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    auto metric = domain::sla::ParseSlaMetric(st.ColumnText(1));
    if (!metric) return CorruptRow("sla_clocks", "metric");
    out.push_back({st.ColumnInt(0), *metric, kind, st.ColumnInt(2)});
  }
}

// The statements match the partial indexes of 0006_sla_clocks.sql.
constexpr char kWarningsDue[] =
    "SELECT case_id, metric, warn_at FROM sla_clocks WHERE phase = 'running' AND warned = 0 "
    "AND warn_at <= ?1 ORDER BY warn_at LIMIT ?2";
constexpr char kBreachesDue[] =
    "SELECT case_id, metric, due_at FROM sla_clocks WHERE phase = 'running' AND breached = 0 "
    "AND due_at <= ?1 ORDER BY due_at LIMIT ?2";
constexpr char kNextWarning[] =
    "SELECT min(warn_at) FROM sla_clocks WHERE phase = 'running' AND warned = 0";
constexpr char kNextBreach[] =
    "SELECT min(due_at) FROM sla_clocks WHERE phase = 'running' AND breached = 0";

}  // namespace

Result<CaseSlaClocks> SqliteSlaTxn::GetClocks(domain::CaseId id) { return ReadCaseClocks(db_, id); }

Status SqliteSlaTxn::PutClock(domain::CaseId id, const CaseSlaClock& c) {
  touched_.Add(id);
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db_.Prepare(std::string("INSERT OR REPLACE INTO sla_clocks (") + kClockColumns +
                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  st.BindInt(1, id)
      .BindText(2, domain::sla::SlaMetricName(c.metric))
      .BindInt(3, c.started_at)
      .BindInt(4, c.clock.target.count())
      .BindInt(5, c.clock.warn_after.count())
      .BindText(6, domain::sla::SlaPhaseName(c.clock.phase))
      .BindInt(7, c.clock.phase_since)
      .BindInt(8, c.clock.consumed.count())
      .BindOptionalInt(9, c.warn_at)
      .BindOptionalInt(10, c.due_at)
      .BindInt(11, c.warned ? 1 : 0)
      .BindInt(12, c.breached ? 1 : 0);
  Status s = st.Run();
  if (s.reason() == "store_constraint") {
    return Status(Errc::kNotFound, "not_found", "case " + std::to_string(id) + " not found");
  }
  return s;
}

Result<CaseSlaClocks> SqliteSlaReader::GetClocks(domain::CaseId id) {
  auto db = readers_.Acquire();
  return ReadCaseClocks(*db, id);
}

Result<std::map<domain::CaseId, CaseSlaClocks>> SqliteSlaReader::GetClocksOf(
    std::span<const domain::CaseId> ids) {
  std::map<domain::CaseId, CaseSlaClocks> out;
  if (ids.empty()) return out;
  auto db = readers_.Acquire();
  // One statement for a page of cases: the ids go in as a JSON array.
  std::string list = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) list += ',';
    list += std::to_string(ids[i]);
  }
  list += ']';
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare(std::string("SELECT ") + kClockColumns +
                                  " FROM sla_clocks WHERE case_id IN (SELECT value FROM "
                                  "json_each(?1))"));
  st.BindText(1, list);
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_RETURN_IF_ERROR(ReadClockRow(st, out[st.ColumnInt(0)]));
  }
}

Result<std::vector<ports::SlaAlert>> SqliteSlaReader::DueAlerts(UnixMillis now, int limit) {
  auto db = readers_.Acquire();
  std::vector<ports::SlaAlert> out;
  FR_RETURN_IF_ERROR(AppendAlerts(*db, kWarningsDue, now, limit, SlaEventKind::kWarn, out));
  FR_RETURN_IF_ERROR(AppendAlerts(*db, kBreachesDue, now, limit, SlaEventKind::kBreach, out));
  std::stable_sort(out.begin(), out.end(),
                   [](const ports::SlaAlert& a, const ports::SlaAlert& b) { return a.at < b.at; });
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(limit);
  return out;
}

Result<std::optional<UnixMillis>> SqliteSlaReader::NextAlertAt() {
  auto db = readers_.Acquire();
  std::optional<UnixMillis> next;
  for (const char* sql : {kNextWarning, kNextBreach}) {
    FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(sql));
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row && !st.ColumnIsNull(0)) {
      next = next ? std::min(*next, st.ColumnInt(0)) : st.ColumnInt(0);
    }
  }
  return next;
}

Result<std::vector<domain::CaseId>> SqliteSlaReader::ActiveCaseIds(domain::CaseId after,
                                                                   int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT id FROM cases WHERE id > ?1 AND status IN ('new', "
                                  "'open', 'pending') ORDER BY id LIMIT ?2"));
  st.BindInt(1, after).BindInt(2, limit);
  std::vector<domain::CaseId> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(st.ColumnInt(0));
  }
}

}  // namespace fr::storage::sqlite
