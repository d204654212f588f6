// AuthGate: the door in front of every /api route but login. It finds the caller — an API
// token in "Authorization: Bearer …", else the session cookie — checks the CSRF token on
// state-changing requests made with a cookie, and checks the caller's role against the
// route's Action (domain/permissions.h). Refusals are JSON errors: 401 "unauthenticated",
// 403 "csrf_failed", 403 "forbidden".
//
// A bearer token needs no CSRF token: browsers never attach it by themselves.
// Thread-safe: immutable after construction.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "api/http_types.h"
#include "domain/permissions.h"
#include "engine/people/authenticator.h"

namespace fr::api {

// The session cookie's name.
inline constexpr std::string_view kSessionCookie = "fr_session";

using AuthedHandler =
    std::function<void(const ApiRequest&, const engine::Principal&, Responder)>;

class AuthGate {
 public:
  // `authenticator` must outlive the gate and every handler it wraps.
  explicit AuthGate(engine::Authenticator& authenticator) : auth_(authenticator) {}

  // Wraps `handler` so it runs only for an authenticated caller whose role allows `action`.
  Handler Require(domain::Action action, AuthedHandler handler) const;

 private:
  engine::Authenticator& auth_;
};

// The value of cookie `name` in the request's Cookie header(s), or empty.
std::string_view CookieValue(const ApiRequest& req, std::string_view name);

// True for methods that change state (anything but GET, HEAD and OPTIONS).
bool IsStateChanging(std::string_view method);

}  // namespace fr::api
