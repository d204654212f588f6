// CaseDesk: what agents and supervisors do to a case by hand — assign, take, unassign, change
// status or priority — each checked against the workflow rules (domain/case_workflow.h) and
// written with its history entry in one transaction, so a case and its history always agree.
// The case is re-read inside the transaction: two people acting at once cannot overwrite each
// other, and a capacity check cannot race with another assignment.
// Thread-safe (all state is in the store).
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/case_event.h"
#include "domain/people.h"
#include "domain/priority.h"
#include "ports/store.h"

namespace fr::engine {

// Called after each committed change, from the acting thread (the live feed subscribes).
using CaseChangeListener = std::function<void(const domain::Case&, const domain::CaseEvent&)>;

class CaseDesk {
 public:
  // `store` and `clock` must outlive this. `listener` may be empty.
  CaseDesk(ports::Store& store, const Clock& clock, CaseChangeListener listener = {});

  // Gives case `id` to `target` (the actor themself to take it). A new case becomes open.
  // Errors: kNotFound (case or user), kForbidden "not_allowed" (domain::CheckMayAssign),
  // kInvalidArgument "user_inactive", kConflict "at_capacity" when an agent takes more than
  // their capacity (supervisors may overfill deliberately), kConflict "case_inactive" for a
  // resolved or closed case.
  Result<domain::Case> Assign(const domain::User& actor, domain::CaseId id, domain::UserId target);
  // Returns the case to its team's queue. Errors: kNotFound, kForbidden "not_allowed" (someone
  // else's case without Action::kAssignOthers), kConflict "not_assigned".
  Result<domain::Case> Unassign(const domain::User& actor, domain::CaseId id);
  // Errors: kNotFound, kForbidden "not_assignee", the transition errors of CheckStatusChange.
  Result<domain::Case> SetStatus(const domain::User& actor, domain::CaseId id,
                                 domain::CaseStatus status);
  // Errors: kNotFound, kForbidden "not_assignee".
  Result<domain::Case> SetPriority(const domain::User& actor, domain::CaseId id,
                                   domain::Priority priority);
  // The system raises case `id` to `priority` (crisis mode), noting `why` after the change in
  // the history entry's detail ("normal>high crisis:3"). Returns the case as changed, or
  // nullopt when nothing was written: the case is resolved or closed, or already at or above
  // `priority`. Errors: kNotFound.
  Result<std::optional<domain::Case>> RaisePriority(domain::CaseId id, domain::Priority priority,
                                                    std::string_view why);

 private:
  // Runs `change` on the case read inside one transaction; `change` edits the case and
  // fills the event (kind, detail, user) or returns an error. Writes both, then notifies.
  // `actor`: nullopt for the system.
  Result<domain::Case> Change(
      std::optional<domain::UserId> actor, domain::CaseId id,
      const std::function<Status(ports::StoreTxn&, domain::Case&, domain::CaseEvent&)>& change);

  ports::Store& store_;
  const Clock& clock_;
  CaseChangeListener listener_;
};

}  // namespace fr::engine
