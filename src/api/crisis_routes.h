// Crisis mode (docs/crisis.md):
//   GET   /api/v1/crisis            the running crisis, for everyone (agents need its holding
//         statement): 200 {"crisis": Crisis|null}                          (read_cases)
//   GET   /api/v1/crises            the latest 50: 200 {"items":[Crisis…]}   (view_metrics)
//   GET   /api/v1/crises/{id}       200 Crisis + "summary" (so far while it runs); 404
//   POST  /api/v1/crises            start: CrisisSpec -> 201 Crisis; 409 "crisis_running"
//   PATCH /api/v1/crises/{id}       change name, terms, rules, statement, raise_to -> 200
//         Crisis; 409 "crisis_ended"                                        (run_crisis)
//   POST  /api/v1/crises/{id}/end   200 Crisis + "summary"; 409 "crisis_ended" (run_crisis)
// A spec the domain refuses is a 400 naming why (domain::crisis::ValidateCrisis).
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "engine/crisis/crisis_desk.h"
#include "ports/store.h"

namespace fr::api {

// `gate`, `desk` and `store` must outlive the router.
void AddCrisisRoutes(Router& router, const AuthGate& gate, engine::CrisisDesk& desk,
                     ports::Store& store);

}  // namespace fr::api
