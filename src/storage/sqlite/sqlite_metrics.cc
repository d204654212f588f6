#include "storage/sqlite/sqlite_metrics.h"

#include <sqlite3.h>

#include <array>
#include <string>
#include <utility>

#include "storage/sqlite/sqlite_insights.h"
#include "storage/sqlite/sqlite_rows.h"
#include "storage/sqlite/sqlite_sla.h"

namespace fr::storage::sqlite {
namespace {

using domain::metrics::CaseFacts;
using domain::metrics::Dimension;
using domain::metrics::DurationHistogram;
using domain::metrics::Grain;
using domain::metrics::RollupCounters;
using domain::metrics::RollupKey;

// 23 columns, in ReadFacts order.
#define FR_SQLITE_FACT_COLUMNS                                                              \
  "case_id, customer_id, opened_at, platform, account, team, agent, priority, language, "   \
  "intent, rules, first_response_ms, first_response_business_ms, next_response_sum_ms, "    \
  "next_response_count, resolution_ms, customer_messages, answered_messages, "              \
  "first_response_sla, sentiment, complaint, repeat_complaint, topic"

// The rollup sums: integer columns, then histogram columns, each with its member.
struct IntColumn {
  const char* name;
  std::int64_t RollupCounters::*member;
};
constexpr std::array<IntColumn, 17> kIntColumns = {{
    {"cases", &RollupCounters::cases},
    {"responded", &RollupCounters::responded},
    {"first_response_sum_ms", &RollupCounters::first_response_sum_ms},
    {"first_response_business_sum_ms", &RollupCounters::first_response_business_sum_ms},
    {"next_response_sum_ms", &RollupCounters::next_response_sum_ms},
    {"next_response_count", &RollupCounters::next_response_count},
    {"resolved", &RollupCounters::resolved},
    {"resolution_sum_ms", &RollupCounters::resolution_sum_ms},
    {"customer_messages", &RollupCounters::customer_messages},
    {"answered_messages", &RollupCounters::answered_messages},
    {"sla_met", &RollupCounters::sla_met},
    {"sla_breached", &RollupCounters::sla_breached},
    {"complaints", &RollupCounters::complaints},
    {"repeat_complaints", &RollupCounters::repeat_complaints},
    {"negative", &RollupCounters::negative},
    {"neutral", &RollupCounters::neutral},
    {"positive", &RollupCounters::positive},
}};
struct HistogramColumn {
  const char* name;
  DurationHistogram RollupCounters::*member;
};
constexpr std::array<HistogramColumn, 3> kHistogramColumns = {{
    {"first_response_hist", &RollupCounters::first_response},
    {"first_response_business_hist", &RollupCounters::first_response_business},
    {"resolution_hist", &RollupCounters::resolution},
}};

// "cases, responded, ..., resolution_hist": the sums in kIntColumns then kHistogramColumns order.
const std::string& SumColumns() {
  static const std::string columns = [] {
    std::string out;
    for (const IntColumn& c : kIntColumns) out += std::string(out.empty() ? "" : ", ") + c.name;
    for (const HistogramColumn& c : kHistogramColumns) out += std::string(", ") + c.name;
    return out;
  }();
  return columns;
}

// fr_hist_merge(a, b): the DurationHistogram of encoded `a` plus encoded `b`; an error for
// bytes that are not one.
void HistogramMergeFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  auto bytes = [&](int i) {
    const void* data = sqlite3_value_blob(argv[i]);
    return std::string_view(static_cast<const char*>(data),
                            data == nullptr ? 0 : static_cast<std::size_t>(sqlite3_value_bytes(argv[i])));
  };
  try {
    auto a = DurationHistogram::Decode(argc == 2 ? bytes(0) : "");
    auto b = DurationHistogram::Decode(argc == 2 ? bytes(1) : "");
    if (!a.ok() || !b.ok()) {
      sqlite3_result_error(context, "fr_hist_merge: not a histogram", -1);
      return;
    }
    a->Merge(*b);
    const std::string merged = a->Encode();
    sqlite3_result_blob64(context, merged.data(), merged.size(), SQLITE_TRANSIENT);
  } catch (const std::exception&) {  // out of memory: no exception may cross into SQLite
    sqlite3_result_error_nomem(context);
  }
}

// One statement adds a change to a row, creating it: integer sums add up, histograms merge.
const std::string& UpsertRollupSql() {
  static const std::string sql = [] {
    std::string columns = "grain, dimension, bucket, grp", values = "?1, ?2, ?3, ?4", updates;
    int i = 5;
    for (const IntColumn& c : kIntColumns) {
      columns += std::string(", ") + c.name;
      values += ", ?" + std::to_string(i++);
      updates += std::string(updates.empty() ? "" : ", ") + c.name + " = " + c.name +
                 " + excluded." + c.name;
    }
    for (const HistogramColumn& c : kHistogramColumns) {
      columns += std::string(", ") + c.name;
      values += ", ?" + std::to_string(i++);
      updates += std::string(", ") + c.name + " = fr_hist_merge(" + c.name + ", excluded." +
                 c.name + ")";
    }
    return "INSERT INTO metric_rollups (" + columns + ") VALUES (" + values +
           ") ON CONFLICT (grain, dimension, bucket, grp) DO UPDATE SET " + updates;
  }();
  return sql;
}

// Reads SumColumns() from `first` on.
Result<RollupCounters> ReadSums(const Statement& st, int first) {
  RollupCounters c;
  int i = first;
  for (const IntColumn& col : kIntColumns) c.*col.member = st.ColumnInt(i++);
  for (const HistogramColumn& col : kHistogramColumns) {
    auto h = DurationHistogram::Decode(st.ColumnText(i++));
    if (!h.ok()) return CorruptRow("metric_rollups", col.name);
    c.*col.member = std::move(*h);
  }
  return c;
}

Result<CaseFacts> ReadFacts(const Statement& st) {
  CaseFacts f;
  f.case_id = st.ColumnInt(0);
  f.customer_id = st.ColumnInt(1);
  f.opened_at = st.ColumnInt(2);
  f.groups.platform = st.ColumnText(3);
  f.groups.account = st.ColumnText(4);
  f.groups.team = st.ColumnText(5);
  f.groups.agent = st.ColumnText(6);
  f.groups.priority = st.ColumnText(7);
  f.groups.language = st.ColumnText(8);
  f.groups.intent = st.ColumnText(9);
  f.groups.rules = SplitList(st.ColumnText(10));
  f.first_response_ms = st.ColumnOptionalInt(11);
  f.first_response_business_ms = st.ColumnOptionalInt(12);
  f.next_response_sum_ms = st.ColumnInt(13);
  f.next_response_count = st.ColumnInt(14);
  f.resolution_ms = st.ColumnOptionalInt(15);
  f.customer_messages = st.ColumnInt(16);
  f.answered_messages = st.ColumnInt(17);
  auto sla = domain::metrics::ParseSlaOutcome(st.ColumnText(18));
  if (!sla) return CorruptRow("case_facts", "first_response_sla");
  f.first_response_sla = *sla;
  const std::string sentiment = st.ColumnText(19);
  if (!sentiment.empty()) {
    f.sentiment = domain::ParseSentiment(sentiment);
    if (!f.sentiment) return CorruptRow("case_facts", "sentiment");
  }
  f.complaint = st.ColumnInt(20) != 0;
  f.repeat_complaint = st.ColumnInt(21) != 0;
  f.groups.topic = st.ColumnText(22);
  return f;
}

// The case_facts column holding the group of `d`: the columns are named like the dimensions;
// kAll and kRule have none.
const char* GroupColumn(Dimension d) {
  if (d == Dimension::kAll || d == Dimension::kRule) return nullptr;
  return domain::metrics::DimensionName(d).data();  // a literal: NUL-terminated
}

Result<std::vector<domain::metrics::TimelineEntry>> LoadTimeline(SqliteConnection& db,
                                                                 domain::CaseId id) {
  // The case's messages, and its sent replies whose echo has not come back yet.
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT at, inbound, human FROM ("
                 " SELECT m.created_at AS at, m.id AS seq, 1 - m.is_outbound AS inbound,"
                 "  NOT EXISTS (SELECT 1 FROM replies r WHERE r.echo_message_id = m.id"
                 "   AND r.author_id IS NULL) AS human"
                 " FROM messages m WHERE m.case_id = ?1 AND m.deleted = 0"
                 " UNION ALL"
                 " SELECT r.sent_at, 0, 0, r.author_id IS NOT NULL FROM replies r"
                 " WHERE r.case_id = ?1 AND r.status = 'sent' AND r.echo_message_id IS NULL)"
                 " ORDER BY at, seq"));
  st.BindInt(1, id);
  std::vector<domain::metrics::TimelineEntry> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back({st.ColumnInt(0), st.ColumnInt(1) != 0, st.ColumnInt(2) != 0});
  }
}

