#include "api/ops_routes.h"

#include "api/error_response.h"

namespace fr::api {

void AddOpsRoutes(Router& router, ports::Store& store, const engine::Ingestor& ingestor,
                  const metrics::Registry& metrics) {
  router.Add("GET", "/healthz", [](const ApiRequest&, Responder respond) {
    respond(ApiResponse{200, "application/json", "{\"status\":\"ok\"}", {}});
  });
  router.Add("GET", "/readyz", [&store, &ingestor](const ApiRequest&, Responder respond) {
    Status s = store.Ping();
    if (s.ok() && !ingestor.Running()) {
      s = Status(Errc::kUnavailable, "ingest_stopped", "ingest is not accepting deliveries");
    }
    if (!s.ok()) return respond(ErrorResponse(s));
    respond(ApiResponse{200, "application/json", "{\"status\":\"ready\"}", {}});
  });
  router.Add("GET", "/metrics", [&metrics](const ApiRequest&, Responder respond) {
    respond(ApiResponse{200, "text/plain; version=0.0.4; charset=utf-8", metrics.RenderText(), {}});
  });
}

}  // namespace fr::api
