// The read API: GET /api/v1/cases, /api/v1/cases/{id}, /api/v1/messages/{platform}/{id},
// for any signed-in role (Action::kReadCases).
#pragma once

#include "api/auth_gate.h"
#include "api/case_sla.h"
#include "api/router.h"
#include "ports/store.h"

namespace fr::api {

// `gate` and `store` must outlive the router; cases show their clocks as `sla` reads them.
void AddReadRoutes(Router& router, const AuthGate& gate, ports::Store& store, const CaseSla& sla);

}  // namespace fr::api
