// The @mentions X finds in a post's text: who a customer addresses ("summons") and which account
// a reply is for. X's rules, checked against the twitter-text conformance files. Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "channels/x/text/text_entity.h"

namespace fr::channels::x {

// "@screen_name" or, for a list, "@screen_name/slug".
struct Mention {
  std::string screen_name;  // as written, without '@'; X handles compare case-insensitively
  std::string list_slug;    // without '/'; empty for a mention of an account
  TextSpan span;            // from the '@' to the end of the name or slug
};

// Returns the mentions in `text`, in order. A mention is '@' or '＠', then 1-20 of [A-Za-z0-9_],
// then optionally '/' and a list slug (a letter, then up to 24 of [A-Za-z0-9_-]). It may not
// follow an ASCII letter or digit or one of _ ! # $ % & * @ ＠ ("f@kn", "a_@b"), except the
// retweet marks "RT", "RT:" ("RT@dana"), and is dropped when followed by '@', a Latin letter
// with a diacritic or "://" ("@test@example.com", "@http://x.com"). Ill-formed UTF-8 is never
// part of a mention.
std::vector<Mention> ExtractMentions(std::string_view text);

// Returns the screen name a reply is addressed to: the first mention, if only whitespace comes
// before it ("@dana hi", "　@dana"); nullopt otherwise (".@dana", "hi @dana").
std::optional<std::string> ExtractReplyScreenName(std::string_view text);

// True if `text` is exactly one mention of an account: "@dana", not "@dana/list" or " @dana".
bool IsValidUsername(std::string_view text);

// True if `text` is exactly one mention of a list: "@dana/friends".
bool IsValidList(std::string_view text);

}  // namespace fr::channels::x
