// The HTTP request and response as the API layer sees them: plain values, free of Beast, so
// handlers and tests do not pull the HTTP stack's headers in.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "ports/webhook_channel.h"

namespace fr::api {

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query, e.g. "/api/v1/cases/12"
  ports::QueryParams query;
  ports::HttpHeaders headers;
  std::string body;    // the exact bytes received
  std::string client_address;  // the peer's IP address (for rate limits and logs)
  // Path parameters filled in by the router, e.g. {"id","12"}.
  std::vector<std::pair<std::string, std::string>> params;

  // The path parameter `name`, or an empty string.
  const std::string& Param(std::string_view name) const;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Sends the response for one request. Must be called exactly once, from any thread.
using Responder = std::function<void(ApiResponse)>;
using Handler = std::function<void(const ApiRequest&, Responder)>;

}  // namespace fr::api
