// The live stream:
//   GET /api/v1/stream   read_cases   WebSocket of the live events the caller may see
//
// The handshake is authenticated as every /api route is (AuthGate: API token or session
// cookie), and refused without an upgrade as a JSON error: 401 "unauthenticated", 403
// "forbidden". Browsers send cookies on cross-site WebSocket handshakes and no CORS rule
// guards them, so a cookie-authenticated handshake whose Origin names another host than its
// Host header is refused too (403 "cross_origin"). A request that is no WebSocket handshake
// gets 426 "upgrade_required".
//
// Once open, the stream sends "hello", then every live event (engine/feed) whose audience
// includes the caller (domain/live_audience.h, with their teams as they were at the
// handshake), as JSON text messages (api/live_event_json.h; shapes in schema/events.md). A
// client too slow to keep up gets "overflow" and a close (1013). While a stream is open its
// user is present (engine::Presence), and the routing sweep is woken when it opens so
// waiting cases reach them at once.
#pragma once

#include "api/auth_gate.h"
#include "api/case_sla.h"
#include "api/router.h"
#include "engine/feed/event_hub.h"
#include "engine/route/presence.h"
#include "engine/route/routing_sweep.h"
#include "ports/store.h"

namespace fr::api {

// Everything passed must outlive the router and every stream it opens (the server closes its
// streams in HttpServer::Stop). `sweep` may be null. `sla` shows the cases' SLA clocks.
void AddStreamRoute(Router& router, const AuthGate& gate, engine::EventHub& hub,
                    engine::Presence& presence, engine::RoutingSweep* sweep, ports::Store& store,
                    CaseSla sla);

// True if a browser handshake comes from the page's own origin: no Origin header (not a
// browser), or an Origin whose host[:port] equals the Host header, ASCII case aside.
bool IsSameOrigin(const ApiRequest& req);

}  // namespace fr::api
