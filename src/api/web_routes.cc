#include "api/web_routes.h"

#include <array>

#include "api/error_response.h"
#include "api/security_headers.h"
#include "base/log.h"

namespace fr::api {
namespace {

// One counter per way a web request ends.
struct WebCounters {
  metrics::Counter* served;
  metrics::Counter* not_modified;
  metrics::Counter* bad_path;
  metrics::Counter* not_found;
  metrics::Counter* bad_method;
  metrics::Counter* not_built;
};

WebCounters MakeCounters(metrics::Registry& metrics) {
  auto counter = [&metrics](const char* outcome) {
    return metrics.GetCounter("feedroom_web_responses_total",
                              "Answers to requests for the web app, by outcome.",
                              {{"outcome", outcome}});
  };
  return {counter("served"),    counter("not_modified"), counter("bad_path"),
          counter("not_found"), counter("bad_method"),   counter("not_built")};
}

ApiResponse WithSecurityHeaders(ApiResponse r) {
  for (const auto& header : SecurityHeaders()) r.headers.push_back(header);
  return r;
}

ApiResponse Error(const Status& status, int http_status = 0) {
  return WithSecurityHeaders(ErrorResponse(status, http_status));
}

// The file, or 304 when the client holds this version already.
ApiResponse FileResponse(const WebFile& file, const ApiRequest& req, const WebCounters& c) {
  ApiResponse r;
  r.headers.emplace_back("ETag", file.etag);
  r.headers.emplace_back("Cache-Control", file.cache_control);
  r.content_type = file.content_type;
  if (std::string_view tag = req.headers.Get("If-None-Match");
      !tag.empty() && IfNoneMatchHits(tag, file.etag)) {
    c.not_modified->Add();
    r.status = 304;
    return WithSecurityHeaders(std::move(r));
  }
  c.served->Add();
  r.body = file.body;  // HEAD: the server sends the length and drops the body
  return WithSecurityHeaders(std::move(r));
}

void ServeWeb(const WebAssets* assets, const WebCounters& c, const ApiRequest& req,
              const Responder& respond) {
  if (IsServerPath(req.path)) {
    return respond(ErrorResponse(Status(Errc::kNotFound, "not_found", "no such route")));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    c.bad_method->Add();
    FR_LOG(kInfo, "web", "method={} refused on a web app path client={}", req.method,
           req.client_address);
    ApiResponse r = Error(Status(Errc::kInvalidArgument, "method_not_allowed",
                                 "the web app answers GET and HEAD only"),
                          405);
    r.headers.emplace_back("Allow", "GET, HEAD");
    return respond(std::move(r));
  }
  if (assets == nullptr) {
    // Logged once at startup (server.cc); counted here.
    c.not_built->Add();
    return respond(Error(Status(Errc::kUnavailable, "web_not_built",
                                "the web app is not built: run `npm ci && npm run build` in "
                                "web/, then restart feedroom serve")));
  }
  Result<const WebFile*> file = assets->Find(req.path);
  if (!file.ok()) {
    if (file.status().code() == Errc::kInvalidArgument) {
      c.bad_path->Add();
      FR_LOG(kWarn, "web", "path refused reason={} client={}", file.status().reason(),
             req.client_address);
    } else {
      c.not_found->Add();
      FR_LOG(kInfo, "web", "no such file path={:.200} client={}", req.path, req.client_address);
    }
    return respond(Error(file.status()));
  }
  respond(FileResponse(**file, req, c));
}

}  // namespace

bool IsServerPath(std::string_view path) {
  static constexpr std::array<std::string_view, 5> kPrefixes = {"/api", "/webhooks", "/healthz",
                                                                "/readyz", "/metrics"};
  for (std::string_view prefix : kPrefixes) {
    if (path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/')) {
      return true;
    }
  }
  return false;
}

bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag) {
  auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    std::size_t end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view item = if_none_match.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*" || opaque(item) == opaque(etag)) return true;
    start = end + 1;
  }
  return false;
}

void AddWebRoutes(Router& router, const WebAssets* assets, metrics::Registry& metrics) {
  router.SetNotFound(
      [assets, counters = MakeCounters(metrics)](const ApiRequest& req, Responder respond) {
        ServeWeb(assets, counters, req, respond);
      });
}

}  // namespace fr::api
