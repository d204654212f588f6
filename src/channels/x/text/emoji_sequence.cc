#include "channels/x/text/emoji_sequence.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace fr::channels::x {
namespace {

constexpr UChar32 kZeroWidthJoiner = 0x200D;
constexpr UChar32 kEmojiPresentationSelector = 0xFE0F;  // VS16
constexpr UChar32 kCombiningKeycap = 0x20E3;
constexpr UChar32 kFirstTag = 0xE0020;
constexpr UChar32 kLastTag = 0xE007F;

bool Has(UChar32 c, UProperty property) { return c >= 0 && u_hasBinaryProperty(c, property); }

// Reads code points of a UTF-8 text; -1 past the end.
class CodePoints {
 public:
  CodePoints(std::string_view utf8, size_t pos) : utf8_(utf8), pos_(pos) {}

  // The code point `ahead` code points after the current one.
  UChar32 Peek(int ahead = 0) const {
    size_t pos = pos_;
    for (int i = 0; i < ahead && pos < utf8_.size(); ++i) Next(&pos);
    return pos < utf8_.size() ? Next(&pos) : -1;
  }
  void Skip(int count = 1) {
    for (int i = 0; i < count && pos_ < utf8_.size(); ++i) Next(&pos_);
  }
  size_t pos() const { return pos_; }

 private:
  UChar32 Next(size_t* pos) const {
    int32_t i = static_cast<int32_t>(*pos);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8_.data()), i, static_cast<int32_t>(utf8_.size()),
            c);
    *pos = static_cast<size_t>(i);
    return c;
  }

  std::string_view utf8_;
  size_t pos_;
};

bool IsKeycapBase(UChar32 c) { return (c >= '0' && c <= '9') || c == '#' || c == '*'; }

// True if `c`, an Emoji or Extended_Pictographic code point followed by `next`, starts an emoji
// sequence other than a keycap or a flag.
bool StartsPictograph(UChar32 c, UChar32 next) {
  if (c < 0x80) return false;  // ASCII emoji are keycap bases only
  return Has(c, UCHAR_EMOJI_PRESENTATION) || next == kEmojiPresentationSelector ||
         Has(next, UCHAR_EMOJI_MODIFIER) || (c > 0xFF && Has(c, UCHAR_EXTENDED_PICTOGRAPHIC));
}

// True if `c` can follow U+200D inside a ZWJ sequence.
bool IsZwjElement(UChar32 c) {
  return Has(c, UCHAR_EXTENDED_PICTOGRAPHIC) || Has(c, UCHAR_EMOJI_PRESENTATION);
}

}  // namespace

size_t EmojiSequenceLength(std::string_view utf8, size_t pos) {
  CodePoints cps(utf8, pos);
  UChar32 c = cps.Peek();
  // Every sequence starts with one of these (keycap bases and regional indicators are Emoji);
  // checking first keeps ordinary text to two property lookups per code point.
  if (!Has(c, UCHAR_EMOJI) && !Has(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return 0;
  if (Has(c, UCHAR_REGIONAL_INDICATOR)) {
    cps.Skip(Has(cps.Peek(1), UCHAR_REGIONAL_INDICATOR) ? 2 : 1);
    return cps.pos() - pos;
  }
  if (IsKeycapBase(c)) {
    int selector = cps.Peek(1) == kEmojiPresentationSelector ? 1 : 0;
    if (cps.Peek(1 + selector) != kCombiningKeycap) return 0;
    cps.Skip(2 + selector);
    return cps.pos() - pos;
  }
  if (!StartsPictograph(c, cps.Peek(1))) return 0;
  cps.Skip();
  while (true) {
    UChar32 next = cps.Peek();
    if (next == kEmojiPresentationSelector || next == kCombiningKeycap ||
        Has(next, UCHAR_EMOJI_MODIFIER) || (next >= kFirstTag && next <= kLastTag)) {
      cps.Skip();
    } else if (next == kZeroWidthJoiner && IsZwjElement(cps.Peek(1))) {
      cps.Skip(2);
    } else {
      return cps.pos() - pos;
    }
  }
}

}  // namespace fr::channels::x
