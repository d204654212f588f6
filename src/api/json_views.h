// Domain -> JSON for the read API. One function per resource; field names are the API
// contract documented in schema/openapi.yaml. Our 64-bit ids are rendered as strings.
#pragma once

#include <string>

#include <optional>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <map>

#include "domain/case_event.h"
#include "engine/sla/sla_tracker.h"
#include "ports/store.h"

namespace fr::api {

// One of our optional ids as a JSON string, or null.
boost::json::value IdOrNull(const std::optional<std::int64_t>& id);

// The objects the views below are made of, for responses that embed them (the live stream).
boost::json::object CaseObject(const domain::Case& c);
// A case's SLA reading as its "sla" field: metric, state, times, target and use; null if none.
boost::json::value SlaValue(const std::optional<engine::SlaReading>& reading);
boost::json::object CaseEventObject(const domain::CaseEvent& e);
// Adds the fields of what was understood of a message to its object `o`: "language",
// "other_language", "sentiment", "sentiment_p", "intent", "intent_p", "sensitivity",
// "needs_reply", "triage" {"priority","reasons"}, "rules" and "corrected".
void AddInsightFields(const ports::MessageInsight& insight, boost::json::object& o);

// Each case of the page with its "sla", "customer" and "preview" (schema CaseListItem); `sla`
// holds the readings of the page's cases that have clocks.
std::string CasePageJson(const ports::CasePage& page, const std::string& next_cursor,
                         const std::map<domain::CaseId, engine::SlaReading>& sla);
std::string CaseDetailJson(const ports::CaseDetail& detail,
                           const std::optional<engine::SlaReading>& sla);
std::string MessageJson(const ports::StoredMessage& message);
std::string CaseJson(const domain::Case& c, const std::optional<engine::SlaReading>& sla);
std::string CaseEventsJson(const std::vector<domain::CaseEvent>& events);

}  // namespace fr::api
