// Live events: the engine's committed changes as typed values, for the live stream (the API
// turns them into JSON, api/live_event_json.h). Plain values; no I/O, no JSON.
#pragma once

#include <variant>

#include "base/clock.h"
#include "domain/case.h"
#include "domain/case_event.h"
#include "domain/crisis/crisis.h"
#include "domain/live_audience.h"
#include "domain/reply.h"
#include "engine/thread/threader.h"
#include "ports/alert_sink.h"

namespace fr::engine {

// A case changed by hand, by routing or by its SLA clock: whatever domain::CaseEventKind
// names (assignment, unassignment, status, priority, team, SLA warning or breach, ...).
struct CaseChanged {
  domain::Case kase;        // after the change
  domain::CaseEvent event;  // the history entry that records it
};

// A reply changed state: written (queued or held for approval), approved, rejected, handed to
// the platform, sent, failed, or its echo matched.
struct ReplyChanged {
  domain::Reply reply;  // as written
  domain::Case kase;    // its case, read after the change (for the audience)
};

// A spike started or ended (docs/spikes.md), with its explanation. Supervisors only.
struct SpikeChanged {
  ports::ExplainedSpike spike;
  bool started = true;
};

// Crisis mode started, changed (its holding statement, terms) or ended (with its summary).
// Everyone sees it: agents need the holding statement.
struct CrisisChanged {
  enum class Kind { kStarted, kUpdated, kEnded };
  Kind kind = Kind::kStarted;
  domain::crisis::Crisis crisis;
  std::optional<domain::crisis::CrisisSummary> summary;  // when it ended
};

// A message filed on a case is threading's FiledMessage (engine/thread/threader.h).
using LivePayload =
    std::variant<CaseChanged, FiledMessage, ReplyChanged, SpikeChanged, CrisisChanged>;

struct LiveEvent {
  UnixMillis at = 0;  // when the hub published it
  LivePayload payload;
  domain::LiveScope scope;  // who may see it: ScopeOf(payload)
};

// The audience scope of `payload`: its case's team and assignee, plus the people it names
// (the user of a case event — e.g. the previous assignee of an unassignment — and the author
// of a reply); supervisors only for a spike; everyone for a crisis. Pure.
domain::LiveScope ScopeOf(const LivePayload& payload);

}  // namespace fr::engine