// The insight of the case's earliest customer message, with its rules; nullopt if none.
Result<std::optional<ports::MessageInsight>> LoadOpeningInsight(SqliteConnection& db,
                                                                domain::CaseId id) {
  std::optional<ports::MessageInsight> found;
  std::int64_t message_id = 0;
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db.Prepare("SELECT i.message_id, " FR_SQLITE_INSIGHT_COLUMNS
                                   " FROM messages m JOIN message_insights i"
                                   " ON i.message_id = m.id WHERE m.case_id = ?1"
                                   " AND m.is_outbound = 0 ORDER BY m.created_at, m.id LIMIT 1"));
    st.BindInt(1, id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return found;
    message_id = st.ColumnInt(0);
    FR_ASSIGN_OR_RETURN(found, ReadInsight(st, 1));
  }
  FR_RETURN_IF_ERROR(LoadRuleMatches(db, message_id, *found));
  return found;
}

// The complaint topic of the case's opening message (its earliest customer message), or "".
Result<std::string> LoadOpeningTopic(SqliteConnection& db, domain::CaseId id) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db.Prepare("SELECT (SELECT t.topic_id FROM message_topics t"
                                 " WHERE t.message_id = m.id) FROM messages m"
                                 " WHERE m.case_id = ?1 AND m.is_outbound = 0 AND m.deleted = 0"
                                 " ORDER BY m.created_at, m.id LIMIT 1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row || st.ColumnIsNull(0)) return std::string();
  return std::to_string(st.ColumnInt(0));
}

