#include "api/auth_gate.h"

#include "api/error_response.h"
#include "base/crypto.h"
#include "base/log.h"

namespace fr::api {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The token of "Authorization: Bearer <token>", or empty.
std::string_view BearerToken(const ApiRequest& req) {
  std::string_view value = req.headers.Get("authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size()) return {};
  // The scheme is case-insensitive (RFC 9110 §11.1).
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return {};
    }
  }
  return Trim(value.substr(kScheme.size()));
}

Result<engine::Principal> Identify(engine::Authenticator& auth, const ApiRequest& req) {
  if (std::string_view token = BearerToken(req); !token.empty()) {
    return auth.AuthenticateToken(token);
  }
  std::string_view cookie = CookieValue(req, kSessionCookie);
  if (cookie.empty()) {
    return Status(Errc::kUnauthenticated, "unauthenticated",
                  "sign in (POST /api/v1/session) or send an API token");
  }
  return auth.AuthenticateSession(cookie);
}

}  // namespace

bool IsStateChanging(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string_view CookieValue(const ApiRequest& req, std::string_view name) {
  std::string_view header = req.headers.Get("cookie");
  while (!header.empty()) {
    std::size_t semi = header.find(';');
    std::string_view pair = Trim(header.substr(0, semi));
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return {};
}

Handler AuthGate::Require(domain::Action action, AuthedHandler handler) const {
  return [this, action, handler = std::move(handler)](const ApiRequest& req, Responder respond) {
    Result<engine::Principal> who = Identify(auth_, req);
    if (!who.ok()) {
      Status s = who.status();
      // Everything but a store failure is "not signed in" to the client.
      if (s.code() == Errc::kUnauthenticated) {
        s = Status(Errc::kUnauthenticated, "unauthenticated", s.message());
      }
      return respond(ErrorResponse(s));
    }
    if (who->via == engine::Principal::Via::kSession && IsStateChanging(req.method) &&
        !crypto::ConstantTimeEquals(req.headers.Get("x-csrf-token"), who->csrf_token)) {
      FR_LOG(kWarn, "auth", "csrf check failed user_id={} {} {}", who->user.id, req.method,
             req.path);
      return respond(ErrorResponse(Status(Errc::kForbidden, "csrf_failed",
                                          "missing or wrong X-CSRF-Token header")));
    }
    if (!domain::Allows(who->user.role, action)) {
      return respond(ErrorResponse(Status(
          Errc::kForbidden, "forbidden",
          "your role (" + std::string(domain::RoleName(who->user.role)) +
              ") does not allow " + std::string(domain::ActionName(action)))));
    }
    handler(req, *who, std::move(respond));
  };
}

}  // namespace fr::api
