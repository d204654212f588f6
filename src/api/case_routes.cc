#include "api/case_routes.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "api/error_response.h"
#include "api/json_body.h"
#include "api/json_views.h"

namespace fr::api {
namespace {

namespace json = boost::json;
using domain::Action;
using engine::Principal;

// Parses the path id and runs `act` with it, answering with the updated case and its clock.
template <typename Act>
AuthedHandler OnCase(const CaseSla& sla, Act act) {
  return [sla, act](const ApiRequest& req, const Principal& who, Responder respond) {
    Result<domain::CaseId> id = PathId(req);
    if (!id.ok()) return respond(ErrorResponse(id.status()));
    Result<domain::Case> c = act(req, who, *id);
    respond(c.ok() ? JsonResponse(CaseJson(*c, sla.Of(*c))) : ErrorResponse(c.status()));
  };
}

Result<domain::Case> Patch(engine::CaseDesk& desk, const ApiRequest& req, const Principal& who,
                           domain::CaseId id) {
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body));
  FR_RETURN_IF_ERROR(body.AllowOnly({"status", "priority"}));
  FR_ASSIGN_OR_RETURN(auto status_name, body.OptionalString("status"));
  FR_ASSIGN_OR_RETURN(auto priority_name, body.OptionalString("priority"));
  if (!status_name && !priority_name) {
    return Status(Errc::kInvalidArgument, "missing_field", "give \"status\" or \"priority\"");
  }
  std::optional<domain::Case> result;
  if (priority_name) {
    auto priority = domain::ParsePriority(*priority_name);
    if (!priority) {
      return Status(Errc::kInvalidArgument, "invalid_priority",
                    "priority must be low, normal, high or urgent");
    }
    FR_ASSIGN_OR_RETURN(result, desk.SetPriority(who.user, id, *priority));
  }
  if (status_name) {
    auto status = domain::ParseCaseStatus(*status_name);
    if (!status) {
      return Status(Errc::kInvalidArgument, "invalid_status",
                    "status must be new, open, pending, resolved or closed");
    }
    FR_ASSIGN_OR_RETURN(result, desk.SetStatus(who.user, id, *status));
  }
  return std::move(*result);
}

std::string ActivityJson(const std::vector<engine::ActivityEntry>& entries) {
  json::array items;
  for (const auto& e : entries) {
    json::object o;
    o["user_id"] = std::to_string(e.user);
    o["activity"] = engine::CaseActivityName(e.activity);
    o["since"] = e.since;
    items.emplace_back(std::move(o));
  }
  json::object out;
  out["items"] = std::move(items);
  return json::serialize(out);
}

Status SetActivity(engine::Presence& presence, const ApiRequest& req, const Principal& who,
                   domain::CaseId id) {
  FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body));
  FR_ASSIGN_OR_RETURN(std::string activity, body.String("activity"));
  if (activity == "none") {
    presence.ClearActivity(who.user.id, id);
  } else if (activity == "viewing" || activity == "writing") {
    presence.SetActivity(who.user.id, id,
                         activity == "writing" ? engine::CaseActivity::kWriting
                                               : engine::CaseActivity::kViewing);
  } else {
    return Status(Errc::kInvalidArgument, "invalid_activity",
                  "activity must be viewing, writing or none");
  }
  return Status::Ok();
}

Result<std::string> PresenceJson(engine::Presence& presence, ports::Store& store) {
  FR_ASSIGN_OR_RETURN(std::vector<domain::User> users, store.people().ListUsers());
  FR_ASSIGN_OR_RETURN(auto loads, store.work().ActiveLoads());
  std::set<domain::UserId> present = presence.PresentUsers();
  json::array items;
  for (const domain::User& u : users) {
    if (!u.active) continue;
    json::object o;
    o["user_id"] = std::to_string(u.id);
    o["display_name"] = u.display_name;
    o["present"] = present.contains(u.id);
    o["load"] = loads.contains(u.id) ? loads.at(u.id) : 0;
    o["capacity"] = u.capacity;
    items.emplace_back(std::move(o));
  }
  json::object out;
  out["items"] = std::move(items);
  return json::serialize(out);
}

}  // namespace

