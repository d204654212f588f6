// Working cases and being at one's desk:
//   POST  /api/v1/cases/{id}/assign    {"user_id"}          work_cases (rules: CaseDesk)
//   POST  /api/v1/cases/{id}/take                           work_cases
//   POST  /api/v1/cases/{id}/unassign                       work_cases
//   PATCH /api/v1/cases/{id}           {"status"?,"priority"?}  work_cases
//   GET   /api/v1/cases/{id}/events                         read_cases   the case's history
//   PUT   /api/v1/cases/{id}/activity  {"activity":"viewing"|"writing"|"none"}  read_cases
//   GET   /api/v1/cases/{id}/activity                       read_cases   who is on it now
//   PUT   /api/v1/me/presence          {"status":"available"|"away"}  work_cases (a heartbeat)
//   GET   /api/v1/presence                                  read_directory  who is in, and load
#pragma once

#include "api/auth_gate.h"
#include "api/case_sla.h"
#include "api/router.h"
#include "engine/route/presence.h"
#include "engine/route/routing_sweep.h"
#include "engine/work/case_desk.h"
#include "ports/store.h"

namespace fr::api {

// Everything passed must outlive the router. `sweep` is woken when work may be routable
// (a case returned to the queue, an agent available); it may be null.
void AddCaseRoutes(Router& router, const AuthGate& gate, engine::CaseDesk& desk,
                   engine::Presence& presence, engine::RoutingSweep* sweep, ports::Store& store,
                   const CaseSla& sla);

}  // namespace fr::api
