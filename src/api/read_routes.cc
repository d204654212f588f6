#include "api/read_routes.h"

#include <charconv>

#include "api/error_response.h"
#include "api/json_views.h"

namespace fr::api {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

std::optional<std::int64_t> ParseInt(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// Cursors are opaque to clients: "<last_activity_at>.<id>" of the last item returned.
std::string EncodeCursor(const ports::CaseCursor& c) {
  return std::to_string(c.last_activity_at) + "." + std::to_string(c.id);
}

std::optional<ports::CaseCursor> DecodeCursor(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto t = ParseInt(s.substr(0, dot));
  auto id = ParseInt(s.substr(dot + 1));
  if (!t || !id) return std::nullopt;
  return ports::CaseCursor{*t, *id};
}

ApiResponse BadParam(const std::string& message) {
  return ErrorResponse(Status(Errc::kInvalidArgument, "invalid_parameter", message));
}

// Wraps a handler so that non-loopback clients are refused.
Handler LoopbackOnly(Handler h) {
  return [h = std::move(h)](const ApiRequest& req, Responder respond) {
    if (!req.from_loopback) {
      return respond(ErrorResponse(Status(Errc::kForbidden, "loopback_only",
                                          "the read API answers local clients only until "
                                          "authentication is configured")));
    }
    h(req, std::move(respond));
  };
}

void ListCases(ports::Store& store, const ApiRequest& req, const Responder& respond) {
  ports::CaseFilter filter;
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
    auto v = ParseInt(l);
    if (!v || *v < 1 || *v > kMaxLimit) {
      return respond(BadParam("limit must be between 1 and " + std::to_string(kMaxLimit)));
    }
    limit = static_cast<int>(*v);
  }
  Result<ports::CasePage> page = store.ListCases(filter, after, limit);
  if (!page.ok()) return respond(ErrorResponse(page.status()));
  std::string next = page->next ? EncodeCursor(*page->next) : std::string();
  respond(ApiResponse{200, "application/json", CasePageJson(*page, next), {}});
}

void GetCase(ports::Store& store, const ApiRequest& req, const Responder& respond) {
  auto id = ParseInt(req.Param("id"));
  if (!id) return respond(BadParam("case id must be a number"));
  auto detail = store.GetCaseDetail(*id);
  if (!detail.ok()) return respond(ErrorResponse(detail.status()));
  if (!*detail) return respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such case")));
  respond(ApiResponse{200, "application/json", CaseDetailJson(**detail), {}});
}

void GetMessage(ports::Store& store, const ApiRequest& req, const Responder& respond) {
  auto platform = domain::ParsePlatform(req.Param("platform"));
  if (!platform) return respond(BadParam("unknown platform: " + req.Param("platform")));
  auto message = store.GetMessage(*platform, req.Param("external_id"));
  if (!message.ok()) return respond(ErrorResponse(message.status()));
  if (!*message) {
    return respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such message")));
  }
  respond(ApiResponse{200, "application/json", MessageJson(**message), {}});
}

}  // namespace

void AddReadRoutes(Router& router, ports::Store& store) {
  router.Add("GET", "/api/v1/cases", LoopbackOnly([&store](const ApiRequest& req, Responder r) {
               ListCases(store, req, r);
             }));
  router.Add("GET", "/api/v1/cases/{id}", LoopbackOnly([&store](const ApiRequest& req, Responder r) {
               GetCase(store, req, r);
             }));
  router.Add("GET", "/api/v1/messages/{platform}/{external_id}",
             LoopbackOnly([&store](const ApiRequest& req, Responder r) { GetMessage(store, req, r); }));
}

}  // namespace fr::api
