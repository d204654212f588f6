// Internal to channels/sim: the little UTF-8 arithmetic the simulated platforms need to shape
// their payloads (X counts and truncates by code point, mention indices are code point
// offsets, Meta escapes every non-ASCII character). Pure functions over well-formed UTF-8;
// thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fr::channels::sim::internal {

// The number of code points in `text`.
std::size_t CodePointCount(std::string_view text);

// The first `count` code points of `text` (all of it when shorter).
std::string_view CodePointPrefix(std::string_view text, std::size_t count);

// A mention of one handle in a text, in code point offsets [begin, end) as X's `indices`.
struct MentionSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Every occurrence of "@handle" in `text` as a whole handle: ASCII case-insensitive, and not
// preceded or followed by a handle character (letter, digit, '_'). Empty for an empty handle.
std::vector<MentionSpan> FindMentions(std::string_view text, std::string_view handle);

// `json` with every non-ASCII character written as \uXXXX (surrogate pairs past U+FFFF) and
// every '/' as \/, as Meta serialises its webhook bodies (PROTOCOLS.md §2.1). Only valid for
// serialised JSON, where such characters occur inside strings only.
std::string EscapeLikeMeta(std::string_view json);

// Whether `text` has a Hebrew letter (the simulated X tags such posts with lang "iw").
bool HasHebrew(std::string_view text);

}  // namespace fr::channels::sim::internal
