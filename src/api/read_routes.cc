#include "api/read_routes.h"

#include "api/error_response.h"
#include "api/json_views.h"

namespace fr::api {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

// Cursors are opaque to clients: "<last_activity_at>.<id>" of the last item returned.
std::string EncodeCursor(const ports::CaseCursor& c) {
  return std::to_string(c.last_activity_at) + "." + std::to_string(c.id);
}

std::optional<ports::CaseCursor> DecodeCursor(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto t = ParseInt64(s.substr(0, dot));
  auto id = ParseInt64(s.substr(dot + 1));
  if (!t || !id) return std::nullopt;
  return ports::CaseCursor{*t, *id};
}

ApiResponse BadParam(const std::string& message) {
  return ErrorResponse(Status(Errc::kInvalidArgument, "invalid_parameter", message));
}

// Fills the ownership filters: assignee=me|<user id>, unassigned=true, team=<id>, active=true.
Status ReadOwnerFilters(const ApiRequest& req, const engine::Principal& who,
                        ports::CaseFilter& filter) {
  if (auto a = ports::QueryParam(req.query, "assignee"); !a.empty()) {
    auto id = a == "me" ? std::optional<std::int64_t>(who.user.id) : ParseInt64(a);
    if (!id) return Status(Errc::kInvalidArgument, "invalid_parameter", "assignee is me or a user id");
    filter.assignee = *id;
  }
  if (auto t = ports::QueryParam(req.query, "team"); !t.empty()) {
    auto id = ParseInt64(t);
    if (!id) return Status(Errc::kInvalidArgument, "invalid_parameter", "team is a team id");
    filter.team = *id;
  }
  filter.unassigned_only = ports::QueryParam(req.query, "unassigned") == "true";
  filter.active_only = ports::QueryParam(req.query, "active") == "true";
  if (filter.unassigned_only && filter.assignee) {
    return Status(Errc::kInvalidArgument, "invalid_parameter",
                  "assignee and unassigned=true exclude each other");
  }
  return Status::Ok();
}

void ListCases(ports::Store& store, const CaseSla& sla, const ApiRequest& req,
               const engine::Principal& who, const Responder& respond) {
  ports::CaseFilter filter;
  if (Status s = ReadOwnerFilters(req, who, filter); !s.ok()) return respond(ErrorResponse(s));
  if (auto s = ports::QueryParam(req.query, "status"); !s.empty()) {
    filter.status = domain::ParseCaseStatus(s);
    if (!filter.status) return respond(BadParam("unknown status: " + std::string(s)));
  }
  if (auto p = ports::QueryParam(req.query, "platform"); !p.empty()) {
    filter.platform = domain::ParsePlatform(p);
    if (!filter.platform) return respond(BadParam("unknown platform: " + std::string(p)));
  }
  std::optional<ports::CaseCursor> after;
  if (auto c = ports::QueryParam(req.query, "cursor"); !c.empty()) {
    after = DecodeCursor(c);
    if (!after) return respond(BadParam("malformed cursor"));
  }
  int limit = kDefaultLimit;
  if (auto l = ports::QueryParam(req.query, "limit"); !l.empty()) {
    auto v = ParseInt64(l);
    if (!v || *v < 1 || *v > kMaxLimit) {
      return respond(BadParam("limit must be between 1 and " + std::to_string(kMaxLimit)));
    }
    limit = static_cast<int>(*v);
  }
  Result<ports::CasePage> page = store.ListCases(filter, after, limit);
  if (!page.ok()) return respond(ErrorResponse(page.status()));
  std::string next = page->next ? EncodeCursor(*page->next) : std::string();
  respond(JsonResponse(CasePageJson(*page, next, sla.Of(page->items))));
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
