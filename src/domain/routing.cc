#include "domain/routing.h"

#include <algorithm>

namespace fr::domain {
namespace {

bool Eligible(const AgentSnapshot& a, const RoutingCase& c) {
  return a.user.active && a.present && a.load < a.user.capacity && a.user.id != c.exclude &&
         Covers(a.user.skills, c.platform, c.language);
}

// The eligible agents of `team`, in ascending id order.
std::vector<const AgentSnapshot*> Candidates(const Team& team, const RoutingCase& c,
                                             const std::vector<AgentSnapshot>& agents) {
  std::vector<const AgentSnapshot*> out;
  for (const AgentSnapshot& a : agents) {
    bool member = std::find(team.members.begin(), team.members.end(), a.user.id) != team.members.end();
    if (member && Eligible(a, c)) out.push_back(&a);
  }
  std::sort(out.begin(), out.end(),
            [](const AgentSnapshot* x, const AgentSnapshot* y) { return x->user.id < y->user.id; });
  return out;
}

}  // namespace

bool Covers(const Skills& skills, Platform platform, const std::string& language) {
  bool platform_ok = skills.platforms.empty() ||
                     std::find(skills.platforms.begin(), skills.platforms.end(), platform) !=
                         skills.platforms.end();
  bool language_ok = language.empty() || skills.languages.empty() ||
                     std::find(skills.languages.begin(), skills.languages.end(), language) !=
                         skills.languages.end();
  return platform_ok && language_ok;
}

RoutingChoice Route(const RoutingCase& c, const std::vector<Team>& teams,
                    const std::vector<AgentSnapshot>& agents,
                    std::vector<std::optional<UserId>>& last_pick) {
  last_pick.resize(teams.size());
  RoutingChoice fallback;
  for (std::size_t i = 0; i < teams.size(); ++i) {
    const Team& team = teams[i];
    if (c.queue ? team.id != *c.queue : !Covers(team.scope, c.platform, c.language)) continue;
    if (!fallback.team) fallback.team = team.id;
    std::vector<const AgentSnapshot*> candidates = Candidates(team, c, agents);
    if (candidates.empty()) continue;
    RoutingChoice choice;
    choice.team = team.id;
    for (const AgentSnapshot* a : candidates) {
      if (c.previous_agent && a->user.id == *c.previous_agent) {
        choice.agent = a->user.id;
        choice.sticky = true;
        return choice;  // stickiness does not move the round-robin turn
      }
    }
    // The first candidate after the last pick, wrapping around.
    const AgentSnapshot* next = candidates.front();
    if (last_pick[i]) {
      for (const AgentSnapshot* a : candidates) {
        if (a->user.id > *last_pick[i]) {
          next = a;
          break;
        }
      }
    }
    choice.agent = next->user.id;
    last_pick[i] = next->user.id;
    return choice;
  }
  return fallback;
}

}  // namespace fr::domain
