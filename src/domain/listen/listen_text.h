// ListenText: a post's text as listening rules see it. Its words are exactly MatchWords(text)
// (domain/text_normalize.h: NFKC casefold, marks stripped, Hebrew finals folded); besides, it
// records which words are written right after '#' or '@' (hashtags and mentions of accounts),
// and the runs of emoji in the text (emoji are not words).
//
// Normalising with ICU costs microseconds per post, too slow for the matcher's target, so
// ListenText folds and splits the text in one pass of its own. ASCII and Hebrew letters, most
// of a post, are taken 64 bytes at a time (domain/listen/text_block.h): words are the runs of
// word bytes in a block's bit masks, copied at once. Every other code point is looked up in a
// table made once from ICU itself: the two-byte UTF-8 range (Latin, Greek, Cyrillic, Hebrew,
// Arabic), general punctuation and symbols (U+2000..U+2BFF), kana and CJK punctuation,
// variation selectors, U+FFFD and the emoji planes (U+1F000..U+1FAFF). A code point enters the
// table only if its matching form does not depend on its neighbours (ICU's normalisation
// boundaries say so); text with any other code point, or invalid UTF-8, goes through ICU. Both
// give the same result (listen_text_test.cc checks every code point of those ranges in
// context). The table is built on first use, once per process (about 8,000 ICU calls).
//
// A ListenText is reusable (Reset keeps its buffers, so a warm one does not allocate);
// not thread-safe, use one per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fr::domain {

class ListenText {
 public:
  ListenText() = default;
  explicit ListenText(std::string_view text) { Reset(text); }

  // Replaces the contents with `text`. Bytes that are not valid UTF-8 separate words.
  void Reset(std::string_view text);
  // Reset without the fast path: the reference the fast path is tested against.
  void ResetWithIcuForTest(std::string_view text);

  std::size_t word_count() const { return words_.size(); }
  // The i-th word in matching form, without its '#' or '@'. REQUIRES: i < word_count().
  std::string_view word(std::size_t i) const {
    return std::string_view(scan_text_).substr(words_[i].offset, words_[i].size);
  }
  // '#' or '@' if the i-th word is written right after one, else 0. REQUIRES: i < word_count().
  char mark(std::size_t i) const { return words_[i].mark; }
  // The runs of consecutive emoji code points, in matching form (so without variation
  // selectors and zero-width joiners), in text order.
  const std::vector<std::string_view>& emoji() const { return emoji_; }

  // All tokens, each followed by one space, after a leading space: the words in order (with
  // their mark), then the emoji runs. " hello #קנטינה @dana 😀 ". What the matcher scans.
  const std::string& scan_text() const { return scan_text_; }

 private:
  struct Word {
    std::uint32_t offset;
    std::uint32_t size;
    char mark;
  };
  class Builder;  // lays tokens out, block by block and code point by code point (listen_text.cc)

  // The blocks and the table; false (contents unspecified) if `text` needs ICU.
  bool FastReset(std::string_view text);
  // ICU's matching form, then the same layout.
  void IcuReset(std::string_view text);

  std::string folded_;     // the text in matching form, on the ICU path (scratch)
  std::string emoji_buf_;  // the emoji runs, each followed by a space (scratch)
  std::string scan_text_;
  std::vector<Word> words_;
  std::vector<std::string_view> emoji_;
};

// True if `c` is an emoji code point: a pictograph, a skin tone modifier or a regional
// indicator (half a flag).
bool IsEmojiCodePoint(char32_t c);

}  // namespace fr::domain
