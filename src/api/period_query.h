// The period a report covers, as the metrics and topics routes read it from the query:
// `from` and `to` (Unix milliseconds, or dates YYYY-MM-DD meaning local midnight in `tz`) and
// `tz` (an IANA zone; UTC when absent). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"
#include "base/status.h"
#include "base/time_zone.h"
#include "engine/metrics/metrics_query.h"

namespace fr::api {

struct PeriodQuery {
  engine::Period period;
  TimeZone zone = TimeZone::Utc();
};

// Reads from, to and tz. Errors: kInvalidArgument "invalid_parameter" naming the parameter
// (missing, malformed, an unknown zone, `to` not after `from`, longer than ten years).
Result<PeriodQuery> ReadPeriodQuery(const ApiRequest& req);

// kInvalidArgument "invalid_parameter" with the message "<param>: <message>".
Status BadParam(std::string_view param, const std::string& message);

}  // namespace fr::api
