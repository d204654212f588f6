// Parses the [sla] table of the config file into an SlaConfig (server/sla_config.h). Include
// only from config .cc files (it pulls in toml++).
#pragma once

#include <toml++/toml.h>

#include "base/status.h"
#include "server/sla_config.h"

namespace fr::server {

// Fills `out` (which starts as DefaultSlaConfig()) from the [sla] table `t`. Errors are
// kInvalidArgument "config" naming the key, e.g. "sla.calendars.support.sunday[0]: ...".
Status ParseSlaConfig(const toml::table& t, SlaConfig& out);

}  // namespace fr::server
