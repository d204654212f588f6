// Crises -> JSON and crisis requests <- JSON (schema/openapi.yaml Crisis, CrisisSpec,
// CrisisSummary). Thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include <boost/json/object.hpp>

#include "base/status.h"
#include "domain/crisis/crisis.h"

namespace fr::api {

// {"id","name","terms","rule_ids","holding_statement","raise_to","started_by","spike_id",
//  "started_at","ended_at","ended_by","running"}; ids as strings, absent ones null.
boost::json::object CrisisObject(const domain::crisis::Crisis& crisis);
// {"cases","messages","negative","replies_sent","cases_answered","median_first_reply_s",
//  "peak_hour","peak_hour_messages","duration_s"}.
boost::json::object CrisisSummaryObject(const domain::crisis::CrisisSummary& summary);

// Reads a crisis from a request body: {"name", "terms", "rule_ids", "holding_statement",
// "raise_to"}. Members absent are taken from `base` (for PATCH; a POST passes an empty
// crisis). Errors: those of JsonBody; kInvalidArgument "invalid_parameter" for an unknown
// raise_to. (ValidateCrisis judges the rest.)
Result<domain::crisis::Crisis> ReadCrisisSpec(std::string_view body, domain::crisis::Crisis base);

}  // namespace fr::api
