#include "channels/sim/x_errors.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "channels/sim/sim_json.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kContentType = "application/json; charset=utf-8";

}  // namespace

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Error";
  }
}

SimResponse XPlainProblem(int status, std::string_view detail) {
  const std::string_view title = ReasonPhrase(status);
  return JsonResponse(status, kContentType,
                      json::object{{"title", title},
                                   {"type", "about:blank"},
                                   {"status", status},
                                   {"detail", detail.empty() ? title : detail}});
}

SimResponse XForbidden(std::string_view detail) { return XPlainProblem(403, detail); }

SimResponse XInvalidRequest(std::string_view parameter, std::string_view value,
                            std::string_view message) {
  json::object error;
  if (!parameter.empty()) error["parameters"] = json::object{{parameter, json::array{value}}};
  error["message"] = message;
  return JsonResponse(
      400, kContentType,
      json::object{{"errors", json::array{std::move(error)}},
                   {"title", "Invalid Request"},
                   {"detail", "One or more parameters to your request was invalid."},
                   {"type", "https://api.x.com/2/problems/invalid-request"}});
}

SimResponse XUnsupportedAuthentication() {
  return JsonResponse(
      403, kContentType,
      json::object{{"title", "Unsupported Authentication"},
                   {"detail",
                    "Authenticating with OAuth 2.0 Application-Only is forbidden for this "
                    "endpoint.  Supported authentication types are [OAuth 1.0a User Context, "
                    "OAuth 2.0 User Context]."},
                   {"type", "https://api.x.com/2/problems/unsupported-authentication"},
                   {"status", 403}});
}

SimResponse XUnknownRoute() {
  return JsonResponse(
      404, kContentType,
      json::object{{"errors", json::array{json::object{
                                  {"message", "Sorry, that page does not exist"}, {"code", 34}}}}});
}

}  // namespace fr::channels::sim::internal
