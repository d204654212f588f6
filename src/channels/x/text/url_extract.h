// The URLs X finds in a post's text. X links them through t.co, so each one counts as 23 in the
// weighted length (tweet_length.h); which substrings are URLs therefore decides the count. The
// rules are X's, checked against the twitter-text conformance file extract.yml. Pure;
// thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "channels/x/text/text_entity.h"

namespace fr::channels::x {

// Returns the URLs in `text`, in order, as X would link them:
//  * "http://" or "https://" (any case) and a host of any script ("http://☃.net/"), or a bare
//    host of Latin letters ("example.com", "ELPAÍS.com", "t.co/abc"), not right after an ASCII
//    letter or digit, '@', '$' or '#' (nor, for a bare host, '-', '_', '.', '/' or a Latin
//    letter with a diacritic);
//  * the host ends with a top-level domain (top_level_domains.h) that is not followed by a Latin
//    letter, a digit or one of @ + - _ ("john.doe.gov@mail.com" is no URL) and is linkable
//    (host_name.h: no label over 63 bytes once in punycode, no label edged with '-');
//  * then an optional port, path and query. A path runs over ASCII URL characters, Latin and
//    Cyrillic letters, '–' and balanced parentheses, and ends on a letter, digit or one of
//    = _ # / - + (so "http://x.com/path." and "http://x.com/!!!" stop before the punctuation);
//    a CJK or Hebrew character ends it ("example.com/path中国語");
//  * "http(s)://t.co/" links end after their slug (and "?query"); a slug over 40 letters or
//    digits is no link.
// Ill-formed UTF-8 is never part of a URL. Fails only if the TLD list cannot be loaded
// (TopLevelDomains::System errors).
Result<std::vector<TextEntity>> ExtractUrls(std::string_view text);

enum class UrlProtocol {
  kRequired,  // "http://" or "https://" must open the URL
  kOptional,  // it may also be a bare host: "example.com/path"
};

// True if the whole of `text` is one well-formed URL: http or https (per `protocol`), optional
// userinfo, a host that is an IPv4 address, a bracketed IPv6 address or a linkable host name
// (as for ExtractUrls), an optional port, then path, query and fragment of RFC 3986 characters
// or letters, marks and digits of any script. Fails only if the TLD list cannot be loaded.
Result<bool> IsValidUrl(std::string_view text, UrlProtocol protocol);

}  // namespace fr::channels::x
