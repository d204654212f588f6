// The read API: GET /api/v1/cases, /api/v1/cases/{id}, /api/v1/messages/{platform}/{id}.
// Until accounts and sessions arrive (the agent-workflow issue) these answer loopback
// clients only; any other client gets 403 "loopback_only".
#pragma once

#include "api/router.h"
#include "ports/store.h"

namespace fr::api {

// `store` must outlive the router.
void AddReadRoutes(Router& router, ports::Store& store);

}  // namespace fr::api
