// Internal to channels/sim: the date formats the simulated platforms write, from UTC
// milliseconds, independent of the locale. Pure functions; thread-safe.
#pragma once

#include <string>

#include "base/clock.h"

namespace fr::channels::sim::internal {

// "Wed Nov 22 08:26:40 +0000 2025": X's v1.1 `created_at`.
std::string TwitterDate(UnixMillis ms);

// "2025-11-22T08:26:40.000Z": X's v2 `created_at` (ISO 8601, milliseconds, UTC).
std::string IsoDate(UnixMillis ms);

// "Sat, 22 Nov 2025 08:26:40 GMT": the HTTP date of Last-Modified (RFC 9110), which is also an
// RFC 822 date as RSS <pubDate> wants it (four-digit year).
std::string HttpDate(UnixMillis ms);

}  // namespace fr::channels::sim::internal
