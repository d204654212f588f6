#include "channels/sim/sim_control.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "channels/sim/sim_json.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kContentType = "application/json";

SimResponse Error(int status, std::string_view code, std::string_view message) {
  return JsonResponse(status, kContentType,
                      json::object{{"error", json::object{{"code", code}, {"message", message}}}});
}

json::object RecordJson(const SentRecord& r) {
  return json::object{{"platform", domain::PlatformName(r.platform)},
                      {"route", r.route},
                      {"account_id", r.account_id},
                      {"target", r.target},
                      {"text", r.text},
                      {"id", r.id},
                      {"time", r.time},
                      {"tag", r.tag}};
}

}  // namespace

SimResponse HandleControl(const SimRequest& request, std::string_view path, FaultQueue& faults,
                          const SimWorld& world) {
  if (path == "/sim/faults") {
    if (request.method == "POST") {
      auto spec = ParseFaultSpec(request.body);
      if (!spec.ok()) return Error(400, spec.status().reason(), spec.status().message());
      faults.Add(*spec);
      return JsonResponse(200, kContentType, json::object{{"queued", true}});
    }
    if (request.method == "DELETE") {
      faults.Clear();
      return JsonResponse(200, kContentType, json::object{{"cleared", true}});
    }
    return Error(405, "method_not_allowed", "use POST or DELETE on /sim/faults");
  }
  if (path == "/sim/sent") {
    if (request.method != "GET") return Error(405, "method_not_allowed", "use GET on /sim/sent");
    json::array sent;
    for (const SentRecord& r : world.sent()) sent.push_back(RecordJson(r));
    return JsonResponse(200, kContentType, json::object{{"sent", std::move(sent)}});
  }
  return Error(404, "not_found", "no simulator control endpoint at this path");
}

}  // namespace fr::channels::sim::internal
