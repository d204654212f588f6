// Every /api/v1 route, registered in one place so the server and the RBAC matrix test build
// exactly the same API. Webhooks (/webhooks/*) and operations (/healthz, /readyz, /metrics)
// are registered separately: they are not behind the auth gate.
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "api/session_routes.h"
#include "engine/people/authenticator.h"
#include "engine/people/directory.h"
#include "ports/store.h"

namespace fr::api {

// What the API routes act on. Everything referenced must outlive the router.
struct ApiServices {
  ports::Store& store;
  engine::Authenticator& authenticator;
  engine::Directory& directory;
  SessionCookieOptions cookie;
};

void AddApiRoutes(Router& router, const AuthGate& gate, const ApiServices& services);

}  // namespace fr::api
