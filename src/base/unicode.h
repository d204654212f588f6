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

}  // namespace fr::unicode
