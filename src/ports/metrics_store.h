// The metrics part of the Store port (docs/metrics.md): each case's facts, the inputs they
// are made from, and the rollups that sum them. Reached through StoreTxn::metrics() inside a
// WriteBatch and Store::metrics() for reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/metrics/case_facts.h"
#include "domain/metrics/rollup.h"
#include "domain/metrics/spike_detector.h"
#include "domain/metrics/spike_explanation.h"
#include "domain/sla/case_sla.h"
#include "domain/understanding.h"

namespace fr::ports {

// What the store holds that a case's facts are made from (domain::metrics::CaseFactInputs
// without the calendar and the repeat-complaint lookup).
struct CaseFactSource {
  domain::Case kase;
  // The case's messages that are not deleted, by (created_at, id). A brand message is not
  // human when it is the echo of a reply written by no one (the system).
  std::vector<domain::metrics::TimelineEntry> timeline;
  // The insight of the case's earliest customer message, with its rule matches.
  std::optional<domain::Understanding> opening;
  std::vector<std::string> opening_rules;
  std::string opening_topic;  // the opening message's complaint topic id, or ""
  domain::sla::CaseSlaClocks clocks;
  // When the case last went from new, open or pending to resolved or closed (its history);
  // nullopt if it never did.
  std::optional<UnixMillis> resolved_at;
};

// A spike the watcher raised (docs/spikes.md).
struct SpikeAlert {
  std::int64_t id = 0;
  std::string series;  // domain/metrics/volume_series.h
  domain::metrics::SpikeKind kind = domain::metrics::SpikeKind::kVolume;
  UnixMillis started_at = 0;            // the minute it started
  std::optional<UnixMillis> ended_at;   // the minute it ended; none while it lasts
  std::int64_t observed = 0;            // the window's count when it started
  double expected = 0;                  // the baseline for that window
  double score = 0;
  bool operator==(const SpikeAlert&) const = default;
};

// A customer message counted in a volume series, with its text: what explains a spike.
struct SeriesMessage {
  domain::metrics::WindowMessage head;  // its terms left empty
  std::string text;
};

// One minute of a series.
struct MinuteCount {
  UnixMillis minute = 0;
  std::int64_t total = 0;
  std::int64_t negative = 0;
  bool operator==(const MinuteCount&) const = default;
};

// A spike notice waiting for one sink (the AlertDispatcher's outbox, docs/alerts.md): kept
// until it is delivered or given up, so that a restart goes on with it.
struct PendingAlertDelivery {
  std::int64_t alert_id = 0;
  bool started = true;  // the notice of the spike's start; false: of its end
  std::string sink;     // AlertSink::name()
  int attempts = 0;     // made so far
  UnixMillis due = 0;   // when the next attempt is due
  bool operator==(const PendingAlertDelivery&) const = default;
};

// Writes, inside a WriteBatch.
class MetricsTxn {
 public:
  virtual ~MetricsTxn() = default;

  // The inputs of the facts of case `id`; nullopt for an unknown case.
  virtual Result<std::optional<CaseFactSource>> LoadCaseFactSource(domain::CaseId id) = 0;
  // The stored facts of case `id`, or nullopt.
  virtual Result<std::optional<domain::metrics::CaseFacts>> GetCaseFacts(domain::CaseId id) = 0;
  // Stores `facts` as the facts of facts.case_id, replacing any.
  virtual Status PutCaseFacts(const domain::metrics::CaseFacts& facts) = 0;
  // Whether customer `customer` has a stored complaint case other than `except` opened in
  // [from, to).
  virtual Result<bool> HasComplaintCase(domain::CustomerId customer, UnixMillis from,
                                        UnixMillis to, domain::CaseId except) = 0;
  // The customer's cases with stored facts opened in (after, until], by opened time.
  virtual Result<std::vector<domain::CaseId>> CustomerCasesOpened(domain::CustomerId customer,
                                                                  UnixMillis after,
                                                                  UnixMillis until) = 0;
  // Adds `change` to the rollup row `key` (a missing row counts as zero; a row that becomes
  // zero is removed).
  virtual Status AddToRollup(const domain::metrics::RollupKey& key,
                             const domain::metrics::RollupCounters& change) = 0;
  // Removes every fact and rollup row (the start of a rebuild).
  virtual Status ClearAll() = 0;

