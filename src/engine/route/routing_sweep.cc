#include "engine/route/routing_sweep.h"

#include <algorithm>

#include "base/log.h"
#include "domain/case_event.h"
#include "domain/routing.h"

namespace fr::engine {

struct RoutingSweep::Snapshot {
  std::vector<domain::Team> teams;  // by id: the order teams are tried in
  std::vector<domain::AgentSnapshot> agents;
};

RoutingSweep::RoutingSweep(ports::Store& store, const Clock& clock, const Presence& presence,
                           RoutingOptions options, CaseChangeListener listener)
    : store_(store), clock_(clock), presence_(presence), options_(options),
      listener_(std::move(listener)), pacer_([this] { return Pass(); }) {}

RoutingSweep::~RoutingSweep() { Stop(); }

Result<RoutingSweep::Snapshot> RoutingSweep::TakeSnapshot() {
  Snapshot s;
  FR_ASSIGN_OR_RETURN(s.teams, store_.people().ListTeams());
  std::sort(s.teams.begin(), s.teams.end(),
            [](const domain::Team& a, const domain::Team& b) { return a.id < b.id; });
  FR_ASSIGN_OR_RETURN(std::vector<domain::User> users, store_.people().ListUsers());
  FR_ASSIGN_OR_RETURN(auto loads, store_.work().ActiveLoads());
  std::set<domain::UserId> present = presence_.PresentUsers();
  for (domain::User& u : users) {
    domain::AgentSnapshot a;
    a.present = present.contains(u.id);
    a.load = loads.contains(u.id) ? loads.at(u.id) : 0;
    a.user = std::move(u);
    s.agents.push_back(std::move(a));
  }
  return s;
}

Result<domain::RoutingChoice> RoutingSweep::Choose(const domain::Case& c,
                                                   std::optional<domain::UserId> exclude,
                                                   const Snapshot& snapshot) {
  domain::RoutingCase rc;
  rc.platform = c.platform;
  rc.language = c.language;
  rc.exclude = exclude;
  rc.queue = c.queue;
  FR_ASSIGN_OR_RETURN(rc.previous_agent, store_.work().PreviousAgentOf(c.customer_id, c.id));
  std::vector<std::optional<domain::UserId>> picks;
  for (const domain::Team& t : snapshot.teams) {
    auto it = last_pick_.find(t.id);
    picks.push_back(it == last_pick_.end() ? std::nullopt : std::optional(it->second));
  }
  domain::RoutingChoice choice = domain::Route(rc, snapshot.teams, snapshot.agents, picks);
  for (std::size_t i = 0; i < snapshot.teams.size(); ++i) {
    if (picks[i]) last_pick_[snapshot.teams[i].id] = *picks[i];
  }
  return choice;
}

Result<bool> RoutingSweep::Apply(domain::CaseId id, const domain::RoutingChoice& choice,
                                 std::optional<domain::UserId> from, std::string_view reason,
                                 Snapshot& snapshot) {
  std::vector<domain::CaseEvent> events;
  domain::Case updated;
  bool assigned = false;
  Status written = ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    events.clear();
    assigned = false;
    FR_ASSIGN_OR_RETURN(std::optional<domain::Case> found, txn.GetCase(id));
    // Someone acted meanwhile: a manual assignment, a resolution. Leave the case alone.
    if (!found || !domain::IsActive(found->status) || found->assignee != from) {
      return Status::Ok();
    }
    domain::Case c = std::move(*found);
    UnixMillis now = clock_.NowMillis();
    auto event = [&](domain::CaseEventKind kind, std::optional<domain::UserId> user,
                     std::string detail) {
      events.push_back(domain::CaseEvent{0, id, now, kind, std::nullopt, user, std::move(detail)});
    };
    if (choice.team != c.team) {
      c.team = choice.team;
      event(domain::CaseEventKind::kTeamChanged, std::nullopt,
            choice.team ? std::to_string(*choice.team) : "");
    }
    if (choice.agent) {
      const domain::AgentSnapshot* agent = nullptr;
      for (const auto& a : snapshot.agents) {
        if (a.user.id == *choice.agent) agent = &a;
      }
      FR_ASSIGN_OR_RETURN(std::int64_t load, txn.work().CountActiveAssigned(*choice.agent));
      if (agent && load < agent->user.capacity) {
        if (from) event(domain::CaseEventKind::kUnassigned, from, std::string(reason));
        c.assignee = choice.agent;
        c.assigned_at = now;
        event(domain::CaseEventKind::kAssigned, choice.agent, choice.sticky ? "sticky" : "auto");
        assigned = true;
      }
    }
    if (events.empty()) return Status::Ok();
    FR_RETURN_IF_ERROR(txn.UpdateCase(c));
    for (domain::CaseEvent& e : events) {
      FR_ASSIGN_OR_RETURN(e.id, txn.work().InsertCaseEvent(e));
    }
    updated = c;
    return Status::Ok();
  });
  FR_RETURN_IF_ERROR(written);
  if (assigned) {
    for (auto& a : snapshot.agents) {
      if (a.user.id == *choice.agent) ++a.load;
    }
  }
  if (listener_) {
    for (const domain::CaseEvent& e : events) listener_(updated, e);
  }
  return assigned;
}

