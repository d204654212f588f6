// The simulated platforms' side of Feedroom's configuration: `feedroom simulate` reads the
// same TOML file as `feedroom serve`, so the simulator and the connectors agree on every
// account id, handle, token and signing secret.
#pragma once

#include "channels/sim/sim_config.h"
#include "server/config.h"

namespace fr::server {

// The X accounts (user id, handle, access token) and consumer secret, and the Meta Pages
// (id, name, linked Instagram id, Page token) and app secret of `config`, as the simulator
// takes them. A channel that is not configured is simulated with no accounts.
channels::sim::SimConfig SimConfigFor(const ServerConfig& config);

}  // namespace fr::server
