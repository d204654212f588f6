// UTF-8 checks and Unicode normalisation (ICU). Every text that enters the domain passes
// through ToNfc, so equal texts compare equal byte for byte. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace fr::unicode {

// Returns true if `text` is well-formed UTF-8 (no overlongs, surrogates or bytes past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Returns `text` in Normalization Form C. Fails with kMalformed / "invalid_utf8" if `text`
// is not well-formed UTF-8.
Result<std::string> ToNfc(std::string_view text);

struct Shortened {
  std::string text;
  bool truncated = false;  // something was cut off
};

// The start of `text` (valid UTF-8, NFC) of at most `max_code_points` code points, cut at the
// last extended grapheme cluster boundary that fits, so no letter loses its niqqud or accent
// and no emoji sequence or flag is split. Only a single cluster longer than the limit is cut
// inside, at a code point. The result is NFC. `text` itself (truncated false) when it fits.
// Invalid UTF-8 sequences come out as U+FFFD.
Shortened LeadingGraphemes(std::string_view text, std::size_t max_code_points);

}  // namespace fr::unicode
