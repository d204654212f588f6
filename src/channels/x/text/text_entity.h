// The entities X finds in a post's text (URLs, mentions, hashtags, cashtags) and where they sit.
// Plain values; thread-compatible.
#pragma once

#include <cstddef>
#include <string>

namespace fr::channels::x {

// A half-open range [begin, end) of a text, in UTF-8 bytes (to slice our strings) and in UTF-16
// code units (what X calls "indices" in its entities and in twitter-text).
struct TextSpan {
  size_t byte_begin = 0;
  size_t byte_end = 0;
  int utf16_begin = 0;
  int utf16_end = 0;

  bool operator==(const TextSpan&) const = default;
};

// One URL, hashtag or cashtag. `text` is the URL as written, or the tag without its '#'/'$'
// sigil; `span` covers the whole entity, sigil included.
struct TextEntity {
  std::string text;
  TextSpan span;
};

}  // namespace fr::channels::x
