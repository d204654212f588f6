// Escalation: what happens when a case's SLA clock warns or breaches, besides the event in
// the case's history that the assignee and the supervisors see live. A plan lists actions per
// threshold; the SLA scheduler (engine/sla) carries them out. Values and pure functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/priority.h"

namespace fr::domain::sla {

enum class EscalationAction {
  kNotifySupervisors,  // an "escalated" event addressed to the supervisors
  kRaisePriority,      // one step up (low → normal → high → urgent)
  kReassign,           // to another available agent of the case's team, if there is one
};

// "notify_supervisors", "raise_priority", "reassign". Stable: configuration and events use them.
std::string_view EscalationActionName(EscalationAction a);
// The inverse of EscalationActionName; nullopt for an unknown name.
std::optional<EscalationAction> ParseEscalationAction(std::string_view name);

// The defaults: a warning only informs (no action); a breach notifies the supervisors and
// raises the priority. Re-assignment is opt-in: it takes a case from someone who may be
// writing the answer right now.
struct EscalationPlan {
  std::vector<EscalationAction> on_warning;
  std::vector<EscalationAction> on_breach = {EscalationAction::kNotifySupervisors,
                                             EscalationAction::kRaisePriority};
};

// One step up; urgent stays urgent.
Priority RaisedPriority(Priority p);

}  // namespace fr::domain::sla
