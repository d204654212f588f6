// Host names in the URLs that X links (internal to channels/x/text). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "channels/x/text/top_level_domains.h"

namespace fr::channels::x {

// Returns the ASCII form of the host name `utf8` under UTS #46 (IDNA, punycode):
// "☃.net" → "xn--n3h.net", "EXAMPLE.com" → "example.com". Fails with kInvalidArgument
// "invalid_host_name" when ICU reports any error but hyphens in the third and fourth positions
// ("ab--cd" is a fine label for X): an empty label, a label over 63 bytes or a name over 253
// bytes once encoded, a label starting or ending with '-', invalid punycode ("xn--はじめ"), a
// disallowed code point. kInternal "icu" if ICU cannot start.
Result<std::string> HostNameToAscii(std::string_view utf8);

// True if X links the host name `host` (UTF-8, no port): at least two labels of host characters
// (char_classes.h) joined by '.', the last one a top-level domain in `tlds`; no label starts or
// ends with '-' or '_'; the label before the TLD has no '_' (subdomains may: "a_b.c-d.com");
// at most 4 × 253 bytes, and HostNameToAscii accepts it, so no label is over 63 bytes and the
// name not over 253 once encoded.
bool IsLinkableHostName(std::string_view host, const TopLevelDomains& tlds);

}  // namespace fr::channels::x