void AddCaseRoutes(Router& router, const AuthGate& gate, engine::CaseDesk& desk,
                   engine::Presence& presence, engine::RoutingSweep* sweep, ports::Store& store,
                   const CaseSla& sla) {
  auto wake = [sweep] {
    if (sweep) sweep->Wake();
  };
  router.Add("POST", "/api/v1/cases/{id}/assign",
             gate.Require(Action::kWorkCases,
                          OnCase(sla, [&desk](const ApiRequest& req, const Principal& who,
                                         domain::CaseId id) -> Result<domain::Case> {
                            FR_ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body));
                            FR_ASSIGN_OR_RETURN(std::string user, body.String("user_id"));
                            auto target = ParseInt64(user);
                            if (!target) {
                              return Status(Errc::kInvalidArgument, "invalid_user",
                                            "user_id must be a user's id");
                            }
                            return desk.Assign(who.user, id, *target);
                          })));
  router.Add("POST", "/api/v1/cases/{id}/take",
             gate.Require(Action::kWorkCases,
                          OnCase(sla, [&desk](const ApiRequest&, const Principal& who, domain::CaseId id) {
                            return desk.Assign(who.user, id, who.user.id);
                          })));
  router.Add("POST", "/api/v1/cases/{id}/unassign",
             gate.Require(Action::kWorkCases, OnCase(sla, [&desk, wake](const ApiRequest&,
                                                                   const Principal& who,
                                                                   domain::CaseId id) {
                            Result<domain::Case> c = desk.Unassign(who.user, id);
                            if (c.ok()) wake();
                            return c;
                          })));
  router.Add("PATCH", "/api/v1/cases/{id}",
             gate.Require(Action::kWorkCases,
                          OnCase(sla, [&desk](const ApiRequest& req, const Principal& who,
                                         domain::CaseId id) { return Patch(desk, req, who, id); })));
  router.Add("GET", "/api/v1/cases/{id}/events",
             gate.Require(Action::kReadCases, [&store](const ApiRequest& req, const Principal&,
                                                       Responder respond) {
               Result<domain::CaseId> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               auto events = store.work().ListCaseEvents(*id);
               respond(events.ok() ? JsonResponse(CaseEventsJson(*events))
                                   : ErrorResponse(events.status()));
             }));
  router.Add("PUT", "/api/v1/cases/{id}/activity",
             gate.Require(Action::kReadCases, [&presence](const ApiRequest& req,
                                                          const Principal& who, Responder respond) {
               Result<domain::CaseId> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               Status s = SetActivity(presence, req, who, *id);
               respond(s.ok() ? JsonResponse(ActivityJson(presence.ActivityOn(*id)))
                              : ErrorResponse(s));
             }));
  router.Add("GET", "/api/v1/cases/{id}/activity",
             gate.Require(Action::kReadCases, [&presence](const ApiRequest& req, const Principal&,
                                                          Responder respond) {
               Result<domain::CaseId> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               respond(JsonResponse(ActivityJson(presence.ActivityOn(*id))));
             }));
  router.Add("PUT", "/api/v1/me/presence",
             gate.Require(Action::kWorkCases, [&presence, &store, wake](const ApiRequest& req,
                                                                        const Principal& who,
                                                                        Responder respond) {
               Result<JsonBody> body = JsonBody::Parse(req.body);
               if (!body.ok()) return respond(ErrorResponse(body.status()));
               Result<std::string> status = body->String("status");
               if (!status.ok()) return respond(ErrorResponse(status.status()));
               if (*status != "available" && *status != "away") {
                 return respond(ErrorResponse(Status(Errc::kInvalidArgument, "invalid_status",
                                                     "status must be available or away")));
               }
               presence.SetAway(who.user.id, *status == "away");
               presence.Heartbeat(who.user.id);
               if (*status == "available") wake();
               auto out = PresenceJson(presence, store);
               respond(out.ok() ? JsonResponse(*out) : ErrorResponse(out.status()));
             }));
  router.Add("GET", "/api/v1/presence",
             gate.Require(Action::kReadDirectory, [&presence, &store](const ApiRequest&,
                                                                      const Principal&,
                                                                      Responder respond) {
               auto out = PresenceJson(presence, store);
               respond(out.ok() ? JsonResponse(*out) : ErrorResponse(out.status()));
             }));
}

}  // namespace fr::api
