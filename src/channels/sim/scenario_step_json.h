// Internal to channels/sim: an on-demand step (POST /sim/steps on `feedroom simulate`) read
// from JSON into the same fields a scenario file's step fills, so the same checks apply
// (scenario_rules.h). The format, a scenario step without `at` (it plays at once):
//   {"customer": "<customers key>" | {"key","platform","id","handle"?,"name"?,"followers"?,
//                                     "verified"?,"psid"?},
//    "kind": "mention|reply|quote|comment|dm", "text": "…", "platform"?, "on"?, "quotes"?,
//    "in_reply_to"?, "id"?, "account"?}
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "base/status.h"
#include "channels/sim/scenario_rules.h"

namespace fr::channels::sim::internal {

struct StepJson {
  StepFields step;  // step.customer is the key of the customer (given inline or by key)
  std::optional<ScenarioCustomer> customer;  // the customer given inline, checked
};

// Reads `body`. Errors: kMalformed "malformed_json" (not a JSON object); kInvalidArgument
// "bad_step" with "<field>: <what>" for a member of the wrong type, an unknown member, and
// the checks of an inline customer ("customer.id: required").
Result<StepJson> ParseStepJson(std::string_view body);

}  // namespace fr::channels::sim::internal
