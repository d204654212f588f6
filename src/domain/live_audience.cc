#include "domain/live_audience.h"

#include <algorithm>

namespace fr::domain {

bool MaySeeLive(const LiveViewer& viewer, const LiveScope& scope) {
  if (viewer.role == Role::kSupervisor || viewer.role == Role::kAdmin) return true;
  if (scope.supervisors_only) return false;
  if (scope.assignee == viewer.user) return true;
  if (std::ranges::find(scope.concerned, viewer.user) != scope.concerned.end()) return true;
  if (scope.team) return std::ranges::find(viewer.teams, *scope.team) != viewer.teams.end();
  return !scope.assignee;  // the shared pool: no team, nobody's yet
}

}  // namespace fr::domain
