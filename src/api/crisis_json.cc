#include "api/crisis_json.h"

#include <boost/json.hpp>

#include "api/json_body.h"

namespace fr::api {
namespace json = boost::json;
namespace {

json::value IdOrNull(const std::optional<std::int64_t>& id) {
  return id ? json::value(std::to_string(*id)) : json::value(nullptr);
}

json::value IntOrNull(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& items) {
  json::array out;
  for (const std::string& s : items) out.emplace_back(s);
  return out;
}

}  // namespace

json::object CrisisObject(const domain::crisis::Crisis& c) {
  return json::object{
      {"id", std::to_string(c.id)},
      {"name", c.name},
      {"terms", Strings(c.terms)},
      {"rule_ids", Strings(c.rule_ids)},
      {"holding_statement", c.holding_statement},
      {"raise_to", domain::PriorityName(c.raise_to)},
      {"started_by", IdOrNull(c.started_by)},
      {"spike_id", IdOrNull(c.spike_id)},
      {"started_at", c.started_at},
      {"ended_at", IntOrNull(c.ended_at)},
      {"ended_by", IdOrNull(c.ended_by)},
      {"running", !c.ended_at.has_value()},
  };
}

json::object CrisisSummaryObject(const domain::crisis::CrisisSummary& s) {
  json::value median = nullptr;
  if (s.median_first_reply_ms) median = static_cast<double>(*s.median_first_reply_ms / 100) / 10.0;
  return json::object{
      {"cases", s.cases},
      {"messages", s.messages},
      {"negative", s.negative},
      {"replies_sent", s.replies_sent},
      {"cases_answered", s.cases_answered},
      {"median_first_reply_s", median},
      {"peak_hour", IntOrNull(s.peak_hour)},
      {"peak_hour_messages", s.peak_hour_messages},
      {"duration_s", s.duration_ms / 1000},
  };
}

Result<domain::crisis::Crisis> ReadCrisisSpec(std::string_view body, domain::crisis::Crisis base) {
  FR_ASSIGN_OR_RETURN(JsonBody json, JsonBody::Parse(body));
  FR_RETURN_IF_ERROR(json.AllowOnly({"name", "terms", "rule_ids", "holding_statement", "raise_to"}));
  FR_ASSIGN_OR_RETURN(std::optional<std::string> name, json.OptionalString("name"));
  if (name) base.name = std::move(*name);
  FR_ASSIGN_OR_RETURN(std::optional<std::vector<std::string>> terms, json.OptionalStringList("terms"));
  if (terms) base.terms = std::move(*terms);
  FR_ASSIGN_OR_RETURN(std::optional<std::vector<std::string>> rules, json.OptionalStringList("rule_ids"));
  if (rules) base.rule_ids = std::move(*rules);
  FR_ASSIGN_OR_RETURN(std::optional<std::string> statement, json.OptionalString("holding_statement"));
  if (statement) base.holding_statement = std::move(*statement);
  FR_ASSIGN_OR_RETURN(std::optional<std::string> raise_to, json.OptionalString("raise_to"));
  if (raise_to) {
    const std::optional<domain::Priority> p = domain::ParsePriority(*raise_to);
    if (!p) return Status(Errc::kInvalidArgument, "invalid_parameter", "raise_to: high or urgent");
    base.raise_to = *p;
  }
  return base;
}

}  // namespace fr::api
