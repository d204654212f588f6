// RoutingSweep: automatic assignment. A worker passes over the queue every `interval` (and
// at once when woken): it gives each unassigned active case to an eligible agent of the
// first team that covers it (domain/routing.h: scope, skills, presence, capacity, the
// customer's previous agent, round robin), and moves cases whose assignee has not answered
// within `reassign_after` to another eligible agent. Because it works from the store's queue
// rather than from events, nothing is lost across restarts and a case that found nobody
// present is picked up as soon as someone arrives.
//
// Each assignment re-reads the case and re-checks the agent's load inside its transaction,
// so a manual assignment made meanwhile wins and capacity is never exceeded.
// Thread safety: RunOnce is serialised internally; Start/Stop/Wake from any thread.
#pragma once

#include <map>
#include <mutex>

#include "base/clock.h"
#include "base/pacer.h"
#include "base/status.h"
#include "domain/routing.h"
#include "engine/route/presence.h"
#include "engine/work/case_desk.h"
#include "ports/store.h"

namespace fr::engine {

struct RoutingOptions {
  UnixMillis interval = 1000;
  // Re-assign a waiting customer's case when its assignee has not replied for this long;
  // 0 turns re-assignment off.
  UnixMillis reassign_after = 15 * 60 * 1000;
  int batch = 200;  // cases looked at per pass and queue
};

struct SweepCounts {
  int assigned = 0;
  int reassigned = 0;
  int queued = 0;  // cases left waiting (nobody eligible), their team set
};

class RoutingSweep {
 public:
  // Everything referenced must outlive the sweep. `listener` may be empty.
  RoutingSweep(ports::Store& store, const Clock& clock, const Presence& presence,
               RoutingOptions options, CaseChangeListener listener = {});
  ~RoutingSweep();  // Stop()

  void Start();
  // Finishes the current pass and joins the worker. Idempotent.
  void Stop();
  // Asks for a pass now (a new case arrived, an agent became available).
  void Wake();

  // One pass over the queue; what the worker runs. Errors: the store's.
  Result<SweepCounts> RunOnce();
  // Moves case `id` from its assignee to another eligible agent now (an SLA escalation),
  // recording `reason` with the unassignment. Returns false, changing nothing, when the case
  // is inactive or unassigned or nobody else is eligible. Errors: the store's.
  Result<bool> Reassign(domain::CaseId id, std::string_view reason);

 private:
  struct Snapshot;
  Result<Snapshot> TakeSnapshot();
  // Where case `c` should go, not to `exclude`; advances the round robin. REQUIRES: run_mu_.
  Result<domain::RoutingChoice> Choose(const domain::Case& c,
                                       std::optional<domain::UserId> exclude,
                                       const Snapshot& snapshot);
  // Writes the routing `choice` for case `id` unless someone changed the case meanwhile.
  // `from` is the assignee being replaced (re-assignment, recorded with `reason`) or nullopt.
  // Returns true if the case got `choice.agent`.
  Result<bool> Apply(domain::CaseId id, const domain::RoutingChoice& choice,
                     std::optional<domain::UserId> from, std::string_view reason,
                     Snapshot& snapshot);
  // One RunOnce for the pacer, its failure logged; returns the interval.
  std::chrono::milliseconds Pass();

  ports::Store& store_;
  const Clock& clock_;
  const Presence& presence_;
  const RoutingOptions options_;
  CaseChangeListener listener_;

  std::mutex run_mu_;  // serialises RunOnce; guards last_pick_
  std::map<domain::TeamId, domain::UserId> last_pick_;

  Pacer pacer_;  // last: its thread runs Pass, which uses everything above
};

}  // namespace fr::engine
