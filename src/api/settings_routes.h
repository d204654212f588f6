// The read-only settings for the web app's Settings screen:
//   GET /api/v1/settings   read_directory   SLA policies and calendars, team calendars,
//                                           escalation, routing, reply rules, channel accounts
// Never a secret: see settings_json.h.
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "api/settings_json.h"

namespace fr::api {

// Renders `settings` once, now: the configuration does not change while the server runs.
// `gate` must outlive the router.
void AddSettingsRoutes(Router& router, const AuthGate& gate, const SettingsView& settings);

}  // namespace fr::api
