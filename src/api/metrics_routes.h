// Service metrics (docs/metrics.md), for supervisors and admins (Action::kViewMetrics):
//   GET /api/v1/metrics/cases      the facts of the cases behind a figure (drill-down):
//       200 {"items":[case facts…],"next_cursor":"…"|null}; limit 1..500 (100)
//   GET /api/v1/metrics/cases.csv  the same as CSV (UTF-8 with BOM, one row per case), up to
//       limit 1..100000 (100000) rows; header X-Next-Cursor when more follow
//   GET /api/v1/alerts             spikes (docs/spikes.md), the latest started first:
//       200 {"items":[SpikeAlertObject…]}; limit 1..500 (100)
//   GET /api/v1/alerts/{id}        one spike with its explanation (api/alert_json.h): 200
//       ExplainedSpikeObject; 404 "unknown_alert"
//   GET /api/v1/metrics/{metric}   a MetricNames() metric: 200 [{"group":…,"label":…,
//       "count":…, figures…}], one item per group with cases (and per interval with
//       `interval`, each item then also with "from" and "to"); 404 "unknown_metric"
// Parameters: from, to (required: Unix ms, or a date YYYY-MM-DD meaning local midnight in
// tz), tz (IANA zone; UTC), group_by (a Dimension name; all), group (only this group),
// interval (hour | day, in tz), hours (calendar | business; first-response only), cursor.
// The period covers the cases opened in it, widened to whole hours. Errors: 400
// "invalid_parameter" naming the parameter; "too_many_intervals".
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "engine/metrics/spike_explainer.h"
#include "ports/store.h"

namespace fr::api {

// `gate`, `store` and `explainer` must outlive the router.
void AddMetricsRoutes(Router& router, const AuthGate& gate, ports::Store& store,
                      const engine::SpikeExplainer& explainer);

}  // namespace fr::api
