#include "domain/sla/case_sla.h"

#include <chrono>

namespace fr::domain::sla {
namespace {

bool Counting(const std::optional<CaseSlaClock>& c) {
  return c && c->clock.phase != SlaPhase::kStopped;
}

Result<CaseSlaClock> Started(SlaMetric metric, UnixMillis at, const SlaPolicy& policy) {
  CaseSlaClock c;
  c.metric = metric;
  c.started_at = at;
  std::chrono::milliseconds target = policy.TargetFor(metric);
  FR_ASSIGN_OR_RETURN(c.clock, StartSlaClock(target, policy.warn_fraction, at));
  return c;
}

// When the clock `c` of case `k` is answered, if it is: the agent reply that came after the
// clock started (the first response for the first clock).
std::optional<UnixMillis> AnsweredAt(const Case& k, const CaseSlaClock& c) {
  if (c.metric == SlaMetric::kFirstResponse) {
    if (k.first_response_at != 0) return k.first_response_at;
    return std::nullopt;
  }
  if (k.last_agent_reply_at != 0 && k.last_agent_reply_at >= c.started_at) {
    return k.last_agent_reply_at;
  }
  return std::nullopt;
}

// Moves one clock along the case's facts and recomputes its due times.
Status Advance(const Case& k, CaseSlaClock& c, const BusinessCalendar& cal) {
  if (std::optional<UnixMillis> answered = AnsweredAt(k, c)) {
    FR_ASSIGN_OR_RETURN(c.clock, StopSlaClock(c.clock, *answered, cal));
  } else if (!IsActive(k.status)) {
    FR_ASSIGN_OR_RETURN(c.clock, StopSlaClock(c.clock, k.status_since, cal));
  } else if (k.status == CaseStatus::kPending) {
    FR_ASSIGN_OR_RETURN(c.clock, PauseSlaClock(c.clock, k.status_since, cal));
  } else {
    c.clock = ResumeSlaClock(c.clock, k.status_since);
  }
  c.warn_at.reset();
  c.due_at.reset();
  if (c.clock.phase != SlaPhase::kRunning) return Status::Ok();
  FR_ASSIGN_OR_RETURN(c.due_at, DueAt(c.clock, cal));
  if (c.clock.warn_after < c.clock.target) {
    FR_ASSIGN_OR_RETURN(c.warn_at, WarnAt(c.clock, cal));
  }
  return Status::Ok();
}

}  // namespace

Result<CaseSlaClocks> SyncCaseSla(const Case& k, const CaseSlaClocks& current,
                                  const SlaPolicy& policy, const BusinessCalendar& cal) {
  CaseSlaClocks out = current;
  if (!out.first_response) {
    FR_ASSIGN_OR_RETURN(out.first_response,
                        Started(SlaMetric::kFirstResponse, k.opened_at, policy));
  }
  FR_RETURN_IF_ERROR(Advance(k, *out.first_response, cal));
  if (out.next_response) FR_RETURN_IF_ERROR(Advance(k, *out.next_response, cal));

  bool waiting = IsActive(k.status) && k.last_customer_message_at > k.last_agent_reply_at;
  if (waiting && !Counting(out.first_response) && !Counting(out.next_response)) {
    FR_ASSIGN_OR_RETURN(CaseSlaClock next, Started(SlaMetric::kNextResponse,
                                                   k.last_customer_message_at, policy));
    FR_RETURN_IF_ERROR(Advance(k, next, cal));
    out.next_response = std::move(next);
  }
  return out;
}

const CaseSlaClock* CurrentClock(const CaseSlaClocks& clocks) {
  if (clocks.next_response) return &*clocks.next_response;
  if (clocks.first_response) return &*clocks.first_response;
  return nullptr;
}

}  // namespace fr::domain::sla
