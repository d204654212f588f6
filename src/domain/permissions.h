// Permissions: what each role may do. The one table the API consults for every route, so
// the rights of a role are written down in one place and tested as a matrix.
#pragma once

#include <string_view>

#include "domain/people.h"

namespace fr::domain {

enum class Action {
  kReadCases,        // see cases, messages, customers, the queues, the live stream
  kReadDirectory,    // see users and teams (names, presence, load)
  kWorkCases,        // take, unassign oneself, change status, draft and send on own cases
  kManageOwnAccount,  // change one's own password; create and revoke one's own API tokens
  kAssignOthers,     // assign a case to someone else, or take it from them
  kSendOnAnyCase,    // send on a case assigned to someone else
  kApproveReplies,   // approve, edit or reject replies that wait for approval
  kManageTeams,      // teams, members, capacities, skills
  kManageListening,  // listening rules (what is heard, what opens a case)
  kViewMetrics,      // service metrics of the whole team, their cases and CSV exports
  kRunCrisis,        // start, change and end crisis mode
  kManageUsers,      // create users, change roles, deactivate
  kManageSettings,   // SLA policies, calendars, channel accounts
};

std::string_view ActionName(Action a);  // "read_cases", ...

// True if `role` may perform `action`. Agents work their own cases; supervisors also
// steer the team and approve replies; admins also manage users and settings.
bool Allows(Role role, Action action);

}  // namespace fr::domain
