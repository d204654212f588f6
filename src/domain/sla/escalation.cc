#include "domain/sla/escalation.h"

namespace fr::domain::sla {

std::string_view EscalationActionName(EscalationAction a) {
  switch (a) {
    case EscalationAction::kNotifySupervisors:
      return "notify_supervisors";
    case EscalationAction::kRaisePriority:
      return "raise_priority";
    case EscalationAction::kReassign:
      return "reassign";
  }
  return "notify_supervisors";
}

std::optional<EscalationAction> ParseEscalationAction(std::string_view name) {
  for (EscalationAction a : {EscalationAction::kNotifySupervisors,
                             EscalationAction::kRaisePriority, EscalationAction::kReassign}) {
    if (EscalationActionName(a) == name) return a;
  }
  return std::nullopt;
}

Priority RaisedPriority(Priority p) {
  switch (p) {
    case Priority::kLow:
      return Priority::kNormal;
    case Priority::kNormal:
      return Priority::kHigh;
    case Priority::kHigh:
    case Priority::kUrgent:
      return Priority::kUrgent;
  }
  return Priority::kUrgent;
}

}  // namespace fr::domain::sla