Result<std::optional<UnixMillis>> LoadResolvedAt(SqliteConnection& db, domain::CaseId id) {
  FR_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT max(at) FROM case_events WHERE case_id = ?1 AND kind = 'status_changed'"
                 " AND (detail LIKE 'new>%' OR detail LIKE 'open>%' OR detail LIKE 'pending>%')"
                 " AND (detail LIKE '%>resolved' OR detail LIKE '%>closed')"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<UnixMillis>();
  return st.ColumnOptionalInt(0);
}

constexpr char kAlertColumns[] =
    "id, series, kind, started_at, ended_at, observed, expected, score";

Result<std::vector<ports::SpikeAlert>> ReadAlerts(Statement& st) {
  std::vector<ports::SpikeAlert> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    ports::SpikeAlert a;
    a.id = st.ColumnInt(0);
    a.series = st.ColumnText(1);
    auto kind = domain::metrics::ParseSpikeKind(st.ColumnText(2));
    if (!kind) return CorruptRow("spike_alerts", "kind");
    a.kind = *kind;
    a.started_at = st.ColumnInt(3);
    a.ended_at = st.ColumnOptionalInt(4);
    a.observed = st.ColumnInt(5);
    a.expected = st.ColumnDouble(6);
    a.score = st.ColumnDouble(7);
    out.push_back(std::move(a));
  }
}

}  // namespace

Status RegisterMetricsFunctions(SqliteConnection& db) {
  const int rc = sqlite3_create_function_v2(
      db.handle(), "fr_hist_merge", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
      nullptr, &HistogramMergeFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db.handle(), rc, "register fr_hist_merge");
  return Status::Ok();
}

Result<std::optional<ports::CaseFactSource>> SqliteMetricsTxn::LoadCaseFactSource(
    domain::CaseId id) {
  std::optional<ports::CaseFactSource> out;
  {
    FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT " FR_SQLITE_CASE_COLUMNS
                                                  " FROM cases c WHERE c.id = ?1"));
    st.BindInt(1, id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_ASSIGN_OR_RETURN(domain::Case kase, ReadCase(st, 0));
    out.emplace();
    out->kase = std::move(kase);
  }
  FR_ASSIGN_OR_RETURN(out->timeline, LoadTimeline(db_, id));
  FR_ASSIGN_OR_RETURN(std::optional<ports::MessageInsight> opening, LoadOpeningInsight(db_, id));
  if (opening) {
    out->opening = std::move(opening->understanding);
    out->opening_rules = std::move(opening->rules);
  }
  FR_ASSIGN_OR_RETURN(out->opening_topic, LoadOpeningTopic(db_, id));
  FR_ASSIGN_OR_RETURN(out->clocks, ReadCaseClocks(db_, id));
  FR_ASSIGN_OR_RETURN(out->resolved_at, LoadResolvedAt(db_, id));
  return out;
}

