// UTF-8 ↔ UTF-16 offset helpers for the X text rules (internal to channels/x/text). X counts
// and indexes text in UTF-16 code units; we keep text in UTF-8. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "channels/x/text/text_entity.h"

namespace fr::channels::x {

// Returns the number of UTF-16 code units `utf8` encodes. Each ill-formed UTF-8 sequence counts
// as one unit (it would be decoded as U+FFFD).
int Utf16Length(std::string_view utf8);

// Returns the byte offset where the code point before byte `pos` starts (0 when `pos` is 0).
// REQUIRES: pos <= utf8.size().
size_t PreviousCodePointStart(std::string_view utf8, size_t pos);

// Returns the byte offset just past the code point that starts at byte `pos`.
// REQUIRES: pos < utf8.size().
size_t NextCodePointStart(std::string_view utf8, size_t pos);

// Converts increasing byte offsets of one text into spans carrying UTF-16 offsets too, walking
// the text once. Holds a view: `utf8` must outlive the object.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view utf8) : text_(utf8) {}

  // The span [byte_begin, byte_end) with its UTF-16 offsets.
  // REQUIRES: byte_begin <= byte_end <= text size; byte_begin is not below the byte_end of the
  // previous call; both offsets are code point boundaries.
  TextSpan Span(size_t byte_begin, size_t byte_end);

 private:
  int Utf16At(size_t byte_offset);

  std::string_view text_;
  size_t byte_ = 0;  // offsets of the walk so far
  int utf16_ = 0;
};

}  // namespace fr::channels::x
