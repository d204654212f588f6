// The #hashtags X finds in a post's text. X's rules, checked against the twitter-text
// conformance files. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "channels/x/text/text_entity.h"

namespace fr::channels::x {

// Returns the hashtags in `text`, in order, without their sigil. A hashtag is '#' or '＃', then
// letters, marks and digits of any script, '_', and the few joiners X keeps inside words (ZWJ,
// ZWNJ, Hebrew maqaf, geresh and gershayim, Tibetan tsheg, middle dot, the Japanese ditto mark,
// voiced sound marks and katakana middle dot, wave dash, full-width tilde), with at least one
// letter or mark ("#1st" yes, "#16" no). It may not follow a letter, mark, digit, '_' or '&' (but
// may follow an emoji and its variation selector: "✌️#tag"); it is dropped when followed by '#'
// or "://" ("#http://x.com") or when it lies inside a URL ("x.com/#tag"). Fails only if the TLD
// list that URL extraction needs cannot be loaded.
Result<std::vector<TextEntity>> ExtractHashtags(std::string_view text);

// True if `text` is exactly one hashtag: "#café", not "#12345" or "#a b".
bool IsValidHashtag(std::string_view text);

}  // namespace fr::channels::x