Result<std::optional<CaseFacts>> SqliteMetricsTxn::GetCaseFacts(domain::CaseId id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT " FR_SQLITE_FACT_COLUMNS
                                                " FROM case_facts WHERE case_id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<CaseFacts>();
  FR_ASSIGN_OR_RETURN(CaseFacts f, ReadFacts(st));
  return std::optional<CaseFacts>(std::move(f));
}

Status SqliteMetricsTxn::PutCaseFacts(const CaseFacts& f) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT OR REPLACE INTO case_facts (" FR_SQLITE_FACT_COLUMNS
                                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                  " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)"));
  st.BindInt(1, f.case_id)
      .BindInt(2, f.customer_id)
      .BindInt(3, f.opened_at)
      .BindText(4, f.groups.platform)
      .BindText(5, f.groups.account)
      .BindText(6, f.groups.team)
      .BindText(7, f.groups.agent)
      .BindText(8, f.groups.priority)
      .BindText(9, f.groups.language)
      .BindText(10, f.groups.intent)
      .BindText(11, JoinList(f.groups.rules))
      .BindOptionalInt(12, f.first_response_ms)
      .BindOptionalInt(13, f.first_response_business_ms)
      .BindInt(14, f.next_response_sum_ms)
      .BindInt(15, f.next_response_count)
      .BindOptionalInt(16, f.resolution_ms)
      .BindInt(17, f.customer_messages)
      .BindInt(18, f.answered_messages)
      .BindText(19, domain::metrics::SlaOutcomeName(f.first_response_sla))
      .BindText(20, f.sentiment ? domain::SentimentName(*f.sentiment) : std::string_view())
      .BindInt(21, f.complaint ? 1 : 0)
      .BindInt(22, f.repeat_complaint ? 1 : 0)
      .BindText(23, f.groups.topic);
  return st.Run();
}

Result<bool> SqliteMetricsTxn::HasComplaintCase(domain::CustomerId customer, UnixMillis from,
                                                UnixMillis to, domain::CaseId except) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("SELECT 1 FROM case_facts WHERE customer_id = ?1"
                                  " AND opened_at >= ?2 AND opened_at < ?3 AND complaint = 1"
                                  " AND case_id != ?4 LIMIT 1"));
  st.BindInt(1, customer).BindInt(2, from).BindInt(3, to).BindInt(4, except);
  return st.Step();
}

Result<std::vector<domain::CaseId>> SqliteMetricsTxn::CustomerCasesOpened(
    domain::CustomerId customer, UnixMillis after, UnixMillis until) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("SELECT case_id FROM case_facts WHERE customer_id = ?1"
                                  " AND opened_at > ?2 AND opened_at <= ?3"
                                  " ORDER BY opened_at, case_id"));
  st.BindInt(1, customer).BindInt(2, after).BindInt(3, until);
  std::vector<domain::CaseId> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(st.ColumnInt(0));
  }
}

Status SqliteMetricsTxn::AddToRollup(const RollupKey& key, const RollupCounters& change) {
  {
    FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare(UpsertRollupSql()));
    st.BindText(1, domain::metrics::GrainName(key.grain))
        .BindText(2, domain::metrics::DimensionName(key.dimension))
        .BindInt(3, key.bucket)
        .BindText(4, key.group);
    int i = 5;
    for (const IntColumn& col : kIntColumns) st.BindInt(i++, change.*col.member);
    for (const HistogramColumn& col : kHistogramColumns) {
      st.BindBlob(i++, (change.*col.member).Encode());
    }
    FR_RETURN_IF_ERROR(st.Run());
  }
  // Every case adds 1 to `cases` of each row it counts in, so a row whose cases went to zero
  // holds no case: all its sums are zero.
  if (change.cases >= 0) return Status::Ok();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("DELETE FROM metric_rollups WHERE grain = ?1 AND dimension = ?2"
                                  " AND bucket = ?3 AND grp = ?4 AND cases = 0"));
  st.BindText(1, domain::metrics::GrainName(key.grain))
      .BindText(2, domain::metrics::DimensionName(key.dimension))
      .BindInt(3, key.bucket)
      .BindText(4, key.group);
  return st.Run();
}

