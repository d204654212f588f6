#include "api/read_routes.h"

#include "api/case_list_query.h"
#include "api/error_response.h"
#include "api/json_views.h"

namespace fr::api {
namespace {

ApiResponse BadParam(const std::string& message) {
  return ErrorResponse(Status(Errc::kInvalidArgument, "invalid_parameter", message));
}

void ListCases(ports::Store& store, const CaseSla& sla, const ApiRequest& req,
               const engine::Principal& who, const Responder& respond) {
  Result<CaseListQuery> query = ParseCaseListQuery(req, who, sla.Now());
  if (!query.ok()) return respond(ErrorResponse(query.status()));
  Result<ports::CasePage> page = store.ListCases(query->filter, query->after, query->limit);
  if (!page.ok()) return respond(ErrorResponse(page.status()));
  std::vector<domain::Case> cases;
  cases.reserve(page->items.size());
  for (const ports::CaseListItem& item : page->items) cases.push_back(item.kase);
  std::string next = page->next ? EncodeCaseCursor(*page->next) : std::string();
  respond(JsonResponse(CasePageJson(*page, next, sla.Of(cases))));
}

void GetCase(ports::Store& store, const CaseSla& sla, const ApiRequest& req,
             const Responder& respond) {
  auto id = ParseInt64(req.Param("id"));
  if (!id) return respond(BadParam("case id must be a number"));
  auto detail = store.GetCaseDetail(*id);
  if (!detail.ok()) return respond(ErrorResponse(detail.status()));
  if (!*detail) return respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such case")));
  respond(JsonResponse(CaseDetailJson(**detail, sla.Of((*detail)->kase))));
}

void GetMessage(ports::Store& store, const ApiRequest& req, const Responder& respond) {
  auto platform = domain::ParsePlatform(req.Param("platform"));
  if (!platform) return respond(BadParam("unknown platform: " + req.Param("platform")));
  auto message = store.GetMessage(*platform, req.Param("external_id"));
  if (!message.ok()) return respond(ErrorResponse(message.status()));
  if (!*message) {
    return respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such message")));
  }
  respond(JsonResponse(MessageJson(**message)));
}

}  // namespace

void AddReadRoutes(Router& router, const AuthGate& gate, ports::Store& store, const CaseSla& sla) {
  using domain::Action;
  router.Add("GET", "/api/v1/cases",
             gate.Require(Action::kReadCases,
                          [&store, sla](const ApiRequest& req, const engine::Principal& who,
                                        Responder r) { ListCases(store, sla, req, who, r); }));
  router.Add("GET", "/api/v1/cases/{id}",
             gate.Require(Action::kReadCases,
                          [&store, sla](const ApiRequest& req, const engine::Principal&,
                                        Responder r) {
                            GetCase(store, sla, req, r);
                          }));
  router.Add("GET", "/api/v1/messages/{platform}/{external_id}",
             gate.Require(Action::kReadCases,
                          [&store](const ApiRequest& req, const engine::Principal&, Responder r) {
                            GetMessage(store, req, r);
                          }));
}

}  // namespace fr::api
