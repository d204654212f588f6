#include "domain/listen/listen_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "domain/text_normalize.h"

namespace fr::domain {
namespace {

// What the byte loop does with a code point of the Hebrew block: drop it (a point or
// cantillation mark) or keep it with its final form folded.
struct HebrewTable {
  std::array<char32_t, 0x70> to{};  // 0 = drop
  HebrewTable() {
    for (char32_t c = 0x0590; c < 0x0600; ++c) {
      to[c - 0x0590] = IsDroppedMark(c) ? 0 : FoldFinalLetter(c);
    }
  }
};

// Invisible format characters that NFKC casefolding removes (ZWSP, ZWNJ, ZWJ, LRM, RLM,
// variation selectors 15 and 16).
bool IsDroppedFormat(char32_t c) { return (c >= 0x200B && c <= 0x200F) || c == 0xFE0E || c == 0xFE0F; }

void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out->append(buf, static_cast<size_t>(n));
}

// Folds `text` into matching form by a byte loop; false (with `out` unspecified) if `text`
// holds a code point outside the set whose folding the loop knows: ASCII, the Hebrew block,
// the emoji blocks U+1F300..U+1FAFF, ’ “ ” and the dropped format characters.
bool FastFold(std::string_view text, std::string* out) {
  static const HebrewTable hebrew;
  out->clear();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const uint8_t b = s[i];
    if (b < 0x80) {
      out->push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    if (c >= 0x0590 && c < 0x0600) {
      if (const char32_t to = hebrew.to[c - 0x0590]) AppendUtf8(to, out);
    } else if ((c >= 0x1F300 && c <= 0x1FAFF) || c == 0x2019 || c == 0x201C || c == 0x201D) {
      AppendUtf8(static_cast<char32_t>(c), out);
    } else if (!IsDroppedFormat(static_cast<char32_t>(c))) {
      return false;
    }
  }
  return true;
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  if (c >= 0x05D0 && c <= 0x05EA) return true;
  return u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool IsJoiner(UChar32 c) {
  return c == u'\'' || c == u'"' || c == 0x2019 || c == 0x05F3 || c == 0x05F4;
}

}  // namespace

bool IsEmojiCodePoint(char32_t c) {
  if (c < 0xA9) return false;
  const auto u = static_cast<UChar32>(c);
  return u_hasBinaryProperty(u, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(u, UCHAR_EMOJI_MODIFIER) ||
         u_hasBinaryProperty(u, UCHAR_REGIONAL_INDICATOR);
}

void ListenText::Reset(std::string_view text) {
  if (!FastFold(text, &folded_)) folded_ = MatchingForm(text);
  Tokenize(folded_);
}

void ListenText::ResetWithIcuForTest(std::string_view text) {
  folded_ = MatchingForm(text);
  Tokenize(folded_);
}

void ListenText::Tokenize(std::string_view folded) {
  scan_text_.assign(1, ' ');
  emoji_buf_.clear();
  words_.clear();
  emoji_.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
  const int32_t n = static_cast<int32_t>(folded.size());
  bool in_word = false;
  bool in_emoji = false;
  UChar32 previous = 0;
  auto end_word = [&] {
    if (!in_word) return;
    words_.back().size = static_cast<uint32_t>(scan_text_.size() - words_.back().offset);
    scan_text_.push_back(' ');
    in_word = false;
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (IsWordChar(c)) {
      if (in_emoji) {
        emoji_buf_.push_back(' ');
        in_emoji = false;
      }
      if (!in_word) {
        const char mark = previous == '#' || previous == '@' ? static_cast<char>(previous) : 0;
        if (mark) scan_text_.push_back(mark);
        words_.push_back(Word{static_cast<uint32_t>(scan_text_.size()), 0, mark});
        in_word = true;
      }
      scan_text_.append(folded.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (IsJoiner(c) && in_word && i < n && [&] {
                 int32_t j = i;
                 UChar32 next;
                 U8_NEXT_UNSAFE(s, j, next);
                 return IsWordChar(next);
               }()) {
      // joins the two halves of the word
    } else {
      end_word();
      if (IsEmojiCodePoint(static_cast<char32_t>(c))) {
        emoji_buf_.append(folded.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
        in_emoji = true;
      } else if (in_emoji) {
        emoji_buf_.push_back(' ');
        in_emoji = false;
      }
    }
    previous = c;
  }
  end_word();
  if (in_emoji) emoji_buf_.push_back(' ');
  const size_t emoji_start = scan_text_.size();
  scan_text_ += emoji_buf_;
  for (size_t pos = emoji_start; pos < scan_text_.size();) {
    const size_t space = scan_text_.find(' ', pos);
    emoji_.push_back(std::string_view(scan_text_).substr(pos, space - pos));
    pos = space + 1;
  }
}

}  // namespace fr::domain
