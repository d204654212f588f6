// Live events: the engine's committed changes as typed values, for the live stream (the API
// turns them into JSON, api/live_event_json.h). Plain values; no I/O, no JSON.
#pragma once

#include <variant>

#include "base/clock.h"
#include "domain/case.h"
#include "domain/case_event.h"
#include "domain/live_audience.h"
#include "domain/reply.h"
#include "engine/thread/threader.h"

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

// A message filed on a case is threading's FiledMessage (engine/thread/threader.h).
using LivePayload = std::variant<CaseChanged, FiledMessage, ReplyChanged>;

struct LiveEvent {
  UnixMillis at = 0;  // when the hub published it
  LivePayload payload;
  domain::LiveScope scope;  // who may see it: ScopeOf(payload)
};

// The audience scope of `payload`: its case's team and assignee, plus the people it names
// (the user of a case event — e.g. the previous assignee of an unassignment — and the author
// of a reply). Pure.
domain::LiveScope ScopeOf(const LivePayload& payload);

}  // namespace fr::engine
