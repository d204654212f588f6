// The simulator's HTTP exchange in the API layer's terms: the api::HttpServer hands the
// simulator host an ApiRequest (path and query already decoded) and takes an ApiResponse;
// SimPlatform reads a SimRequest (the target as received) and answers a SimResponse.
// Pure functions; thread-safe.
#pragma once

#include "api/http_types.h"
#include "channels/sim/sim_http.h"

namespace fr::server {

// `request` as the simulated platform receives it. The target is rebuilt from the decoded
// path and query, percent-encoding all but unreserved characters (and the path's '/'), so
// the platform decodes the same path and parameters the client sent.
channels::sim::SimRequest ToSimRequest(const api::ApiRequest& request);

// The status, headers and body of `response`; its Content-Type header becomes the content
// type. Its delay and webhooks are the host's business and are not carried.
api::ApiResponse ToApiResponse(channels::sim::SimResponse response);

}  // namespace fr::server
