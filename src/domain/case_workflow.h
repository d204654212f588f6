// The rules of working a case, as pure functions: which status changes are allowed, and who
// may act on a case. engine/work applies them inside the write transaction.
//
// Statuses: new (nobody has acted) → open (being worked) → pending (waiting on the customer)
// → resolved (answered) → closed (archived). A customer's message moves pending back to open
// and reopens resolved cases (engine/thread); an agent may reopen resolved or closed cases.
#pragma once

#include "base/status.h"
#include "domain/case.h"
#include "domain/people.h"

namespace fr::domain {

// OK if an agent may move a case from `from` to `to` (the same status is allowed: a no-op).
// Errors: kConflict "invalid_transition" naming both statuses; kInvalidArgument
// "invalid_transition" for "new" as a target (a case is new only until someone acts).
Status CheckStatusChange(CaseStatus from, CaseStatus to);

// OK if `actor` may change or send on case `c`: its assignee, anyone when nobody owns it, or
// a role with Action::kSendOnAnyCase. Errors: kForbidden "not_assignee".
Status CheckMayWork(const User& actor, const Case& c);

// OK if `actor` may give case `c` to `target` (or take it, when target is the actor):
// taking an unassigned case or one's own is open to every role; assigning to someone else or
// taking from someone else needs Action::kAssignOthers. Errors: kForbidden "not_allowed".
Status CheckMayAssign(const User& actor, const Case& c, UserId target);

// Moves `c` to `status` entered at `at`; status_since changes only with the status.
void EnterStatus(Case& c, CaseStatus status, UnixMillis at);

// Records on `c` a customer message written at `at` that joins it: activity times and count,
// and a case pending on the customer becomes open again (the customer answered).
void NoteCustomerMessage(Case& c, UnixMillis at);

// Records on `c` that an agent's reply reached the customer at `at`: the first response (for
// the SLA and the metrics) if none was yet, the latest agent reply, and a new case is open.
void NoteAgentReply(Case& c, UnixMillis at);

}  // namespace fr::domain
