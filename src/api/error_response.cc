#include "api/error_response.h"

#include <charconv>

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

namespace fr::api {

int HttpStatusFor(Errc code) {
  switch (code) {
    case Errc::kOk: return 200;
    case Errc::kInvalidArgument: return 400;
    case Errc::kMalformed: return 400;
    case Errc::kUnauthenticated: return 401;
    case Errc::kForbidden: return 403;
    case Errc::kNotFound: return 404;
    case Errc::kConflict: return 409;
    case Errc::kPayloadTooLarge: return 413;
    case Errc::kRateLimited: return 429;
    case Errc::kUnavailable: return 503;
    case Errc::kInternal: return 500;
  }
  return 500;
}

std::string JsonQuote(std::string_view s) {
  return boost::json::serialize(boost::json::value(boost::json::string(s)));
}

ApiResponse ErrorResponse(const Status& status, int http_status) {
  ApiResponse r;
  r.status = http_status != 0 ? http_status : HttpStatusFor(status.code());
  r.body = "{\"error\":{\"code\":" + JsonQuote(status.reason()) +
           ",\"message\":" + JsonQuote(status.message()) + "}}";
  return r;
}

ApiResponse JsonResponse(std::string body, int status) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

ApiResponse NoContent() { return JsonResponse(std::string(), 204); }

std::optional<std::int64_t> ParseInt64(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

Result<std::int64_t> PathId(const ApiRequest& req) {
  auto id = ParseInt64(req.Param("id"));
  if (!id) return Status(Errc::kInvalidArgument, "invalid_parameter", "the id must be a number");
  return *id;
}

}  // namespace fr::api