Status SqliteMetricsTxn::ClearAll() {
  FR_RETURN_IF_ERROR(db_.Exec("DELETE FROM metric_rollups"));
  return db_.Exec("DELETE FROM case_facts");
}

Status SqliteMetricsTxn::CountMinute(std::span<const std::string> series, UnixMillis minute,
                                     bool negative) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO minute_volume (series, minute, total, negative)"
                                  " VALUES (?1, ?2, 1, ?3) ON CONFLICT (series, minute) DO UPDATE"
                                  " SET total = total + 1, negative = negative + excluded.negative"));
  for (const std::string& name : series) {
    st.BindText(1, name).BindInt(2, minute).BindInt(3, negative ? 1 : 0);
    FR_RETURN_IF_ERROR(st.Run());
  }
  return Status::Ok();
}

Result<std::int64_t> SqliteMetricsTxn::InsertSpikeAlert(const ports::SpikeAlert& a) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT INTO spike_alerts (series, kind, started_at, observed,"
                                  " expected, score) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.BindText(1, a.series)
      .BindText(2, domain::metrics::SpikeKindName(a.kind))
      .BindInt(3, a.started_at)
      .BindInt(4, a.observed)
      .BindDouble(5, a.expected)
      .BindDouble(6, a.score);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.LastInsertRowid();
}

Status SqliteMetricsTxn::EndSpikeAlert(std::int64_t id, UnixMillis at) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("UPDATE spike_alerts SET ended_at = ?2 WHERE id = ?1"));
  st.BindInt(1, id).BindInt(2, at);
  FR_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) {
    return Status(Errc::kNotFound, "not_found", "spike alert " + std::to_string(id) + " not found");
  }
  return Status::Ok();
}

Status SqliteMetricsTxn::PutAlertDelivery(const ports::PendingAlertDelivery& d) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT OR REPLACE INTO alert_deliveries (alert_id, started,"
                                  " sink, attempts, due) VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.BindInt(1, d.alert_id).BindInt(2, d.started ? 1 : 0).BindText(3, d.sink).BindInt(4, d.attempts).BindInt(5, d.due);
  return st.Run();
}

Status SqliteMetricsTxn::DeleteAlertDelivery(std::int64_t alert_id, bool started,
                                             const std::string& sink) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("DELETE FROM alert_deliveries"
                                  " WHERE alert_id = ?1 AND started = ?2 AND sink = ?3"));
  st.BindInt(1, alert_id).BindInt(2, started ? 1 : 0).BindText(3, sink);
  return st.Run();
}

Result<std::map<std::string, RollupCounters>> SqliteMetricsReader::SumRollups(
    Grain grain, Dimension dimension, UnixMillis from, UnixMillis to,
    const std::optional<std::string>& group) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT grp, " + SumColumns() +
                                  " FROM metric_rollups WHERE grain = ?1 AND dimension = ?2"
                                  " AND bucket >= ?3 AND bucket < ?4"
                                  " AND (?5 IS NULL OR grp = ?5)"));
  st.BindText(1, domain::metrics::GrainName(grain))
      .BindText(2, domain::metrics::DimensionName(dimension))
      .BindInt(3, from)
      .BindInt(4, to);
  if (group) {
    st.BindText(5, *group);
  } else {
    st.BindNull(5);
  }
  std::map<std::string, RollupCounters> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_ASSIGN_OR_RETURN(RollupCounters sums, ReadSums(st, 1));
    out[st.ColumnText(0)].Merge(sums);
  }
}

Result<std::map<RollupKey, RollupCounters>> SqliteMetricsReader::AllRollups() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT grain, dimension, bucket, grp, " +
                                                SumColumns() + " FROM metric_rollups"));
  std::map<RollupKey, RollupCounters> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    auto grain = domain::metrics::ParseGrain(st.ColumnText(0));
    auto dimension = domain::metrics::ParseDimension(st.ColumnText(1));
    if (!grain || !dimension) return CorruptRow("metric_rollups", "grain");
    FR_ASSIGN_OR_RETURN(RollupCounters sums, ReadSums(st, 4));
    out.emplace(RollupKey{*grain, st.ColumnInt(2), *dimension, st.ColumnText(3)}, std::move(sums));
  }
}

