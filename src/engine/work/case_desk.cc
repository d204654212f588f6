#include "engine/work/case_desk.h"

#include <string>

#include "domain/case_workflow.h"
#include "domain/permissions.h"

namespace fr::engine {
namespace {

using domain::CaseEvent;
using domain::CaseEventKind;

std::string Arrow(std::string_view from, std::string_view to) {
  return std::string(from) + ">" + std::string(to);
}

}  // namespace

CaseDesk::CaseDesk(ports::Store& store, const Clock& clock, CaseChangeListener listener)
    : store_(store), clock_(clock), listener_(std::move(listener)) {}

Result<domain::Case> CaseDesk::Change(
    std::optional<domain::UserId> actor, domain::CaseId id,
    const std::function<Status(ports::StoreTxn&, domain::Case&, domain::CaseEvent&)>& change) {
  domain::Case result;
  CaseEvent event;
  Status written = ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(std::optional<domain::Case> found, txn.GetCase(id));
    if (!found) return Status(Errc::kNotFound, "not_found", "no such case");
    result = std::move(*found);
    event = CaseEvent{};
    event.case_id = id;
    event.at = clock_.NowMillis();
    event.actor = actor;
    FR_RETURN_IF_ERROR(change(txn, result, event));
    FR_RETURN_IF_ERROR(txn.UpdateCase(result));
    FR_ASSIGN_OR_RETURN(event.id, txn.work().InsertCaseEvent(event));
    return Status::Ok();
  });
  FR_RETURN_IF_ERROR(written);
  if (listener_) listener_(result, event);
  return result;
}

Result<domain::Case> CaseDesk::Assign(const domain::User& actor, domain::CaseId id,
                                      domain::UserId target) {
  FR_ASSIGN_OR_RETURN(std::optional<domain::User> person, store_.people().GetUser(target));
  if (!person) return Status(Errc::kNotFound, "not_found", "no such user");
  if (!person->active) {
    return Status(Errc::kInvalidArgument, "user_inactive", "that user is deactivated");
  }
  bool may_overfill = domain::Allows(actor.role, domain::Action::kAssignOthers);
  return Change(actor.id, id, [&](ports::StoreTxn& txn, domain::Case& c, CaseEvent& e) -> Status {
    if (!domain::IsActive(c.status)) {
      return Status(Errc::kConflict, "case_inactive",
                    "the case is " + std::string(domain::CaseStatusName(c.status)) +
                        "; reopen it first");
    }
    FR_RETURN_IF_ERROR(domain::CheckMayAssign(actor, c, target));
    if (c.assignee != target && !may_overfill) {
      FR_ASSIGN_OR_RETURN(std::int64_t load, txn.work().CountActiveAssigned(target));
      if (load >= person->capacity) {
        return Status(Errc::kConflict, "at_capacity",
                      "already holding " + std::to_string(load) + " cases, the capacity of " +
                          person->display_name);
      }
    }
    c.assignee = target;
    c.assigned_at = e.at;
    if (c.status == domain::CaseStatus::kNew) {
      domain::EnterStatus(c, domain::CaseStatus::kOpen, e.at);
    }
    e.kind = CaseEventKind::kAssigned;
    e.user = target;
    e.detail = target == actor.id ? "take" : "manual";
    return Status::Ok();
  });
}

Result<domain::Case> CaseDesk::Unassign(const domain::User& actor, domain::CaseId id) {
  return Change(actor.id, id, [&](ports::StoreTxn&, domain::Case& c, CaseEvent& e) -> Status {
    if (!c.assignee) return Status(Errc::kConflict, "not_assigned", "nobody owns this case");
    if (*c.assignee != actor.id && !domain::Allows(actor.role, domain::Action::kAssignOthers)) {
      return Status(Errc::kForbidden, "not_allowed",
                    "only the assignee or a supervisor can unassign this case");
    }
    e.kind = CaseEventKind::kUnassigned;
    e.user = c.assignee;
    e.detail = "manual";
    c.assignee.reset();
    c.assigned_at = 0;
    return Status::Ok();
  });
}

Result<domain::Case> CaseDesk::SetStatus(const domain::User& actor, domain::CaseId id,
                                         domain::CaseStatus status) {
  return Change(actor.id, id, [&](ports::StoreTxn&, domain::Case& c, CaseEvent& e) -> Status {
    FR_RETURN_IF_ERROR(domain::CheckMayWork(actor, c));
    FR_RETURN_IF_ERROR(domain::CheckStatusChange(c.status, status));
    e.kind = CaseEventKind::kStatusChanged;
    e.detail = Arrow(domain::CaseStatusName(c.status), domain::CaseStatusName(status));
    domain::EnterStatus(c, status, e.at);
    return Status::Ok();
  });
}

Result<domain::Case> CaseDesk::SetPriority(const domain::User& actor, domain::CaseId id,
                                           domain::Priority priority) {
  return Change(actor.id, id, [&](ports::StoreTxn&, domain::Case& c, CaseEvent& e) -> Status {
    FR_RETURN_IF_ERROR(domain::CheckMayWork(actor, c));
    e.kind = CaseEventKind::kPriorityChanged;
    e.detail = Arrow(domain::PriorityName(c.priority), domain::PriorityName(priority));
    c.priority = priority;
    return Status::Ok();
  });
}

Result<std::optional<domain::Case>> CaseDesk::RaisePriority(domain::CaseId id,
                                                           domain::Priority priority,
                                                           std::string_view why) {
  auto raised = Change(std::nullopt, id, [&](ports::StoreTxn&, domain::Case& c, CaseEvent& e) -> Status {
    if (!domain::IsActive(c.status) || c.priority >= priority) {
      return Status(Errc::kConflict, "unchanged", "");  // rolls back; nothing to write
    }
    e.kind = CaseEventKind::kPriorityChanged;
    e.detail = Arrow(domain::PriorityName(c.priority), domain::PriorityName(priority)) + " " +
               std::string(why);
    c.priority = priority;
    return Status::Ok();
  });
  if (!raised.ok() && raised.status().reason() == "unchanged") return std::optional<domain::Case>();
  if (!raised.ok()) return raised.status();
  return std::optional<domain::Case>(std::move(*raised));
}

}  // namespace fr::engine
