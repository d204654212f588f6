#include "api/listening_routes.h"

#include <boost/json.hpp>

#include "api/error_response.h"
#include "api/json_body.h"
#include "api/json_views.h"
#include "api/offload.h"

namespace fr::api {
namespace {

using domain::Action;
using engine::Principal;

boost::json::object RuleObject(const domain::ListeningRule& r) {
  boost::json::object o;
  o["id"] = r.id;
  o["query"] = r.query;
  o["action"] = domain::RuleActionName(r.action);
  o["team"] = r.team;
  o["enabled"] = r.enabled;
  return o;
}

// The rule a PUT body describes, with the path's id. Errors: those of JsonBody;
// kInvalidArgument "invalid_action".
Result<domain::ListeningRule> ReadRule(const ApiRequest& req) {
  domain::ListeningRule r;
  r.id = req.Param("id");
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body));
  FR_RETURN_IF_ERROR(body.AllowOnly({"query", "action", "team", "enabled"}));
  FR_ASSIGN_OR_RETURN(r.query, body.String("query"));
  FR_ASSIGN_OR_RETURN(std::optional<std::string> action, body.OptionalString("action"));
  if (action) {
    std::optional<domain::RuleAction> parsed = domain::ParseRuleAction(*action);
    if (!parsed) {
      return Status(Errc::kInvalidArgument, "invalid_action", "action must be tag or escalate");
    }
    r.action = *parsed;
  }
  FR_ASSIGN_OR_RETURN(std::optional<std::string> team, body.OptionalString("team"));
  r.team = team.value_or("");
  FR_ASSIGN_OR_RETURN(std::optional<bool> enabled, body.OptionalBool("enabled"));
  r.enabled = enabled.value_or(true);
  return r;
}

}  // namespace

void AddListeningRoutes(Router& router, const AuthGate& gate, engine::ListeningDesk& listening,
                        engine::LabelDesk& labels, WorkPool* slow_work) {
  router.Add("GET", "/api/v1/listening/rules",
             gate.Require(Action::kReadCases, [&listening](const ApiRequest&, const Principal&,
                                                           Responder respond) {
               auto rules = listening.List();
               if (!rules.ok()) return respond(ErrorResponse(rules.status()));
               boost::json::array list;
               for (const auto& r : *rules) list.push_back(RuleObject(r));
               respond(JsonResponse(boost::json::serialize(boost::json::object{{"rules", list}})));
             }));
  router.Add("PUT", "/api/v1/listening/rules/{id}",
             gate.Require(Action::kManageListening,
                          [&listening, slow_work](const ApiRequest& req, const Principal&,
                                                  Responder respond) {
                            Result<domain::ListeningRule> rule = ReadRule(req);
                            if (!rule.ok()) return respond(ErrorResponse(rule.status()));
                            Offload(slow_work, respond, [&listening, r = *rule]() {
                              auto put = listening.Put(r);
                              if (!put.ok()) return ErrorResponse(put.status());
                              return JsonResponse(boost::json::serialize(RuleObject(*put)));
                            });
                          }));
  router.Add("DELETE", "/api/v1/listening/rules/{id}",
             gate.Require(Action::kManageListening,
                          [&listening, slow_work](const ApiRequest& req, const Principal&,
                                                  Responder respond) {
                            Offload(slow_work, respond, [&listening, id = req.Param("id")]() {
                              Status s = listening.Delete(id);
                              return s.ok() ? NoContent() : ErrorResponse(s);
                            });
                          }));
  router.Add("POST", "/api/v1/messages/{id}/labels",
             gate.Require(Action::kWorkCases, [&labels](const ApiRequest& req,
                                                        const Principal& who, Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               Result<JsonBody> body = JsonBody::Parse(req.body);
               if (!body.ok()) return respond(ErrorResponse(body.status()));
               Status allowed = body->AllowOnly({"task", "label"});
               if (!allowed.ok()) return respond(ErrorResponse(allowed));
               Result<std::string> task = body->String("task");
               if (!task.ok()) return respond(ErrorResponse(task.status()));
               Result<std::string> label = body->String("label");
               if (!label.ok()) return respond(ErrorResponse(label.status()));
               auto insight = labels.Correct(*id, who.user.id, *task, *label);
               if (!insight.ok()) return respond(ErrorResponse(insight.status()));
               boost::json::object o;
               o["message_id"] = std::to_string(*id);
               AddInsightFields(*insight, o);
               respond(JsonResponse(boost::json::serialize(o)));
             }));
}

}  // namespace fr::api
