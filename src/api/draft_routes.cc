#include "api/draft_routes.h"

#include <boost/json.hpp>

#include "api/error_response.h"
#include "api/json_body.h"

namespace fr::api {
namespace {

using domain::Action;
using engine::Principal;

std::string DraftJson(const domain::Draft& d) {
  boost::json::object o;
  o["case_id"] = std::to_string(d.case_id);
  o["route"] = domain::DraftRouteName(d.route);
  o["text"] = d.text;
  o["public_text"] = d.public_text;
  o["private_text"] = d.private_text;
  o["updated_at"] = d.updated_at;
  return boost::json::serialize(o);
}

// The caller's draft for the path's case from a PUT body. Errors: those of JsonBody and
// PathId; kInvalidArgument "invalid_route".
Result<domain::Draft> ReadDraft(const ApiRequest& req, domain::UserId user) {
  domain::Draft d;
  d.user_id = user;
  FR_ASSIGN_OR_RETURN(d.case_id, PathId(req));
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body));
  FR_RETURN_IF_ERROR(body.AllowOnly({"route", "text", "public_text", "private_text"}));
  FR_ASSIGN_OR_RETURN(std::string route, body.String("route"));
  std::optional<domain::DraftRoute> parsed = domain::ParseDraftRoute(route);
  if (!parsed) {
    return Status(Errc::kInvalidArgument, "invalid_route",
                  "route must be public_reply, private_reply, direct_message or move_to_private");
  }
  d.route = *parsed;
  for (auto [name, into] : {std::pair{"text", &d.text}, std::pair{"public_text", &d.public_text},
                            std::pair{"private_text", &d.private_text}}) {
    FR_ASSIGN_OR_RETURN(std::optional<std::string> text, body.OptionalString(name));
    *into = text.value_or("");
  }
  return d;
}

// Answers `draft` as JSON, or its error.
void Answer(const Responder& respond, const Result<domain::Draft>& draft) {
  ApiResponse r = draft.ok() ? JsonResponse(DraftJson(*draft)) : ErrorResponse(draft.status());
  r.headers.emplace_back("Cache-Control", "no-store");  // an agent's words, for them only
  respond(std::move(r));
}

}  // namespace

void AddDraftRoutes(Router& router, const AuthGate& gate, engine::DraftKeeper& drafts) {
  router.Add("GET", "/api/v1/cases/{id}/draft",
             gate.Require(Action::kWorkCases, [&drafts](const ApiRequest& req, const Principal& who,
                                                        Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               Answer(respond, drafts.Get(who.user.id, *id));
             }));
  router.Add("PUT", "/api/v1/cases/{id}/draft",
             gate.Require(Action::kWorkCases, [&drafts](const ApiRequest& req, const Principal& who,
                                                        Responder respond) {
               Result<domain::Draft> draft = ReadDraft(req, who.user.id);
               if (!draft.ok()) return respond(ErrorResponse(draft.status()));
               Answer(respond, drafts.Save(std::move(*draft)));
             }));
  router.Add("DELETE", "/api/v1/cases/{id}/draft",
             gate.Require(Action::kWorkCases, [&drafts](const ApiRequest& req, const Principal& who,
                                                        Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               Status s = drafts.Discard(who.user.id, *id);
               respond(s.ok() ? NoContent() : ErrorResponse(s));
             }));
}

}  // namespace fr::api