Result<SweepCounts> RoutingSweep::RunOnce() {
  std::lock_guard lock(run_mu_);
  SweepCounts counts;
  FR_ASSIGN_OR_RETURN(Snapshot snapshot, TakeSnapshot());
  if (snapshot.teams.empty()) return counts;

  if (options_.reassign_after > 0) {
    FR_ASSIGN_OR_RETURN(std::vector<domain::Case> stale,
                        store_.work().StaleAssignments(
                            clock_.NowMillis() - options_.reassign_after, options_.batch));
    for (const domain::Case& c : stale) {
      FR_ASSIGN_OR_RETURN(domain::RoutingChoice choice, Choose(c, c.assignee, snapshot));
      if (!choice.agent) continue;  // nobody else is free: the assignee keeps it
      FR_ASSIGN_OR_RETURN(bool moved,
                          Apply(c.id, choice, c.assignee, "no_reply_timeout", snapshot));
      if (moved) ++counts.reassigned;
    }
  }
  FR_ASSIGN_OR_RETURN(std::vector<domain::Case> queue,
                      store_.work().UnassignedActiveCases(options_.batch));
  for (const domain::Case& c : queue) {
    FR_ASSIGN_OR_RETURN(domain::RoutingChoice choice, Choose(c, std::nullopt, snapshot));
    FR_ASSIGN_OR_RETURN(bool assigned, Apply(c.id, choice, std::nullopt, "", snapshot));
    if (assigned) {
      ++counts.assigned;
    } else {
      ++counts.queued;
    }
  }
  if (counts.assigned + counts.reassigned > 0) {
    FR_LOG(kInfo, "route", "sweep assigned={} reassigned={} waiting={}", counts.assigned,
           counts.reassigned, counts.queued);
  }
  return counts;
}

Result<bool> RoutingSweep::Reassign(domain::CaseId id, std::string_view reason) {
  std::lock_guard lock(run_mu_);
  FR_ASSIGN_OR_RETURN(std::optional<domain::Case> c, store_.work().GetCase(id));
  if (!c || !c->assignee || !domain::IsActive(c->status)) return false;
  FR_ASSIGN_OR_RETURN(Snapshot snapshot, TakeSnapshot());
  FR_ASSIGN_OR_RETURN(domain::RoutingChoice choice, Choose(*c, c->assignee, snapshot));
  if (!choice.agent) return false;
  return Apply(id, choice, c->assignee, reason, snapshot);
}

void RoutingSweep::Start() { pacer_.Start(); }

void RoutingSweep::Stop() { pacer_.Stop(); }

void RoutingSweep::Wake() { pacer_.Wake(); }

std::chrono::milliseconds RoutingSweep::Pass() {
  if (Result<SweepCounts> r = RunOnce(); !r.ok()) {
    FR_LOG(kWarn, "route", "routing sweep failed: {}", r.status().ToString());
  }
  return std::chrono::milliseconds(options_.interval);
}

}  // namespace fr::engine
