// Operational routes: GET /healthz (the process answers), GET /readyz (the store answers and
// ingest accepts work), GET /metrics (Prometheus text format).
#pragma once

#include "api/router.h"
#include "base/metrics.h"
#include "engine/ingest/ingestor.h"
#include "ports/store.h"

namespace fr::api {

// All arguments must outlive the router.
void AddOpsRoutes(Router& router, ports::Store& store, const engine::Ingestor& ingestor,
                  const metrics::Registry& metrics);

}  // namespace fr::api
