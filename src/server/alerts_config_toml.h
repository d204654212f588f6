// Parses the [alerts] table of the config file into an AlertsConfig (server/alerts_config.h).
// Include only from config .cc files (it pulls in toml++).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <toml++/toml.h>

#include "base/status.h"
#include "server/alerts_config.h"

namespace fr::server {

// Fills `out` from the [alerts] table `t`; secrets may come from the environment through
// `env`. Errors: kInvalidArgument "config" naming the key (an unknown key, a URL of the wrong
// scheme, an unknown language, an e-mail section without from or to).
Status ParseAlertsConfig(const toml::table& t,
                         const std::function<std::optional<std::string>(const std::string&)>& env,
                         AlertsConfig& out);

}  // namespace fr::server