Result<std::vector<CaseFacts>> SqliteMetricsReader::ListCaseFacts(
    Dimension dimension, const std::string& group, UnixMillis from, UnixMillis to,
    std::optional<std::pair<UnixMillis, domain::CaseId>> after, int limit) {
  std::string filter;
  if (const char* column = GroupColumn(dimension)) {
    filter = std::string(" AND ") + column + " = ?6";
  } else if (dimension == Dimension::kRule) {
    filter = " AND instr(',' || rules || ',', ',' || ?6 || ',') > 0";
  }
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT " FR_SQLITE_FACT_COLUMNS " FROM case_facts"
                                  " WHERE opened_at >= ?1 AND opened_at < ?2"
                                  " AND (opened_at, case_id) > (?3, ?4)" + filter +
                                  " ORDER BY opened_at, case_id LIMIT ?5"));
  st.BindInt(1, from).BindInt(2, to);
  st.BindInt(3, after ? after->first : from - 1).BindInt(4, after ? after->second : 0);
  st.BindInt(5, limit);
  if (!filter.empty()) st.BindText(6, group);
  std::vector<CaseFacts> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    FR_ASSIGN_OR_RETURN(CaseFacts f, ReadFacts(st));
    out.push_back(std::move(f));
  }
}

Result<std::vector<domain::CaseId>> SqliteMetricsReader::CaseIdsAfter(domain::CaseId after,
                                                                      int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT id FROM cases WHERE id > ?1 ORDER BY id LIMIT ?2"));
  st.BindInt(1, after).BindInt(2, limit);
  std::vector<domain::CaseId> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(st.ColumnInt(0));
  }
}

Result<std::vector<std::string>> SqliteMetricsReader::SeriesSince(UnixMillis from) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT DISTINCT series FROM minute_volume"
                                                " WHERE minute >= ?1 ORDER BY series"));
  st.BindInt(1, from);
  std::vector<std::string> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(st.ColumnText(0));
  }
}

Result<std::vector<ports::MinuteCount>> SqliteMetricsReader::MinuteCounts(
    const std::string& series, UnixMillis from, UnixMillis to) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT minute, total, negative FROM minute_volume"
                                  " WHERE series = ?1 AND minute >= ?2 AND minute < ?3"
                                  " ORDER BY minute"));
  st.BindText(1, series).BindInt(2, from).BindInt(3, to);
  std::vector<ports::MinuteCount> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back({st.ColumnInt(0), st.ColumnInt(1), st.ColumnInt(2)});
  }
}

Result<std::vector<ports::SpikeAlert>> SqliteMetricsReader::RecentSpikeAlerts(int limit) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kAlertColumns +
                                                " FROM spike_alerts ORDER BY started_at DESC,"
                                                " id DESC LIMIT ?1"));
  st.BindInt(1, limit);
  return ReadAlerts(st);
}

Result<std::vector<ports::SpikeAlert>> SqliteMetricsReader::OpenSpikeAlerts() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kAlertColumns +
                                                " FROM spike_alerts WHERE ended_at IS NULL"
                                                " ORDER BY id"));
  return ReadAlerts(st);
}

Result<std::optional<ports::SpikeAlert>> SqliteMetricsReader::GetSpikeAlert(std::int64_t id) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kAlertColumns +
                                                " FROM spike_alerts WHERE id = ?1"));
  st.BindInt(1, id);
  FR_ASSIGN_OR_RETURN(std::vector<ports::SpikeAlert> found, ReadAlerts(st));
  if (found.empty()) return std::optional<ports::SpikeAlert>();
  return std::optional<ports::SpikeAlert>(std::move(found.front()));
}

Result<std::vector<ports::PendingAlertDelivery>> SqliteMetricsReader::PendingAlertDeliveries() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT alert_id, started, sink, attempts, due FROM"
                                  " alert_deliveries ORDER BY due, alert_id, started, sink"));
  std::vector<ports::PendingAlertDelivery> pending;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    pending.push_back({st.ColumnInt(0), st.ColumnInt(1) != 0, st.ColumnText(2),
                       static_cast<int>(st.ColumnInt(3)), st.ColumnInt(4)});
  }
  return pending;
}

}  // namespace fr::storage::sqlite
