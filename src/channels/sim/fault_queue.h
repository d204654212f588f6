// Fault injection for tests of the connectors: FaultSpec says how the next requests to one of
// the simulated APIs go wrong (a 429 storm with its reset headers, 5xx, Meta throttling codes
// on HTTP 400 with X-Business-Use-Case-Usage, or an answer held back past the client's timeout
// while the request still takes effect). FaultQueue holds the pending specs, oldest first.
// Values; not thread-safe (SimPlatform serialises access).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>

#include "base/status.h"

namespace fr::channels::sim {

// The two fake APIs: X (paths under /2/) and the Meta Graph API (everything else).
enum class SimApi { kX, kMeta };

struct FaultSpec {
  SimApi api = SimApi::kX;
  // The HTTP status answered instead of handling the request (429, 500, 503, 400, ...); the
  // request then has no effect. 0: the request is handled normally (useful with delay_ms).
  int status = 0;
  int count = 1;  // how many of the next requests to `api` this applies to
  // Meta only: the Graph error code (4, 17, 32, 613, 80001, 80002, 80006, 2, ...). 0: 613 for
  // a 4xx status, 2 (transient) for a 5xx.
  int meta_code = 0;
  std::int64_t delay_ms = 0;  // hold the answer (error or success) this long
  // When the throttling ends: X 429 answers x-rate-limit-reset = now + this; Meta throttling
  // answers estimated_time_to_regain_access = this in whole minutes (rounded up).
  std::int64_t retry_after_s = 900;
};

// Parses the JSON body of POST /sim/faults:
//   {"platform":"x"|"meta", "status":429, "count":5, "code":613, "delay_ms":0, "retry_after_s":60}
// Only "platform" is required; a "code" without a "status" means status 400. Errors:
// kMalformed "malformed_json" (not a JSON object); kInvalidArgument "bad_fault" (unknown key,
// wrong type, platform not x/meta, status neither 0 nor 400-599, count < 1, negative delay or
// retry, or none of status, code and delay_ms given).
Result<FaultSpec> ParseFaultSpec(std::string_view json);

class FaultQueue {
 public:
  void Add(const FaultSpec& spec) { pending_.push_back(spec); }
  void Clear() { pending_.clear(); }
  // The oldest pending spec for `api`, with one of its uses consumed; nullopt when none.
  std::optional<FaultSpec> Take(SimApi api);

 private:
  std::deque<FaultSpec> pending_;
};

}  // namespace fr::channels::sim
