// Live audience: who may see a live event (the WebSocket stream, api/stream_route.h) about a
// case. A pure rule, kept in the domain beside the permissions table because it is a rule of
// who may see what, not of how events travel; engine/feed applies it to every subscriber.
//
//   * Supervisors and admins see everything.
//   * An agent sees the events of cases assigned to them, of cases queued to one of their
//     teams, and of cases with neither an assignee nor a team (the shared pool).
//   * An agent also sees an event that concerns them by name: the unassignment that took a
//     case away from them, a reply they wrote.
//   * Events for supervisors only (spike alerts) reach supervisors and admins alone.
//
// The viewer's teams are a snapshot taken when their stream opened.
#pragma once

#include <optional>
#include <vector>

#include "domain/people.h"

namespace fr::domain {

// The person a stream belongs to.
struct LiveViewer {
  UserId user = 0;
  Role role = Role::kAgent;
  std::vector<TeamId> teams;  // the teams they are a member of
};

// What an event is about, as far as its audience is concerned.
struct LiveScope {
  std::optional<TeamId> team;      // the case's team after the change
  std::optional<UserId> assignee;  // the case's assignee after the change
  // People the event names besides the assignee: the previous assignee of an unassignment,
  // the author of a reply.
  std::vector<UserId> concerned;
  bool supervisors_only = false;  // no agent sees it, whatever the rest says
};

// True if `viewer` may see an event with `scope`. Pure; thread-safe.
bool MaySeeLive(const LiveViewer& viewer, const LiveScope& scope);

}  // namespace fr::domain
