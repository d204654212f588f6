// Character classes that several of X's text rules share (internal to channels/x/text), as RE2
// pattern pieces. Constants only.
#pragma once

#include <string_view>

namespace fr::channels::x {

// Latin letters with diacritics (Latin-1 letters without × and ÷, Latin Extended-A and -B,
// combining diacritics, Latin Extended Additional), as the body of a character class. X treats
// them as letters of Latin words: a URL without protocol may contain them ("ELPAÍS.com"), and a
// mention or a top-level domain directly followed by one is no entity ("@aliceìnheiro").
inline constexpr std::string_view kLatinAccentChars =
    R"(\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{1E00}-\x{1EFF})";

// Unicode White_Space, as the body of a character class.
inline constexpr std::string_view kWhitespaceChars = R"(\t\n\x0B\f\r\x{85}\p{Z})";

// One character of a host name label, as a complete RE2 atom: an ASCII letter or digit, or any
// non-ASCII character that is not punctuation, a separator or a control, so letters, marks and
// symbols of every script ("http://ああ.com", "http://☃.net", "http://✪df.ws"). '-' and '_' are
// allowed inside labels only; see host_name.h.
inline constexpr std::string_view kHostChar = R"((?:[A-Za-z0-9]|[^\x00-\x7F\p{P}\p{Z}\p{C}]))";

}  // namespace fr::channels::x
