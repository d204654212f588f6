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
// The looser ISO 8601 profile feeds use (W3C-DTF, RFC 3339, Atom, dc:date): "2003-12-31",
// "2003-12", "2003", "2003-12-31T10:14Z", "2003-12-31T10:14:55.25+0100", "…+01". A missing
// time is midnight and a missing zone is UTC. Surrounding whitespace is ignored.
std::optional<UnixMillis> ParseIso8601Lenient(std::string_view text);
// RFC 822 / RFC 2822 dates as RSS pubDate carries them: "Thu, 01 Jan 2004 19:48:21 GMT".
// Lenient where feeds are sloppy: the weekday is optional and any word; full or abbreviated
// English month names, before or after the day; two-digit years (< 50 means 20xx); missing
// seconds; fractional seconds; zones as +HHMM, +HH:MM, UT/GMT/UTC/Z, the North American
// names (EST, PDT, …) and common European/Israeli ones (CET, CEST, IST=+02, IDT, …); an
// unknown zone name or a military letter counts as UTC (RFC 2822 §4.3), a trailing
// "(comment)" is ignored. Anything else (e.g. non-English month names) is nullopt.
std::optional<UnixMillis> ParseRfc822Date(std::string_view text);

}  // namespace fr::channels
