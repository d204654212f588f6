#include "domain/permissions.h"

namespace fr::domain {

std::string_view ActionName(Action a) {
  switch (a) {
    case Action::kReadCases: return "read_cases";
    case Action::kReadDirectory: return "read_directory";
    case Action::kWorkCases: return "work_cases";
    case Action::kManageOwnAccount: return "manage_own_account";
    case Action::kAssignOthers: return "assign_others";
    case Action::kSendOnAnyCase: return "send_on_any_case";
    case Action::kApproveReplies: return "approve_replies";
    case Action::kManageTeams: return "manage_teams";
    case Action::kManageListening: return "manage_listening";
    case Action::kViewMetrics: return "view_metrics";
    case Action::kRunCrisis: return "run_crisis";
    case Action::kManageUsers: return "manage_users";
    case Action::kManageSettings: return "manage_settings";
  }
  return "unknown";
}

bool Allows(Role role, Action action) {
  switch (action) {
    case Action::kReadCases:
    case Action::kReadDirectory:
    case Action::kWorkCases:
    case Action::kManageOwnAccount:
      return true;
    case Action::kAssignOthers:
    case Action::kSendOnAnyCase:
    case Action::kApproveReplies:
    case Action::kManageTeams:
    case Action::kManageListening:
    case Action::kViewMetrics:
    case Action::kRunCrisis:
      return role == Role::kSupervisor || role == Role::kAdmin;
    case Action::kManageUsers:
    case Action::kManageSettings:
      return role == Role::kAdmin;
  }
  return false;
}

}  // namespace fr::domain
