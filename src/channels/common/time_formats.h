// Parsers for the timestamp formats platforms send. All return UTC milliseconds, or nullopt
// for text that is not in the format (an ill-formed date never aborts a parse).
#pragma once

#include <optional>
#include <string_view>

#include "base/clock.h"

namespace fr::channels {

// X v1.1 `created_at`: "Thu Dec 19 11:27:49 +0000 2019" (any +HHMM/-HHMM offset).
std::optional<UnixMillis> ParseTwitterDate(std::string_view text);
// ISO 8601 / RFC 3339: "2020-06-25T06:14:19.000Z", "2020-06-25T06:14:19+02:00",
// fractional seconds optional.
std::optional<UnixMillis> ParseIso8601(std::string_view text);

}  // namespace fr::channels
