#include "storage/sqlite/sqlite_insights.h"

#include <algorithm>
#include <string>

#include "storage/sqlite/sqlite_rows.h"

namespace fr::storage::sqlite {
namespace {

// The message_insights column that shows the label of `task` (IsValidLabel tasks).
const char* LabelColumnUpdate(std::string_view task) {
  if (task == "language") return "UPDATE message_insights SET language = ?2, corrected = ?3 WHERE message_id = ?1";
  if (task == "sentiment") return "UPDATE message_insights SET sentiment = ?2, corrected = ?3 WHERE message_id = ?1";
  if (task == "intent") return "UPDATE message_insights SET intent = ?2, corrected = ?3 WHERE message_id = ?1";
  return "UPDATE message_insights SET sensitivity = ?2, corrected = ?3 WHERE message_id = ?1";
}

}  // namespace

Status LoadRuleMatches(SqliteConnection& db, std::int64_t message_id,
                       ports::MessageInsight& insight) {
  FR_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT rule_id FROM message_rule_matches"
                                               " WHERE message_id = ?1 ORDER BY seq"));
  st.BindInt(1, message_id);
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    insight.rules.push_back(st.ColumnText(0));
  }
}

Result<ports::MessageInsight> ReadInsight(const Statement& st, int i) {
  ports::MessageInsight insight;
  domain::Understanding& u = insight.understanding;
  u.language = st.ColumnText(i + 0);
  u.other_language = st.ColumnText(i + 1);
  auto sentiment = domain::ParseSentiment(st.ColumnText(i + 2));
  if (!sentiment) return CorruptRow("message_insights", "sentiment");
  u.sentiment = *sentiment;
  u.sentiment_p = static_cast<float>(st.ColumnDouble(i + 3));
  auto intent = domain::ParseIntent(st.ColumnText(i + 4));
  if (!intent) return CorruptRow("message_insights", "intent");
  u.intent = *intent;
  u.intent_p = static_cast<float>(st.ColumnDouble(i + 5));
  u.sensitivity = SplitList(st.ColumnText(i + 6));
  insight.triage.needs_reply = st.ColumnDouble(i + 7);
  auto priority = domain::ParsePriority(st.ColumnText(i + 8));
  if (!priority) return CorruptRow("message_insights", "priority");
  insight.triage.priority = *priority;
  insight.triage.reasons = SplitList(st.ColumnText(i + 9));
  insight.corrected = SplitList(st.ColumnText(i + 10));
  return insight;
}

Status SqliteInsightTxn::PutInsight(std::int64_t message_id, const ports::MessageInsight& in) {
  const domain::Understanding& u = in.understanding;
  {
    FR_ASSIGN_OR_RETURN(
        Statement st,
        db_.Prepare("INSERT OR REPLACE INTO message_insights (message_id, language, "
                    "other_language, sentiment, sentiment_p, intent, intent_p, sensitivity, "
                    "needs_reply, priority, reasons, corrected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                    "?7, ?8, ?9, ?10, ?11, ?12)"));
    st.BindInt(1, message_id)
        .BindText(2, u.language)
        .BindText(3, u.other_language)
        .BindText(4, domain::SentimentName(u.sentiment))
        .BindDouble(5, u.sentiment_p)
        .BindText(6, domain::IntentName(u.intent))
        .BindDouble(7, u.intent_p)
        .BindText(8, JoinList(u.sensitivity))
        .BindDouble(9, in.triage.needs_reply)
        .BindText(10, domain::PriorityName(in.triage.priority))
        .BindText(11, JoinList(in.triage.reasons))
        .BindText(12, JoinList(in.corrected));
    FR_RETURN_IF_ERROR(st.Run());
  }
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db_.Prepare("DELETE FROM message_rule_matches WHERE message_id = ?1"));
    st.BindInt(1, message_id);
    FR_RETURN_IF_ERROR(st.Run());
  }
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT OR IGNORE INTO message_rule_matches (rule_id, "
                                  "message_id, seq) VALUES (?1, ?2, ?3)"));
  for (std::size_t seq = 0; seq < in.rules.size(); ++seq) {
    st.BindText(1, in.rules[seq]).BindInt(2, message_id).BindInt(3, static_cast<std::int64_t>(seq));
    FR_RETURN_IF_ERROR(st.Run());
  }
  return Status::Ok();
}