  // Counts one customer message at `minute` in each of `series` (and as negative if it is).
  virtual Status CountMinute(std::span<const std::string> series, UnixMillis minute,
                             bool negative) = 0;
  // Stores a started spike (its id ignored, ended_at unset); returns its id.
  virtual Result<std::int64_t> InsertSpikeAlert(const SpikeAlert& alert) = 0;
  // Records that spike `id` ended at minute `at`. kNotFound for an unknown id.
  virtual Status EndSpikeAlert(std::int64_t id, UnixMillis at) = 0;
  // Stores `d`, replacing the delivery of the same alert, notice and sink.
  virtual Status PutAlertDelivery(const PendingAlertDelivery& d) = 0;
  // Forgets the delivery of notice `started` of `alert_id` to `sink` (none: nothing happens).
  virtual Status DeleteAlertDelivery(std::int64_t alert_id, bool started,
                                     const std::string& sink) = 0;
};

// Reads; any thread.
class MetricsReader {
 public:
  virtual ~MetricsReader() = default;

  // The rollup rows of `grain` and `dimension` whose bucket lies in [from, to), summed per
  // group; only `group` when it is set.
  virtual Result<std::map<std::string, domain::metrics::RollupCounters>> SumRollups(
      domain::metrics::Grain grain, domain::metrics::Dimension dimension, UnixMillis from,
      UnixMillis to, const std::optional<std::string>& group) = 0;
  // Every rollup row, by key (for tests and the rebuild check).
  virtual Result<std::map<domain::metrics::RollupKey, domain::metrics::RollupCounters>>
  AllRollups() = 0;

  // Up to `limit` facts of cases opened in [from, to), in (opened_at, case_id) order after
  // `after` (a (opened_at, case_id) position; nullopt from the start); only cases whose group
  // under `dimension` is `group` (one of their rules for kRule) unless dimension is kAll.
  virtual Result<std::vector<domain::metrics::CaseFacts>> ListCaseFacts(
      domain::metrics::Dimension dimension, const std::string& group, UnixMillis from,
      UnixMillis to, std::optional<std::pair<UnixMillis, domain::CaseId>> after, int limit) = 0;
  // Up to `limit` case ids greater than `after`, ascending (every case, for a rebuild).
  virtual Result<std::vector<domain::CaseId>> CaseIdsAfter(domain::CaseId after, int limit) = 0;

  // Every series with a message in a minute at or after `from`, by name.
  virtual Result<std::vector<std::string>> SeriesSince(UnixMillis from) = 0;
  // The minutes of `series` in [from, to) that have messages, oldest first.
  virtual Result<std::vector<MinuteCount>> MinuteCounts(const std::string& series,
                                                        UnixMillis from, UnixMillis to) = 0;
  // Up to `limit` spikes, the latest started first.
  virtual Result<std::vector<SpikeAlert>> RecentSpikeAlerts(int limit) = 0;
  // The spikes not ended yet.
  virtual Result<std::vector<SpikeAlert>> OpenSpikeAlerts() = 0;
  // Spike `id`, or nullopt.
  virtual Result<std::optional<SpikeAlert>> GetSpikeAlert(std::int64_t id) = 0;
  // Every delivery waiting, the earliest due first (then by alert, notice and sink).
  virtual Result<std::vector<PendingAlertDelivery>> PendingAlertDeliveries() = 0;

  // Up to `limit` customer messages (not deleted) counted in volume series `series`
  // (domain/metrics/volume_series.h) created in [from, to), the latest first. Negative: the
  // message was understood as negative. Errors: kInvalidArgument for a series name
  // VolumeSeriesOf never makes.
  virtual Result<std::vector<SeriesMessage>> SeriesMessages(const std::string& series,
                                                            UnixMillis from, UnixMillis to,
                                                            int limit) = 0;
};

}  // namespace fr::ports
