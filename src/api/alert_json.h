// Spike alerts with their explanations -> JSON, for GET /api/v1/alerts/{id} and the live
// stream's spike events (schema/openapi.yaml SpikeDetail, schema/events.md). Thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include "ports/alert_sink.h"

namespace fr::api {

// The alert's fields (SpikeAlertObject) plus "explanation": {"messages", "negative",
// "top_terms": [{"term","count","lift"}], "sources": [{"platform","account_id","count"}],
// "top_authors": [{"platform","handle","name","followers","count"}], "samples": [{"id",
// "case_id","platform","author_handle","author_name","author_followers","created_at","text"}]}.
boost::json::object ExplainedSpikeObject(const ports::ExplainedSpike& spike);

}  // namespace fr::api
