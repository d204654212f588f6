// The web app (web/dist, see web_assets.h) behind the API: every GET or HEAD whose path no
// route has, outside /api, /webhooks, /healthz, /readyz and /metrics, is answered from the
// files loaded at startup, with their Content-Type, Cache-Control and strong ETag
// (If-None-Match → 304), and the security headers (security_headers.h). Errors are JSON:
// 400 "bad_path" (traversal), 404 "not_found" (a missing file with an extension), 405
// "method_not_allowed" (a write to a web path), 503 "web_not_built" (no built web app: run
// the build). Unknown paths under the reserved prefixes keep the API's 404 "not_found".
// Every answer is counted in feedroom_web_responses_total{outcome}.
#pragma once

#include <string_view>

#include "api/router.h"
#include "api/web_assets.h"
#include "base/metrics.h"

namespace fr::api {

// Installs the web app as the router's not-found handler. `assets` may be null (the web app
// is not built): every web path then answers 503 "web_not_built". `assets` and `metrics` must
// outlive the router.
void AddWebRoutes(Router& router, const WebAssets* assets, metrics::Registry& metrics);

// True for paths that belong to the server, not the web app: /api, /webhooks, /healthz,
// /readyz, /metrics and everything under them.
bool IsServerPath(std::string_view path);

// True if the If-None-Match header value `if_none_match` ("\"a\", W/\"b\"" or "*") matches
// the strong ETag `etag` (weak comparison, as RFC 9110 §13.1.2 asks for GET and HEAD).
bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag);

}  // namespace fr::api
