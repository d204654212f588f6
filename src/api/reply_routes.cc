#include "api/reply_routes.h"

#include "api/error_response.h"
#include "api/json_body.h"
#include "api/reply_json.h"

namespace fr::api {
namespace {

using domain::Action;
using engine::Principal;

Result<engine::ReplyDraft> ReadDraft(const ApiRequest& req) {
  FR_ASSIGN_OR_RETURN(std::int64_t case_id, PathId(req));
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body));
  FR_RETURN_IF_ERROR(body.AllowOnly({"route", "text", "target"}));
  engine::ReplyDraft draft;
  draft.case_id = case_id;
  FR_ASSIGN_OR_RETURN(std::string route, body.String("route"));
  auto parsed = domain::ParseReplyRoute(route);
  if (!parsed) {
    return Status(Errc::kInvalidArgument, "invalid_route",
                  "route must be public_reply, private_reply or direct_message");
  }
  draft.route = *parsed;
  FR_ASSIGN_OR_RETURN(draft.text, body.String("text"));
  FR_ASSIGN_OR_RETURN(auto target, body.OptionalString("target"));
  draft.target_external_id = target.value_or("");
  return draft;
}

// Answers `result` with `render(value)` and `status`, or with its error.
template <typename T, typename Render>
void Answer(const Responder& respond, const Result<T>& result, Render render, int status = 200) {
  respond(result.ok() ? JsonResponse(render(*result), status) : ErrorResponse(result.status()));
}

void Review(engine::Outbox& outbox, const ApiRequest& req, const Principal& who, bool approve,
            const Responder& respond) {
  Result<std::int64_t> id = PathId(req);
  if (!id.ok()) return respond(ErrorResponse(id.status()));
  Result<JsonBody> body = JsonBody::Parse(req.body.empty() ? "{}" : req.body);
  if (!body.ok()) return respond(ErrorResponse(body.status()));
  Result<std::optional<std::string>> note = body->OptionalString("note");
  if (!note.ok()) return respond(ErrorResponse(note.status()));
  if (approve) {
    Result<std::optional<std::string>> text = body->OptionalString("text");
    if (!text.ok()) return respond(ErrorResponse(text.status()));
    Answer(respond, outbox.Approve(*id, who.user.id, *text, note->value_or("")), ReplyJson);
    outbox.Wake();
  } else {
    if (!*note || (*note)->empty()) {
      return respond(ErrorResponse(Status(Errc::kInvalidArgument, "missing_field",
                                          "say why in \"note\": the agent reads it")));
    }
    Answer(respond, outbox.Reject(*id, who.user.id, **note), ReplyJson);
  }
}

}  // namespace

void AddReplyRoutes(Router& router, const AuthGate& gate, engine::ReplyDesk& desk,
                    engine::Outbox& outbox, ports::Store& store) {
  router.Add("POST", "/api/v1/cases/{id}/replies/check",
             gate.Require(Action::kWorkCases, [&desk](const ApiRequest& req, const Principal& who,
                                                      Responder respond) {
               Result<engine::ReplyDraft> draft = ReadDraft(req);
               if (!draft.ok()) return respond(ErrorResponse(draft.status()));
               Answer(respond, desk.Check(who.user, *draft), DraftReviewJson);
             }));
  router.Add("POST", "/api/v1/cases/{id}/replies",
             gate.Require(Action::kWorkCases, [&desk](const ApiRequest& req, const Principal& who,
                                                      Responder respond) {
               Result<engine::ReplyDraft> draft = ReadDraft(req);
               if (!draft.ok()) return respond(ErrorResponse(draft.status()));
               Answer(respond, desk.Send(who.user, *draft), ReplyJson, 201);
             }));
  router.Add("POST", "/api/v1/cases/{id}/move-to-private",
             gate.Require(Action::kWorkCases, [&desk](const ApiRequest& req, const Principal& who,
                                                      Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               Result<JsonBody> body = JsonBody::Parse(req.body);
               if (!body.ok()) return respond(ErrorResponse(body.status()));
               Result<std::string> public_text = body->String("public_text");
               if (!public_text.ok()) return respond(ErrorResponse(public_text.status()));
               Result<std::string> private_text = body->String("private_text");
               if (!private_text.ok()) return respond(ErrorResponse(private_text.status()));
               Answer(respond, desk.MoveToPrivate(who.user, *id, *public_text, *private_text),
                      [](const auto& pair) { return ReplyPairJson(pair.first, pair.second); }, 201);
             }));
  router.Add("GET", "/api/v1/cases/{id}/replies",
             gate.Require(Action::kReadCases, [&store](const ApiRequest& req, const Principal&,
                                                       Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               Answer(respond, store.replies().CaseReplies(*id), ReplyListJson);
             }));
  router.Add("GET", "/api/v1/approvals",
             gate.Require(Action::kApproveReplies, [&store](const ApiRequest&, const Principal&,
                                                            Responder respond) {
               Answer(respond, store.replies().AwaitingApproval(200), ReplyListJson);
             }));
  router.Add("POST", "/api/v1/replies/{id}/approve",
             gate.Require(Action::kApproveReplies,
                          [&outbox](const ApiRequest& req, const Principal& who, Responder r) {
                            Review(outbox, req, who, true, r);
                          }));
  router.Add("POST", "/api/v1/replies/{id}/reject",
             gate.Require(Action::kApproveReplies,
                          [&outbox](const ApiRequest& req, const Principal& who, Responder r) {
                            Review(outbox, req, who, false, r);
                          }));
  router.Add("GET", "/api/v1/replies/{id}/audit",
             gate.Require(Action::kReadCases, [&store](const ApiRequest& req, const Principal&,
                                                       Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               Answer(respond, store.replies().ReplyAudit(*id), AuditJson);
             }));
}

}  // namespace fr::api
