// Internal to channels/sim: reading a SimRequest the way the platforms read theirs: the
// decoded path and query of the target, a form-encoded body, and the bearer token. Pure;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "channels/sim/sim_http.h"
#include "ports/webhook_channel.h"

namespace fr::channels::sim::internal {

struct ParsedTarget {
  std::string path;          // percent-decoded
  ports::QueryParams query;  // decoded ('+' is a space), in order
};

// Splits an origin-form target ("/a/b?x=1"). Errors: kInvalidArgument "bad_target".
Result<ParsedTarget> ParseTarget(std::string_view target);

// Decodes an application/x-www-form-urlencoded body. Errors: kInvalidArgument "bad_form".
Result<ports::QueryParams> ParseForm(std::string_view body);

// The token of an "Authorization: Bearer <token>" header (scheme case-insensitive), or "".
std::string_view BearerToken(const ports::HttpHeaders& headers);

}  // namespace fr::channels::sim::internal
