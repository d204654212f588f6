// Internal to channels/sim: the test-control endpoints under /sim/ (faults, the record of what
// was accepted), answered in Feedroom's own error shape {"error":{"code","message"}}. Not
// thread-safe (SimPlatform holds its lock).
#pragma once

#include <string_view>

#include "channels/sim/fault_queue.h"
#include "channels/sim/sim_http.h"
#include "channels/sim/sim_world.h"

namespace fr::channels::sim::internal {

// POST /sim/faults, DELETE /sim/faults, GET /sim/sent (see sim_platform.h); 404 for other
// paths, 405 for other methods.
SimResponse HandleControl(const SimRequest& request, std::string_view path, FaultQueue& faults,
                          const SimWorld& world);

}  // namespace fr::channels::sim::internal