Status SqliteInsightTxn::AddCorrection(const domain::LabelCorrection& c) {
  std::vector<std::string> corrected;
  {
    FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT corrected FROM message_insights"
                                                  " WHERE message_id = ?1"));
    st.BindInt(1, c.message_id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) {
      return Status(Errc::kNotFound, "not_found",
                    "message " + std::to_string(c.message_id) + " has no labels to correct");
    }
    corrected = SplitList(st.ColumnText(0));
  }
  {
    FR_ASSIGN_OR_RETURN(Statement st,
                        db_.Prepare("INSERT INTO label_corrections (message_id, task, label, "
                                    "user_id, at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    st.BindInt(1, c.message_id).BindText(2, c.task).BindText(3, c.label).BindInt(4, c.user_id)
        .BindInt(5, c.at);
    Status s = st.Run();
    if (s.reason() == "store_constraint") {
      return Status(Errc::kNotFound, "not_found", "user " + std::to_string(c.user_id) + " not found");
    }
    FR_RETURN_IF_ERROR(s);
  }
  if (std::find(corrected.begin(), corrected.end(), c.task) == corrected.end()) {
    corrected.push_back(c.task);
    std::sort(corrected.begin(), corrected.end());
  }
  {
    FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("SELECT case_id FROM messages WHERE id = ?1"));
    st.BindInt(1, c.message_id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) touched_.Add(st.ColumnInt(0));
  }
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare(LabelColumnUpdate(c.task)));
  st.BindInt(1, c.message_id).BindText(2, c.label).BindText(3, JoinList(corrected));
  return st.Run();
}

Status SqliteInsightTxn::PutRule(const domain::ListeningRule& r, UnixMillis at) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT OR REPLACE INTO listening_rules (id, query, action, "
                                  "team, enabled, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.BindText(1, r.id)
      .BindText(2, r.query)
      .BindText(3, domain::RuleActionName(r.action))
      .BindText(4, r.team)
      .BindInt(5, r.enabled ? 1 : 0)
      .BindInt(6, at);
  return st.Run();
}

Result<bool> SqliteInsightTxn::DeleteRule(const std::string& id) {
  FR_ASSIGN_OR_RETURN(Statement st, db_.Prepare("DELETE FROM listening_rules WHERE id = ?1"));
  st.BindText(1, id);
  FR_RETURN_IF_ERROR(st.Run());
  return db_.Changes() > 0;
}

Status SqliteInsightTxn::PutSourceCursor(std::string_view source, std::string_view value,
                                         UnixMillis at) {
  FR_ASSIGN_OR_RETURN(Statement st,
                      db_.Prepare("INSERT OR REPLACE INTO source_cursors (source, value, "
                                  "updated_at) VALUES (?1, ?2, ?3)"));
  st.BindText(1, source).BindText(2, value).BindInt(3, at);
  return st.Run();
}

Result<std::optional<std::string>> SqliteInsightReader::GetSourceCursor(std::string_view source) {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT value FROM source_cursors WHERE source = ?1"));
  st.BindText(1, source);
  FR_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(st.ColumnText(0));
}

Result<std::optional<ports::MessageInsight>> SqliteInsightReader::GetInsight(
    std::int64_t message_id) {
  auto db = readers_.Acquire();
  std::optional<ports::MessageInsight> found;
  {
    FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT " FR_SQLITE_INSIGHT_COLUMNS
                                                  " FROM message_insights i"
                                                  " WHERE i.message_id = ?1"));
    st.BindInt(1, message_id);
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return found;
    FR_ASSIGN_OR_RETURN(found, ReadInsight(st, 0));
  }
  FR_RETURN_IF_ERROR(LoadRuleMatches(*db, message_id, *found));
  return found;
}

Result<std::vector<domain::ListeningRule>> SqliteInsightReader::ListRules() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id, query, action, team, enabled"
                                                " FROM listening_rules ORDER BY id"));
  std::vector<domain::ListeningRule> rules;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return rules;
    domain::ListeningRule r;
    r.id = st.ColumnText(0);
    r.query = st.ColumnText(1);
    auto action = domain::ParseRuleAction(st.ColumnText(2));
    if (!action) return CorruptRow("listening_rules", "action");
    r.action = *action;
    r.team = st.ColumnText(3);
    r.enabled = st.ColumnInt(4) != 0;
    rules.push_back(std::move(r));
  }
}

Result<std::vector<ports::CorrectionExample>> SqliteInsightReader::ListCorrections() {
  auto db = readers_.Acquire();
  FR_ASSIGN_OR_RETURN(Statement st,
                      db->Prepare("SELECT c.message_id, m.text, c.task, c.label, c.at"
                                  " FROM label_corrections c JOIN messages m"
                                  " ON m.id = c.message_id ORDER BY c.id"));
  std::vector<ports::CorrectionExample> out;
  while (true) {
    FR_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back({st.ColumnInt(0), st.ColumnText(1), st.ColumnText(2), st.ColumnText(3),
                   st.ColumnInt(4)});
  }
}

}  // namespace fr::storage::sqlite
