#include "domain/case_event.h"

namespace fr::domain {

std::string_view CaseEventKindName(CaseEventKind k) {
  switch (k) {
    case CaseEventKind::kAssigned: return "assigned";
    case CaseEventKind::kUnassigned: return "unassigned";
    case CaseEventKind::kStatusChanged: return "status_changed";
    case CaseEventKind::kPriorityChanged: return "priority_changed";
    case CaseEventKind::kTeamChanged: return "team_changed";
    case CaseEventKind::kSlaWarning: return "sla_warning";
    case CaseEventKind::kSlaBreached: return "sla_breached";
    case CaseEventKind::kEscalated: return "escalated";
  }
  return "assigned";
}

std::optional<CaseEventKind> ParseCaseEventKind(std::string_view name) {
  for (CaseEventKind k : {CaseEventKind::kAssigned, CaseEventKind::kUnassigned,
                          CaseEventKind::kStatusChanged, CaseEventKind::kPriorityChanged,
                          CaseEventKind::kTeamChanged, CaseEventKind::kSlaWarning,
                          CaseEventKind::kSlaBreached, CaseEventKind::kEscalated}) {
    if (CaseEventKindName(k) == name) return k;
  }
  return std::nullopt;
}

}  // namespace fr::domain
