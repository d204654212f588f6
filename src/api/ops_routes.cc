#include "api/ops_routes.h"

#include "api/error_response.h"

namespace fr::api {

void AddOpsRoutes(Router& router, ports::Store& store, const engine::Ingestor& ingestor,
                  const metrics::Registry& metrics) {
  router.Add("GET", "/healthz", [](const ApiRequest&, Responder respond) {
    respond(JsonResponse("{\"status\":\"ok\"}"));
  });
  router.Add("GET", "/readyz", [&store, &ingestor](const ApiRequest&, Responder respond) {
    Status s = store.Ping();
    if (s.ok() && !ingestor.Running()) {
      s = Status(Errc::kUnavailable, "ingest_stopped", "ingest is not accepting deliveries");
    }
    if (!s.ok()) return respond(ErrorResponse(s));
    respond(JsonResponse("{\"status\":\"ready\"}"));
  });
  router.Add("GET", "/metrics", [&metrics](const ApiRequest&, Responder respond) {
    ApiResponse r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics.RenderText();
    respond(std::move(r));
  });
}

}  // namespace fr::api
