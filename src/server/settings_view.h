// The settings GET /api/v1/settings shows (api/settings_json.h), taken from the configuration:
// SLA policies and calendars, team calendars, escalation, routing, the reply rules and the
// channel accounts. Secrets (the X consumer secret, the Meta app secret and verify token,
// access tokens) are left behind: the view has no field for them; an account only says
// whether it can reply. Pure; thread-safe.
#pragma once

#include "api/settings_json.h"
#include "server/config.h"

namespace fr::server {

// The view of `config`. Calendars with a preset list the holidays it computes for the year of
// `now` (UTC) and the year after.
api::SettingsView SettingsViewOf(const ServerConfig& config, UnixMillis now);

}  // namespace fr::server
