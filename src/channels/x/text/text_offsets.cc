#include "channels/x/text/text_offsets.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace fr::channels::x {
namespace {

// Decodes the code point at `*pos` and advances past it; returns its UTF-16 length (an
// ill-formed sequence, returned by U8_NEXT as a negative value, stands for one U+FFFD).
int NextUtf16Units(std::string_view utf8, size_t* pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = static_cast<int32_t>(*pos);
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(utf8.size()), c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? 1 : U16_LENGTH(c);
}

}  // namespace

int Utf16Length(std::string_view utf8) {
  int units = 0;
  for (size_t pos = 0; pos < utf8.size();) units += NextUtf16Units(utf8, &pos);
  return units;
}

size_t PreviousCodePointStart(std::string_view utf8, size_t pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = static_cast<int32_t>(pos);
  if (i > 0) U8_BACK_1(s, 0, i);
  return static_cast<size_t>(i);
}

size_t NextCodePointStart(std::string_view utf8, size_t pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = static_cast<int32_t>(pos);
  U8_FWD_1(s, i, static_cast<int32_t>(utf8.size()));
  return static_cast<size_t>(i);
}

int Utf16Offsets::Utf16At(size_t byte_offset) {
  while (byte_ < byte_offset) utf16_ += NextUtf16Units(text_, &byte_);
  return utf16_;
}

TextSpan Utf16Offsets::Span(size_t byte_begin, size_t byte_end) {
  TextSpan span{.byte_begin = byte_begin, .byte_end = byte_end};
  span.utf16_begin = Utf16At(byte_begin);
  span.utf16_end = Utf16At(byte_end);
  return span;
}

}  // namespace fr::channels::x
