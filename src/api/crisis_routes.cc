#include "api/crisis_routes.h"

#include <boost/json.hpp>

#include "api/crisis_json.h"
#include "api/error_response.h"

namespace fr::api {
namespace {

using domain::Action;
using engine::Principal;

constexpr int kRecentCrises = 50;

std::string WithSummary(const domain::crisis::Crisis& c, const domain::crisis::CrisisSummary& s) {
  boost::json::object o = CrisisObject(c);
  o["summary"] = CrisisSummaryObject(s);
  return boost::json::serialize(o);
}

}  // namespace

void AddCrisisRoutes(Router& router, const AuthGate& gate, engine::CrisisDesk& desk,
                     ports::Store& store) {
  router.Add("GET", "/api/v1/crisis",
             gate.Require(Action::kReadCases, [&desk](const ApiRequest&, const Principal&,
                                                      Responder respond) {
               const auto running = desk.Running();
               boost::json::object o;
               o["crisis"] = running ? boost::json::value(CrisisObject(*running))
                                     : boost::json::value(nullptr);
               respond(JsonResponse(boost::json::serialize(o)));
             }));
  router.Add("GET", "/api/v1/crises",
             gate.Require(Action::kViewMetrics, [&store](const ApiRequest&, const Principal&,
                                                         Responder respond) {
               auto crises = store.crisis().RecentCrises(kRecentCrises);
               if (!crises.ok()) return respond(ErrorResponse(crises.status()));
               boost::json::array items;
               for (const auto& c : *crises) items.push_back(CrisisObject(c));
               respond(JsonResponse(boost::json::serialize(boost::json::object{{"items", items}})));
             }));
  router.Add("GET", "/api/v1/crises/{id}",
             gate.Require(Action::kViewMetrics, [&desk, &store](const ApiRequest& req,
                                                                const Principal&,
                                                                Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               auto crisis = store.crisis().GetCrisis(*id);
               if (!crisis.ok()) return respond(ErrorResponse(crisis.status()));
               if (!*crisis) {
                 return respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such crisis")));
               }
               auto summary = desk.SummaryOf(**crisis);
               if (!summary.ok()) return respond(ErrorResponse(summary.status()));
               respond(JsonResponse(WithSummary(**crisis, *summary)));
             }));
  router.Add("POST", "/api/v1/crises",
             gate.Require(Action::kRunCrisis, [&desk](const ApiRequest& req, const Principal& who,
                                                      Responder respond) {
               auto spec = ReadCrisisSpec(req.body, {});
               if (!spec.ok()) return respond(ErrorResponse(spec.status()));
               auto started = desk.Start(who.user.id, std::move(*spec));
               if (!started.ok()) return respond(ErrorResponse(started.status()));
               respond(JsonResponse(boost::json::serialize(CrisisObject(*started)), 201));
             }));
  router.Add("PATCH", "/api/v1/crises/{id}",
             gate.Require(Action::kRunCrisis, [&desk, &store](const ApiRequest& req,
                                                              const Principal&, Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               auto stored = store.crisis().GetCrisis(*id);
               if (!stored.ok()) return respond(ErrorResponse(stored.status()));
               if (!*stored) {
                 return respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such crisis")));
               }
               auto spec = ReadCrisisSpec(req.body, **stored);
               if (!spec.ok()) return respond(ErrorResponse(spec.status()));
               auto updated = desk.Update(*id, *spec);
               if (!updated.ok()) return respond(ErrorResponse(updated.status()));
               respond(JsonResponse(boost::json::serialize(CrisisObject(*updated))));
             }));
  router.Add("POST", "/api/v1/crises/{id}/end",
             gate.Require(Action::kRunCrisis, [&desk](const ApiRequest& req, const Principal& who,
                                                      Responder respond) {
               Result<std::int64_t> id = PathId(req);
               if (!id.ok()) return respond(ErrorResponse(id.status()));
               auto ended = desk.End(who.user.id, *id);
               if (!ended.ok()) return respond(ErrorResponse(ended.status()));
               respond(JsonResponse(WithSummary(ended->first, ended->second)));
             }));
}

}  // namespace fr::api
