// The insights part of SqliteStore (ports/insight_store.h). Schema: migrations/0009_insights.sql.
// Thread safety: SqliteInsightTxn as SqliteTxn (one thread); SqliteInsightReader any thread.
#pragma once

#include "ports/insight_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"
#include "storage/sqlite/touched_cases.h"

namespace fr::storage::sqlite {

// 11 columns of message_insights, after message_id.
#define FR_SQLITE_INSIGHT_COLUMNS                                                          \
  "i.language, i.other_language, i.sentiment, i.sentiment_p, i.intent, i.intent_p, "       \
  "i.sensitivity, i.needs_reply, i.priority, i.reasons, i.corrected"

// Reads FR_SQLITE_INSIGHT_COLUMNS from `first_column` on (rules are read separately).
Result<ports::MessageInsight> ReadInsight(const Statement& st, int first_column);
// Appends the rules message `message_id` matched to insight.rules, in rule order.
Status LoadRuleMatches(SqliteConnection& db, std::int64_t message_id,
                       ports::MessageInsight& insight);

class SqliteInsightTxn final : public ports::InsightTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open; it and `touched`
  // outlive this.
  SqliteInsightTxn(SqliteConnection& db, TouchedCases& touched) : db_(db), touched_(touched) {}

  Status PutInsight(std::int64_t message_id, const ports::MessageInsight& insight) override;
  Status AddCorrection(const domain::LabelCorrection& c) override;
  Status PutRule(const domain::ListeningRule& r, UnixMillis at) override;
  Result<bool> DeleteRule(const std::string& id) override;
  Status PutSourceCursor(std::string_view source, std::string_view value, UnixMillis at) override;

 private:
  SqliteConnection& db_;
  TouchedCases& touched_;
};

class SqliteInsightReader final : public ports::InsightReader {
 public:
  // REQUIRES: `readers` outlives this.
  explicit SqliteInsightReader(ReaderPool& readers) : readers_(readers) {}

  Result<std::optional<ports::MessageInsight>> GetInsight(std::int64_t message_id) override;
  Result<std::vector<domain::ListeningRule>> ListRules() override;
  Result<std::vector<ports::CorrectionExample>> ListCorrections() override;
  Result<std::optional<std::string>> GetSourceCursor(std::string_view source) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
