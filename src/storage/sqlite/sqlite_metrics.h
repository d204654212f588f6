// The metrics part of SqliteStore (ports/metrics_store.h). Schema: migrations/0011_metrics.sql.
// Thread safety: SqliteMetricsTxn as SqliteTxn (one thread);
// SqliteMetricsReader any thread.
#pragma once

#include "ports/metrics_store.h"
#include "storage/sqlite/sqlite_connection.h"
#include "storage/sqlite/sqlite_reader_pool.h"

namespace fr::storage::sqlite {

// Registers fr_hist_merge(a, b), the sum of two encoded DurationHistograms, on the writer
// connection `db` (the rollup upsert uses it).
Status RegisterMetricsFunctions(SqliteConnection& db);

// Reads a series message from columns 0..9 of `st`: id, case_id (0 for none), platform,
// account_id, author_handle, author_name, author_followers, created_at, negative (0/1),
// text. Errors: kInternal for a corrupt platform. (sqlite_series_messages.cc)
Result<ports::SeriesMessage> ReadSeriesMessage(const Statement& st);

class SqliteMetricsTxn final : public ports::MetricsTxn {
 public:
  // REQUIRES: `db` is the writer connection with a transaction open, and outlives this.
  explicit SqliteMetricsTxn(SqliteConnection& db) : db_(db) {}

  Result<std::optional<ports::CaseFactSource>> LoadCaseFactSource(domain::CaseId id) override;
  Result<std::optional<domain::metrics::CaseFacts>> GetCaseFacts(domain::CaseId id) override;
  Status PutCaseFacts(const domain::metrics::CaseFacts& facts) override;
  Result<bool> HasComplaintCase(domain::CustomerId customer, UnixMillis from, UnixMillis to,
                                domain::CaseId except) override;
  Result<std::vector<domain::CaseId>> CustomerCasesOpened(domain::CustomerId customer,
                                                          UnixMillis after,
                                                          UnixMillis until) override;
  Status AddToRollup(const domain::metrics::RollupKey& key,
                     const domain::metrics::RollupCounters& change) override;
  Status ClearAll() override;
  Status CountMinute(std::span<const std::string> series, UnixMillis minute,
                     bool negative) override;
  Result<std::int64_t> InsertSpikeAlert(const ports::SpikeAlert& alert) override;
  Status EndSpikeAlert(std::int64_t id, UnixMillis at) override;
  Status PutAlertDelivery(const ports::PendingAlertDelivery& d) override;
  Status DeleteAlertDelivery(std::int64_t alert_id, bool started, const std::string& sink) override;

 private:
  SqliteConnection& db_;
};

class SqliteMetricsReader final : public ports::MetricsReader {
 public:
  explicit SqliteMetricsReader(ReaderPool& readers) : readers_(readers) {}

  Result<std::map<std::string, domain::metrics::RollupCounters>> SumRollups(
      domain::metrics::Grain grain, domain::metrics::Dimension dimension, UnixMillis from,
      UnixMillis to, const std::optional<std::string>& group) override;
  Result<std::map<domain::metrics::RollupKey, domain::metrics::RollupCounters>> AllRollups()
      override;
  Result<std::vector<domain::metrics::CaseFacts>> ListCaseFacts(
      domain::metrics::Dimension dimension, const std::string& group, UnixMillis from,
      UnixMillis to, std::optional<std::pair<UnixMillis, domain::CaseId>> after,
      int limit) override;
  Result<std::vector<domain::CaseId>> CaseIdsAfter(domain::CaseId after, int limit) override;
  Result<std::vector<std::string>> SeriesSince(UnixMillis from) override;
  Result<std::vector<ports::MinuteCount>> MinuteCounts(const std::string& series, UnixMillis from,
                                                       UnixMillis to) override;
  Result<std::vector<ports::SpikeAlert>> RecentSpikeAlerts(int limit) override;
  Result<std::vector<ports::SpikeAlert>> OpenSpikeAlerts() override;
  Result<std::optional<ports::SpikeAlert>> GetSpikeAlert(std::int64_t id) override;
  Result<std::vector<ports::PendingAlertDelivery>> PendingAlertDeliveries() override;
  // In sqlite_series_messages.cc.
  Result<std::vector<ports::SeriesMessage>> SeriesMessages(const std::string& series,
                                                           UnixMillis from, UnixMillis to,
                                                           int limit) override;

 private:
  ReaderPool& readers_;
};

}  // namespace fr::storage::sqlite
