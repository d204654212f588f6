// The SLA clocks of one case, kept in step with the case's own facts. A case has at most two
// clocks: its first response, from the opening customer message to the first agent reply, and
// its current next response, from the first customer message after an agent reply (or after
// the case was resolved and the customer wrote again) to the next agent reply.
//
// SyncCaseSla derives every transition from the case row alone (opened_at, status and
// status_since, first_response_at, last_agent_reply_at, last_customer_message_at), so calling
// it again changes nothing, and calling it late (a restart, a case written before clocks
// existed) gives the same clocks as calling it at once:
//   - no first-response clock: start one at opened_at;
//   - a clock stops at the agent reply that answers it, or when the case is resolved or closed
//     (at status_since): solving a case fulfils its targets;
//   - a clock pauses while the case is pending on the customer (from status_since) and
//     resumes when it is new or open again (from status_since);
//   - the customer is waiting (active case, last customer message newer than the last agent
//     reply) and no clock is counting: start a next-response clock at that message.
// Targets come from the policy when a clock starts; a later priority change affects the next
// clock only. Values and pure functions; thread-safe.
#pragma once

#include <optional>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/sla/business_calendar.h"
#include "domain/sla/sla_clock.h"
#include "domain/sla/sla_policy.h"

namespace fr::domain::sla {

// One stored clock of a case.
struct CaseSlaClock {
  SlaMetric metric = SlaMetric::kFirstResponse;
  UnixMillis started_at = 0;
  SlaClock clock;
  std::optional<UnixMillis> warn_at;  // set while running and a warning is still ahead
  std::optional<UnixMillis> due_at;   // set while running
  bool warned = false;                // the warning was raised (at most once per clock)
  bool breached = false;              // the breach was raised (at most once per clock)
  bool operator==(const CaseSlaClock&) const = default;
};

struct CaseSlaClocks {
  std::optional<CaseSlaClock> first_response;
  std::optional<CaseSlaClock> next_response;
  bool operator==(const CaseSlaClocks&) const = default;
};

// The clocks of `c` after applying the rules above to `current` (the stored ones). `policy`
// is the case's (platform, priority) policy; `cal` the business calendar of its team. Due
// and warn times of running clocks are recomputed. Fails with the calendar's errors (e.g.
// "no_working_time" for a calendar without any working hour).
Result<CaseSlaClocks> SyncCaseSla(const Case& c, const CaseSlaClocks& current,
                                  const SlaPolicy& policy, const BusinessCalendar& cal);

// The clock to report for `c` now: the next-response clock if there is one, else the first.
const CaseSlaClock* CurrentClock(const CaseSlaClocks& clocks);

}  // namespace fr::domain::sla
