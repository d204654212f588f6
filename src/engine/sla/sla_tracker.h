// SlaTracker: keeps each case's SLA clocks in step with the case (domain/sla/case_sla.h).
// It runs as the store's case-write hook (ports::CaseWriteHook), inside the transaction that
// writes the case, so whoever changes a case — ingest, an agent, the routing sweep, the
// outbox recording a reply — changes its clocks in the same commit, and a case and its clocks
// always agree. It also answers where a clock stands now, for the API.
//
// Settings: the policy table (platform x priority), the default business calendar and one
// per team. A case uses its team's calendar, or the default while it has no team.
// Thread safety: immutable after construction; Track runs on whichever thread writes.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/people.h"
#include "domain/sla/business_calendar.h"
#include "domain/sla/case_sla.h"
#include "domain/sla/escalation.h"
#include "domain/sla/sla_policy.h"
#include "ports/store.h"

namespace fr::engine {

struct SlaSettings {
  domain::sla::SlaPolicyTable policies;  // empty: the built-in defaults
  domain::sla::BusinessCalendar default_calendar = domain::sla::BusinessCalendar::AlwaysOpen();
  std::map<domain::TeamId, domain::sla::BusinessCalendar> team_calendars;
  domain::sla::EscalationPlan escalation;
};

// Where one clock stands at an instant, for display.
struct SlaReading {
  domain::sla::SlaMetric metric = domain::sla::SlaMetric::kFirstResponse;
  domain::sla::SlaState state = domain::sla::SlaState::kOnTrack;
  UnixMillis started_at = 0;
  std::optional<UnixMillis> due_at;   // while running
  std::optional<UnixMillis> warn_at;  // while running and before the warning
  std::chrono::milliseconds target{0};
  std::chrono::milliseconds consumed{0};  // business time used so far
};

class SlaTracker {
 public:
  explicit SlaTracker(SlaSettings settings) : settings_(std::move(settings)) {}

  // Brings the stored clocks of `c` in line with `c`, as written in `txn`; writes only the
  // clocks that changed. A calendar error (a calendar without working time) is logged and the
  // clocks are left as they were: a case write never fails for its SLA. Errors: the store's.
  Status Track(ports::StoreTxn& txn, const domain::Case& c) const;

  // The clock to show for case `c` at `now` (CurrentClock), nullopt if it has none.
  // Errors: the calendar's.
  Result<std::optional<SlaReading>> Read(const domain::Case& c,
                                         const domain::sla::CaseSlaClocks& clocks,
                                         UnixMillis now) const;

  // Read for each of `cases` that has clocks in `store` (one store query for all). A case
  // whose calendar fails is left out and logged. Errors: the store's.
  Result<std::map<domain::CaseId, SlaReading>> ReadAll(ports::Store& store,
                                                       std::span<const domain::Case> cases,
                                                       UnixMillis now) const;

  const domain::sla::BusinessCalendar& CalendarOf(std::optional<domain::TeamId> team) const;
  const SlaSettings& settings() const { return settings_; }

 private:
  const SlaSettings settings_;
};

}  // namespace fr::engine
