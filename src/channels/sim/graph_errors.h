// Internal to channels/sim: the error answers of the simulated Graph API, in Meta's envelope
// {"error":{"message","type":"OAuthException","code","error_subcode",…,"fbtrace_id"}}
// (fixtures/facebook/restfb/graph-errors-and-headers/exampleErrorNew.json), including the
// throttling codes with their X-Business-Use-Case-Usage header (PROTOCOLS.md §2.1). Pure;
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "channels/sim/sim_http.h"

namespace fr::channels::sim::internal {

struct GraphError {
  int http_status = 400;
  int code = 100;
  int subcode = 0;      // omitted when 0
  std::string message;  // as Meta words it, "(#<code>) …" for most codes
  bool is_transient = false;
};

// The error answer; `fbtrace_id` identifies it (IdGenerator::FbTraceId).
SimResponse GraphErrorResponse(const GraphError& error, std::string_view fbtrace_id);

// The throttling error for `code` (4, 17, 32, 613, 80001, 80002, 80006, … or 2 for a transient
// 5xx) with `http_status`, and the usage header Meta sends with it: X-App-Usage for code 4,
// none for code 2, else X-Business-Use-Case-Usage keyed by `account_id`, whose
// estimated_time_to_regain_access is `retry_after_s` in whole minutes.
SimResponse GraphThrottleResponse(int http_status, int code, std::string_view account_id,
                                  std::int64_t retry_after_s, std::string_view fbtrace_id);

}  // namespace fr::channels::sim::internal
