// Signing in and out:
//   POST   /api/v1/session  {"username","password"} -> 200 {"user","csrf_token","expires_at"}
//          and the session cookie (HttpOnly, SameSite=Strict, Secure when configured)
//   GET    /api/v1/session  -> the caller and, for a cookie session, its CSRF token
//   DELETE /api/v1/session  -> 204, the session ended and the cookie cleared
// Only POST is open to anonymous callers; it is rate limited by the Authenticator.
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "base/work_pool.h"
#include "engine/people/authenticator.h"

namespace fr::api {

struct SessionCookieOptions {
  bool secure = false;               // add "Secure" (the server is reached over HTTPS)
  UnixMillis lifetime = 12LL * 3600 * 1000;  // Max-Age of the cookie
};

// `authenticator`, `gate` and `slow_work` must outlive the router. Sign-in's password check
// runs on `slow_work` (may be null: on the calling thread).
void AddSessionRoutes(Router& router, const AuthGate& gate, engine::Authenticator& authenticator,
                      SessionCookieOptions cookie, WorkPool* slow_work);

}  // namespace fr::api
