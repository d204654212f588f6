// The JSON and CSV forms of the service metrics (docs/metrics.md, schema/openapi.yaml):
// each metric's figures computed from rollup sums, and one CSV row per case's facts.
// Durations are seconds (one decimal); rates are 0..1 (four decimals); a figure with nothing
// to measure is null. Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/metrics/case_facts.h"
#include "domain/metrics/rollup.h"
#include "ports/metrics_store.h"

namespace fr::api {

// The metrics GET /api/v1/metrics/{metric} serves: "first-response", "next-response",
// "resolution", "response-rate", "sla", "repeat-complaints", "sentiment", "volume", and
// "summary" (all of them, each under its name with '_' for '-').
const std::vector<std::string_view>& MetricNames();

// How first-response time is measured: on the calendar, or in the team's business hours.
enum class Hours { kCalendar, kBusiness };

// Adds the figures of `metric` (a MetricNames entry) over `sums` to `out`. Every metric has
// "count": the number of things it measures (responded cases, customer messages, ...).
void AddMetricFigures(std::string_view metric, const domain::metrics::RollupCounters& sums,
                      Hours hours, boost::json::object& out);

// The CSV header of the per-case export, and one row of it (RFC 4180: CRLF, fields with
// commas, quotes or line breaks quoted). Times are ISO 8601 UTC; durations seconds.
std::string CaseCsvHeader();
std::string CaseCsvRow(const domain::metrics::CaseFacts& facts);

// The JSON object of one case's facts, for the drill-down list.
boost::json::object CaseFactsObject(const domain::metrics::CaseFacts& facts);

// The JSON object of a spike: {"id","series","kind","started_at","ended_at"|null,"observed",
// "expected","score"}.
boost::json::object SpikeAlertObject(const ports::SpikeAlert& alert);

}  // namespace fr::api
