#include "api/session_routes.h"

#include "api/error_response.h"
#include "api/json_body.h"
#include "api/offload.h"
#include "api/people_json.h"

namespace fr::api {
namespace {

std::string SetCookie(std::string_view value, long long max_age_s, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(value) +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_s);
  if (secure) c += "; Secure";
  return c;
}

// Signs in with the body's credentials: argon2id work, run on the slow-work pool.
ApiResponse Login(engine::Authenticator& auth, const SessionCookieOptions& cookie,
                  std::string_view request_body, std::string_view client) {
  Result<JsonBody> body = JsonBody::Parse(request_body);
  if (!body.ok()) return ErrorResponse(body.status());
  if (Status s = body->AllowOnly({"username", "password"}); !s.ok()) return ErrorResponse(s);
  Result<std::string> username = body->String("username");
  if (!username.ok()) return ErrorResponse(username.status());
  Result<std::string> password = body->String("password");
  if (!password.ok()) return ErrorResponse(password.status());

  Result<engine::NewSession> session = auth.Login(*username, *password, client);
  if (!session.ok()) return ErrorResponse(session.status());
  ApiResponse r = JsonResponse(SessionJson(session->user, session->csrf_token, session->expires_at));
  r.headers.emplace_back("Set-Cookie", SetCookie(session->token, cookie.lifetime / 1000, cookie.secure));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddSessionRoutes(Router& router, const AuthGate& gate, engine::Authenticator& auth,
                      SessionCookieOptions cookie, WorkPool* slow_work) {
  using domain::Action;
  router.Add("POST", "/api/v1/session",
             [&auth, cookie, slow_work](const ApiRequest& req, Responder r) {
               Offload(slow_work, r, [&auth, cookie, body = req.body, client = req.client_address] {
                 return Login(auth, cookie, body, client);
               });
             });
  router.Add("GET", "/api/v1/session",
             gate.Require(Action::kReadCases,
                          [](const ApiRequest&, const engine::Principal& who, Responder r) {
                            ApiResponse resp = JsonResponse(SessionJson(who.user, who.csrf_token, 0));
                            resp.headers.emplace_back("Cache-Control", "no-store");
                            r(std::move(resp));
                          }));
  router.Add("DELETE", "/api/v1/session",
             gate.Require(Action::kReadCases, [&auth, cookie](const ApiRequest& req,
                                                              const engine::Principal&, Responder r) {
               if (Status s = auth.Logout(CookieValue(req, kSessionCookie)); !s.ok()) {
                 return r(ErrorResponse(s));
               }
               ApiResponse resp = NoContent();
               resp.headers.emplace_back("Set-Cookie", SetCookie("", 0, cookie.secure));
               r(std::move(resp));
             }));
}

}  // namespace fr::api
