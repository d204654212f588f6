#include "channels/sim/graph_errors.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "channels/sim/sim_json.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kContentType = "application/json; charset=UTF-8";
constexpr std::string_view kRateLimitDoc =
    " Wait a bit and try again. For more info, please refer to "
    "https://developers.facebook.com/docs/graph-api/overview/rate-limiting.";

// The message Graph sends with each throttling code, and the usage it reports: "app" in
// X-App-Usage, else the type in X-Business-Use-Case-Usage ("" for none).
struct Throttle {
  std::string message;
  std::string_view usage_type;
};

Throttle ThrottleFor(int code) {
  switch (code) {
    case 2:
      return {"An unexpected error has occurred. Please retry your request later.", ""};
    case 4:
      return {"(#4) Application request limit reached", "app"};
    case 17:
      return {"(#17) User request limit reached", "pages"};
    case 32:
      return {"(#32) Page request limit reached", "pages"};
    case 613:
      return {"(#613) Calls to this api have exceeded the rate limit.", "pages"};
    case 80001:
      return {"(#80001) There have been too many calls to this Page account." +
                  std::string(kRateLimitDoc),
              "pages"};
    case 80002:
      return {"(#80002) There have been too many calls to this Instagram account." +
                  std::string(kRateLimitDoc),
              "instagram"};
    case 80006:
      return {"(#80006) There have been too many messages sent to this Messenger account." +
                  std::string(kRateLimitDoc),
              "messenger"};
    default:
      return {"(#" + std::to_string(code) + ") Calls to this api have exceeded the rate limit.",
              "pages"};
  }
}

}  // namespace

SimResponse GraphErrorResponse(const GraphError& error, std::string_view fbtrace_id) {
  json::object e{{"message", error.message}, {"type", "OAuthException"}};
  if (error.is_transient) e["is_transient"] = true;
  e["code"] = error.code;
  if (error.subcode != 0) e["error_subcode"] = error.subcode;
  e["fbtrace_id"] = fbtrace_id;
  SimResponse r =
      JsonResponse(error.http_status, kContentType, json::object{{"error", std::move(e)}});
  r.headers.emplace_back("x-fb-trace-id", std::string(fbtrace_id));
  return r;
}

SimResponse GraphThrottleResponse(int http_status, int code, std::string_view account_id,
                                  std::int64_t retry_after_s, std::string_view fbtrace_id) {
  Throttle throttle = ThrottleFor(code);
  GraphError error;
  error.http_status = http_status;
  error.code = code;
  error.message = std::move(throttle.message);
  error.is_transient = code == 2;
  SimResponse r = GraphErrorResponse(error, fbtrace_id);
  // Usage in percent of the limit; the wait is in minutes (PROTOCOLS.md §2.1).
  json::object usage{{"call_count", 100}, {"total_cputime", 25}, {"total_time", 40}};
  if (throttle.usage_type == "app") {
    r.headers.emplace_back("X-App-Usage", json::serialize(usage));
  } else if (!throttle.usage_type.empty()) {
    usage["type"] = throttle.usage_type;
    usage["estimated_time_to_regain_access"] = (retry_after_s + 59) / 60;
    json::object header{{account_id, json::array{std::move(usage)}}};
    r.headers.emplace_back("X-Business-Use-Case-Usage", json::serialize(header));
  }
  return r;
}

}  // namespace fr::channels::sim::internal
