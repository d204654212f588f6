#include "domain/case_workflow.h"

#include <algorithm>
#include <string>

#include "domain/permissions.h"

namespace fr::domain {

Status CheckStatusChange(CaseStatus from, CaseStatus to) {
  if (from == to) return Status::Ok();
  auto refuse = [&] {
    return Status(Errc::kConflict, "invalid_transition",
                  "a case cannot go from " + std::string(CaseStatusName(from)) + " to " +
                      std::string(CaseStatusName(to)));
  };
  switch (to) {
    case CaseStatus::kNew:
      return Status(Errc::kInvalidArgument, "invalid_transition",
                    "a case is new only until someone acts on it");
    case CaseStatus::kOpen:
    case CaseStatus::kResolved:
    case CaseStatus::kClosed:
      return Status::Ok();  // work on, answer, archive; reopen resolved or closed cases
    case CaseStatus::kPending:
      // Waiting on the customer makes sense only for a case still being worked.
      return IsActive(from) ? Status::Ok() : refuse();
  }
  return refuse();
}

Status CheckMayWork(const User& actor, const Case& c) {
  if (!c.assignee || *c.assignee == actor.id || Allows(actor.role, Action::kSendOnAnyCase)) {
    return Status::Ok();
  }
  return Status(Errc::kForbidden, "not_assignee",
                "this case is assigned to someone else; ask them or a supervisor");
}

Status CheckMayAssign(const User& actor, const Case& c, UserId target) {
  bool to_self = target == actor.id;
  bool free_or_mine = !c.assignee || *c.assignee == actor.id;
  if ((to_self && free_or_mine) || Allows(actor.role, Action::kAssignOthers)) return Status::Ok();
  return Status(Errc::kForbidden, "not_allowed",
                to_self ? "this case is assigned to someone else; a supervisor can reassign it"
                        : "only supervisors assign cases to other people");
}

void EnterStatus(Case& c, CaseStatus status, UnixMillis at) {
  if (c.status == status) return;
  c.status = status;
  c.status_since = at;
}

void NoteCustomerMessage(Case& c, UnixMillis at) {
  c.last_activity_at = std::max(c.last_activity_at, at);
  c.last_customer_message_at = std::max(c.last_customer_message_at, at);
  c.message_count += 1;
  if (c.status == CaseStatus::kPending) EnterStatus(c, CaseStatus::kOpen, at);
}

void NoteAgentReply(Case& c, UnixMillis at) {
  if (c.first_response_at == 0 || at < c.first_response_at) c.first_response_at = at;
  c.last_agent_reply_at = std::max(c.last_agent_reply_at, at);
  c.last_activity_at = std::max(c.last_activity_at, at);
  if (c.status == CaseStatus::kNew) EnterStatus(c, CaseStatus::kOpen, at);
}

}  // namespace fr::domain
