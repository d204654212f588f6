#include "channels/x/text/pattern_scanner.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "channels/x/text/text_offsets.h"

namespace fr::channels::x {

std::string JoinPattern(std::initializer_list<std::string_view> parts) {
  std::string pattern;
  for (std::string_view part : parts) pattern += part;
  return pattern;
}

PatternScanner::PatternScanner(std::string_view text) {
  padded_.reserve(text.size() + 1);
  padded_ += ' ';
  padded_ += text;
  // RE2 matches no character class on ill-formed UTF-8, so such bytes would hide an entity
  // that follows them. Turn them into U+001A SUBSTITUTE, byte for byte to keep offsets.
  const auto* s = reinterpret_cast<const uint8_t*>(padded_.data());
  const int32_t length = static_cast<int32_t>(padded_.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) std::fill(padded_.begin() + start, padded_.begin() + i, '\x1A');
  }
}

bool PatternScanner::Find(const RE2& re, size_t from, re2::StringPiece* groups, int n) const {
  // Byte `from` of the text is byte from + 1 of padded_; start on the character before it.
  size_t start = PreviousCodePointStart(padded_, from + 1);
  return re.Match(padded_, start, padded_.size(), RE2::UNANCHORED, groups, n);
}

size_t PatternScanner::Begin(const re2::StringPiece& group) const {
  return static_cast<size_t>(group.data() - padded_.data()) - 1;
}

size_t PatternScanner::End(const re2::StringPiece& group) const {
  return Begin(group) + group.size();
}

}  // namespace fr::channels::x
