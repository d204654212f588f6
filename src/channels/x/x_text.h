// Small text helpers shared by the X parsers (internal to channels/x). Pure; thread-safe.
#pragma once

#include <string_view>

namespace fr::channels::x {

// True if `a` and `b` are equal ignoring ASCII case (X handles are ASCII, case-insensitive).
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);

// True if `text` contains "@handle" as a whole mention: not preceded by a handle character
// and not followed by one (so "@acme" does not match "@acme_support"). False for an empty
// handle.
bool TextMentionsHandle(std::string_view text, std::string_view handle);

// `text` without trailing ASCII whitespace.
std::string_view TrimTrailingSpace(std::string_view text);

}  // namespace fr::channels::x
