// Live events -> the JSON text messages of the stream (schema/events.md). The case, case
// event and reply inside them are the REST API's own objects, so a client parses one shape.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "api/case_sla.h"
#include "base/clock.h"
#include "domain/live_audience.h"
#include "domain/people.h"
#include "engine/feed/live_event.h"

namespace fr::api {

// The event's "type": "case.<event kind>" ("case.assigned", "case.sla_breached", ...),
// "message.created", "reply.<reply status>" ("reply.awaiting_approval", "reply.sent", ...),
// "spike.started" / "spike.ended", or "crisis.started" / "crisis.updated" / "crisis.ended".
std::string LiveEventType(const engine::LiveEvent& event);

// {"type":…, "at":…, then "case"+"event", "case"+"message", "reply", "spike" (an
// explained spike, api/alert_json.h), or "crisis" (+"summary" when it ended)}. A case carries its
// "sla" as the REST API shows it at this moment, read through `sla`.
std::string LiveEventJson(const engine::LiveEvent& event, const CaseSla& sla);

// The first message of every stream: {"type":"hello","at":<server time>,"user":{…},
// "team_ids":[…]}; the teams are those the stream's audience was decided with.
std::string HelloJson(const domain::User& user, const domain::LiveViewer& viewer, UnixMillis now);

// The last message of a stream the server dropped because its client read too slowly:
// {"type":"overflow","at":…,"message":…}.
std::string OverflowJson(UnixMillis now);

}  // namespace fr::api
