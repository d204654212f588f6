// Users, teams, one's own password and API tokens:
//   GET    /api/v1/users                 read_directory   every user
//   POST   /api/v1/users                 manage_users     add a user (201)
//   PATCH  /api/v1/users/{id}            manage_users     change role, capacity, skills, active…
//   PUT    /api/v1/users/{id}/password   manage_users     set a password (ends their sessions)
//   GET    /api/v1/teams                 read_directory   every team with members
//   POST   /api/v1/teams                 manage_teams     add a team (201)
//   PUT    /api/v1/teams/{id}            manage_teams     replace a team
//   DELETE /api/v1/teams/{id}            manage_teams
//   PUT    /api/v1/me/password           manage_own_account  change one's own (needs the current)
//   GET    /api/v1/me/tokens             manage_own_account  the caller's API tokens
//   POST   /api/v1/me/tokens             manage_own_account  create one; the token is shown once
//   DELETE /api/v1/me/tokens/{id}        manage_own_account  revoke one
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "base/work_pool.h"
#include "engine/people/authenticator.h"
#include "engine/people/directory.h"
#include "ports/store.h"

namespace fr::api {

// Everything passed must outlive the router.
// Password hashing runs on `slow_work` (may be null: on the calling thread).
void AddPeopleRoutes(Router& router, const AuthGate& gate, engine::Directory& directory,
                     engine::Authenticator& authenticator, ports::Store& store,
                     WorkPool* slow_work);

}  // namespace fr::api
