// Routing: which team's queue a case goes to and which agent gets it, as a pure decision over
// a snapshot of teams, agents, presence and load. engine/route gathers the snapshot and
// applies the choice; tests feed snapshots directly.
//
// The rules: a team takes a case when its scope covers the case's platform and language
// (empty scope lists cover everything). An agent is eligible when active, present (a live
// connection), under capacity (active assigned cases < capacity), a member of the team, and
// skilled for the platform and language. The customer's previous agent gets the case when
// eligible (sticky); otherwise eligible agents take turns in member order after the team's
// last pick (round robin), which spreads cases evenly whatever the arrival pattern.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/case.h"
#include "domain/people.h"
#include "domain/platform.h"

namespace fr::domain {

struct AgentSnapshot {
  User user;
  bool present = false;
  std::int64_t load = 0;  // active cases assigned now
};

struct RoutingCase {
  Platform platform = Platform::kX;
  std::string language;                 // "" when not known yet: language skills then ignored
  std::optional<UserId> previous_agent;  // the customer's last assignee, for stickiness
  std::optional<UserId> exclude;         // never this agent (re-assignment after no reply)
  // The queue the case was put in (an escalating listening rule names it): only this team is
  // considered, whatever its scope. nullopt: every team whose scope covers the case.
  std::optional<TeamId> queue;
};

struct RoutingChoice {
  std::optional<TeamId> team;  // nullopt: no team covers the case
  std::optional<UserId> agent;  // nullopt: nobody eligible now; the case waits in the queue
  bool sticky = false;          // the agent is the customer's previous agent
};

// True if `skills` cover `platform` and `language` (empty lists and unknown language cover).
bool Covers(const Skills& skills, Platform platform, const std::string& language);

// Picks the team and agent for `c`. `teams` in priority order (the first covering team that
// has an eligible agent wins; else the first covering team). `last_pick` holds each team's
// previous round-robin pick (by team index), updated for the chosen team.
RoutingChoice Route(const RoutingCase& c, const std::vector<Team>& teams,
                    const std::vector<AgentSnapshot>& agents,
                    std::vector<std::optional<UserId>>& last_pick);

}  // namespace fr::domain
