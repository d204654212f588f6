// The simulated platforms' side of Feedroom's configuration: `feedroom simulate` reads the
// same TOML file as `feedroom serve`, so the simulator and the connectors agree on every
// account id, handle, token and signing secret.
#pragma once

#include "channels/sim/sim_config.h"
#include "server/config.h"

namespace fr::server {

// The X accounts (user id, handle, access token), consumer secret and listening bearer token,
// the Meta Pages (id, name, linked Instagram id, Page token) and app secret, and the ids of
// the listening feeds of `config`, as the simulator takes them. A channel that is not
// configured is simulated with no accounts; without [x.listening] no app token is accepted.
channels::sim::SimConfig SimConfigFor(const ServerConfig& config);

}  // namespace fr::server
