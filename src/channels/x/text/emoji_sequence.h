// Emoji sequences as X's weighted counter sees them (internal to channels/x/text): with emoji
// parsing on, a whole sequence ("👨‍👩‍👧‍👦", "🙋🏽", "🇮🇱", "1️⃣")
// weighs as one emoji. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace fr::channels::x {

// Returns the length in bytes of the emoji sequence that starts at byte `pos` of `utf8`, or 0 if
// none starts there. A sequence is a flag (two regional indicators; a lone one counts too), a
// keycap ([0-9#*], optional U+FE0F, U+20E3: "1⃣", "1️⃣"), or a pictograph followed by any
// number of U+FE0F, U+20E3, skin tone modifiers, tag characters (subdivision flags: England's) and
// U+200D + pictograph links. The pictograph is one with emoji presentation ("😷"), a text-style
// one outside Latin-1 ("☺", "✌"), or any emoji directly followed by U+FE0F or a skin tone; "©"
// and "®" alone stay text. Properties come from ICU's Unicode data.
// REQUIRES: utf8 is well-formed; pos < utf8.size() is a code point boundary.
size_t EmojiSequenceLength(std::string_view utf8, size_t pos);

}  // namespace fr::channels::x
