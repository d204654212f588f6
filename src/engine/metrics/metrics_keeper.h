// MetricsKeeper: keeps each case's facts and the metric rollups in step with the cases
// (docs/metrics.md). It runs as the store's batch-end hook (ports::BatchEndHook): at the end
// of every write batch it recomputes the facts of the cases the batch touched, and moves each
// changed case's contribution in the rollups from its old facts to its new ones, merged per
// rollup row, in the same transaction. So the rollups always equal the sum of the stored facts,
// and a dashboard reads a few rows per hour or day whatever the number of cases behind them.
//
// Thread safety: immutable after construction; Refresh runs on whichever thread writes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>

#include "base/status.h"
#include "domain/case.h"
#include "domain/metrics/rollup.h"
#include "domain/people.h"
#include "domain/sla/business_calendar.h"
#include "ports/store.h"

namespace fr::engine {

// The business calendar of a team (nullopt: no team), for first-response business time.
using CalendarOfTeam =
    std::function<const domain::sla::BusinessCalendar&(std::optional<domain::TeamId>)>;

class MetricsKeeper {
 public:
  explicit MetricsKeeper(CalendarOfTeam calendar_of) : calendar_of_(std::move(calendar_of)) {}

  // Brings the facts of `cases`, and the rollups, in line with the store as `txn` sees it.
  // A case whose complaint flag changes also refreshes the same customer's cases opened in
  // the 30 days after it (their repeat-complaint flags depend on it). Errors: the store's.
  Status Refresh(ports::StoreTxn& txn, std::span<const domain::CaseId> cases) const;

  // Recomputes every fact and rollup from the cases: removes them all, then refreshes every
  // case in id order, `batch_size` cases per write batch. Returns the number of cases.
  // Writes that run meanwhile stay correct (a refresh replaces whatever facts it finds), but
  // until a case's batch has run its metrics are missing. Errors: the store's.
  Result<std::int64_t> Rebuild(ports::Store& store, int batch_size = 500) const;

 private:
  // Recomputes case `id` into `delta`; adds to `follow_ups` the cases whose repeat flag may
  // have changed with it (when follow_ups is not null).
  Status RefreshOne(ports::StoreTxn& txn, domain::CaseId id, domain::metrics::RollupDelta& delta,
                    std::set<domain::CaseId>* follow_ups) const;

  const CalendarOfTeam calendar_of_;
};

}  // namespace fr::engine
