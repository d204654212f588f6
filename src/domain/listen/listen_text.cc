#include "domain/listen/listen_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "domain/listen/text_block.h"
#include "domain/text_normalize.h"

namespace fr::domain {
namespace {

// What a code point of matching-form text is to the tokenizer.
enum class Kind : std::uint8_t {
  kSeparator,  // ends a word (and an emoji run)
  kWord,       // letter, digit or spacing mark
  kJoiner,     // ' ’ " ׳ ״: joins two word characters, else a separator
  kEmoji,
};

Kind KindOf(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ? Kind::kWord
           : c == '\'' || c == '"' ? Kind::kJoiner
                                   : Kind::kSeparator;
  }
  if (u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK) return Kind::kWord;
  if (c == 0x2019 || c == 0x05F3 || c == 0x05F4) return Kind::kJoiner;
  return IsEmojiCodePoint(static_cast<char32_t>(c)) ? Kind::kEmoji : Kind::kSeparator;
}

// One code point of matching-form text with what the tokenizer needs to know about it.
struct FoldedCodePoint {
  char bytes[4];
  std::uint8_t size;
  Kind kind;
  bool mark;  // '#' or '@'
};

FoldedCodePoint Classify(UChar32 c) {
  FoldedCodePoint out{};
  int32_t n = 0;
  U8_APPEND_UNSAFE(out.bytes, n, c);
  out.size = static_cast<std::uint8_t>(n);
  out.kind = KindOf(c);
  out.mark = c == '#' || c == '@';
  return out;
}

// What one input code point becomes in matching form: up to three code points (none when it
// is dropped, like niqqud). `fast` is false for code points the fast path leaves to ICU.
struct Folding {
  bool fast = false;
  std::uint8_t count = 0;
  FoldedCodePoint out[3];
};

[[noreturn]] void IcuFailed(UErrorCode err) {
  std::fprintf(stderr, "fatal: ICU normaliser unavailable: %s\n", u_errorName(err));
  std::abort();
}

// The foldings of the code points the fast path knows, made from MatchingForm itself. A code
// point is taken only when its matching form cannot depend on its neighbours: it starts a new
// NFKC-casefold segment (or it is a mark that folds to nothing, which vanishes wherever it
// stands), and every code point it folds to starts a new NFC segment, so nothing composes
// across it.
class FoldTable {
 public:
  FoldTable() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(err);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) IcuFailed(err);
    for (int c = 0; c < 0x80; ++c) {
      ascii_[c] = Classify(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (const Range& range : kRanges) {
      for (UChar32 c = range.first; c <= range.last; ++c)
        table_.push_back(Make(c, *casefold, *nfc));
    }
  }

  const FoldedCodePoint& Ascii(std::uint8_t b) const { return ascii_[b]; }

  // The folding of `c`; null if the fast path leaves `c` to ICU.
  const Folding* Find(UChar32 c) const {
    std::size_t offset = 0;
    for (const Range& range : kRanges) {
      if (c < range.first) return nullptr;
      if (c <= range.last) {
        const Folding& f = table_[offset + static_cast<std::size_t>(c - range.first)];
        return f.fast ? &f : nullptr;
      }
      offset += static_cast<std::size_t>(range.last - range.first + 1);
    }
    return nullptr;
  }

 private:
  struct Range {
    UChar32 first, last;
  };
  // In ascending order; what posts in Hebrew and English are written with.
  static constexpr Range kRanges[] = {{0x0080, 0x07FF}, {0x2000, 0x2BFF}, {0x3000, 0x30FF},
                                      {0xFE00, 0xFE0F}, {0xFFFD, 0xFFFD}, {0x1F000, 0x1FAFF}};

  static Folding Make(UChar32 c, const icu::Normalizer2& casefold, const icu::Normalizer2& nfc) {
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    const std::string form = MatchingForm(std::string_view(buf, static_cast<std::size_t>(n)));
    Folding f;
    if (!casefold.hasBoundaryBefore(c) &&
        !(form.empty() && IsDroppedMark(static_cast<char32_t>(c))))
      return f;
    const auto* s = reinterpret_cast<const std::uint8_t*>(form.data());
    const auto size = static_cast<int32_t>(form.size());
    for (int32_t i = 0; i < size;) {
      UChar32 out;
      U8_NEXT_UNSAFE(s, i, out);
      if (f.count == 3 || !nfc.hasBoundaryBefore(out)) return Folding{};
      f.out[f.count++] = Classify(out);
    }
    f.fast = true;
    return f;
  }

  std::array<FoldedCodePoint, 0x80> ascii_;
  std::vector<Folding> table_;
};

const FoldTable& Table() {
  static const FoldTable table;
  return table;
}

}  // namespace

// Lays out the tokens of text in matching form, fed one code point at a time: words (with
// their mark) into scan_text_, emoji runs into emoji_buf_, appended after the words at the end.
// scan_text_ is written through a pointer into room reserved ahead, without per-byte checks.
class ListenText::Builder {
 public:
  Builder(ListenText& t, std::size_t size_hint) : t_(t) {
    t_.emoji_buf_.clear();
    t_.words_.clear();
    t_.emoji_.clear();
    t_.scan_text_.resize(2 * size_hint + kRoom);
    begin_ = t_.scan_text_.data();
    out_ = begin_;
    end_ = begin_ + t_.scan_text_.size();
    *out_++ = ' ';
  }

  // One code point: the common case (a letter inside a word) first.
  void Add(const FoldedCodePoint& c) {
    if (end_ - out_ < kRoom) Grow();
    if (c.kind == Kind::kWord && in_word_ && !joiner_held_) {
      Put(c);
      after_mark_ = false;
      return;
    }
    AddOther(c);
  }

  // True while a joiner waits for the next code point to decide whether it joins two words.
  bool HoldsJoiner() const { return joiner_held_; }

  // Adds the first `size` bytes of `block`, 1 <= size <= its size, none of them `other`: words
  // from the runs of word bytes (and the joiners between two of them), everything else a
  // separator, '#' and '@' marking the word right after them. A joiner in the last of those
  // bytes must not be followed by a word character. REQUIRES: !HoldsJoiner().
  void AddBlock(const TextBlock& block, int size) {
    if (end_ - out_ < kRoom) Grow();
    EndEmoji();  // every byte of the block ends an emoji run
    const std::uint64_t word = block.word & Below(size);
    const std::uint64_t after_word =
        word << 1 | (in_word_ ? 1 : 0);  // bit i: byte i-1 is a word byte
    const std::uint64_t joins = block.joiner & Below(size) & after_word & word >> 1;
    const std::uint64_t after_mark = block.mark << 1 | (after_mark_ ? 1 : 0);
    std::uint64_t extent = word | joins;  // the words' bytes, their joiners included
    if (in_word_ && !(extent & 1)) EndWord();
    // The loop keeps the output and the open word in locals: stores through `out` could alias
    // members, and a member written and read back soon after stalls on store forwarding.
    char* out = out_;
    bool in_word = in_word_;
    std::uint32_t offset = word_.offset;
    char mark = word_.mark;
    while (extent) {
      const int start = std::countr_zero(extent);
      const int end = start + std::countr_one(extent >> start);
      if (!in_word) {
        mark = after_mark >> start & 1 ? (start ? block.folded[start - 1] : previous_mark_) : 0;
        *out = mark;
        out += mark != 0;
        offset = static_cast<std::uint32_t>(out - begin_);
      }
      out = CopyWordBytes(out, block.folded, start, end, joins);
      extent &= ~Below(end);
      in_word = end == size;  // a word at the block's end may go on in the next
      if (!in_word) {
        t_.words_.push_back(Word{offset, static_cast<std::uint32_t>(out - begin_) - offset, mark});
        *out++ = ' ';
      }
    }
    in_word_ = in_word;
    word_ = Word{offset, 0, mark};
    out_ = out;
    after_mark_ = block.mark >> (size - 1) & 1;
    previous_mark_ = block.folded[size - 1];
  }

  void Finish() {
    EndWord();
    EndEmoji();
    t_.scan_text_.resize(static_cast<std::size_t>(out_ - begin_));
    if (t_.emoji_buf_.empty()) return;
    const std::size_t emoji_start = t_.scan_text_.size();
    t_.scan_text_ += t_.emoji_buf_;
    const std::string_view scan = t_.scan_text_;
    for (std::size_t pos = emoji_start; pos < scan.size();) {
      const std::size_t space = scan.find(' ', pos);
      t_.emoji_.push_back(scan.substr(pos, space - pos));
      pos = space + 1;
    }
  }

 private:
  // More than a block can add: its 64 bytes, a mark and a space per word (32 words at most),
  // and a 16-byte copy started at its last byte.
  static constexpr std::ptrdiff_t kRoom = 160;

  void Put(const FoldedCodePoint& c) {
    std::memcpy(out_, c.bytes, 4);  // the room allows it; only c.size bytes are kept
    out_ += c.size;
  }

  // The bits below bit n, 0 <= n <= 64.
  static std::uint64_t Below(int n) {
    return n < 64 ? (std::uint64_t{1} << n) - 1 : ~std::uint64_t{0};
  }

  // Writes folded[start, end) without the joiners in `joins` at `out`, 16 bytes at a time (the
  // room and the size of TextBlock::folded allow it; only the run's bytes are kept). Returns the
  // end of what it wrote.
  static char* CopyWordBytes(char* out, const char* folded, int start, int end,
                             std::uint64_t joins) {
    for (std::uint64_t skipped = joins & Below(end) & ~Below(start);; skipped &= skipped - 1) {
      const int stop = skipped ? std::countr_zero(skipped) : end;
      for (int at = start; at < stop; at += 16) std::memcpy(out + (at - start), folded + at, 16);
      out += stop - start;
      if (!skipped) return out;
      start = stop + 1;
    }
  }

  // A joiner is decided by the next code point: inside a word it is held back until then.
  void AddOther(const FoldedCodePoint& c) {
    switch (c.kind) {
      case Kind::kWord:
        if (joiner_held_) {
          joiner_held_ = false;
        } else {
          EndEmoji();
          const char mark = after_mark_ ? previous_mark_ : 0;
          if (mark) *out_++ = mark;
          word_ = Word{Offset(), 0, mark};
          in_word_ = true;
        }
        Put(c);
        break;
      case Kind::kJoiner:
        if (in_word_ && !joiner_held_) {
          joiner_held_ = true;
        } else {
          EndWord();
          EndEmoji();
        }
        break;
      case Kind::kEmoji:
        EndWord();
        t_.emoji_buf_.append(c.bytes, c.size);
        in_emoji_ = true;
        break;
      case Kind::kSeparator:
        EndWord();
        EndEmoji();
        break;
    }
    after_mark_ = c.mark;
    previous_mark_ = c.bytes[0];
  }

  std::uint32_t Offset() const { return static_cast<std::uint32_t>(out_ - begin_); }

  // Makes room for kRoom more bytes at least.
  void Grow() {
    const std::ptrdiff_t used = out_ - begin_;
    t_.scan_text_.resize(2 * t_.scan_text_.size() + kRoom);
    begin_ = t_.scan_text_.data();
    out_ = begin_ + used;
    end_ = begin_ + t_.scan_text_.size();
  }

  void EndWord() {
    if (!in_word_) return;
    t_.words_.push_back(Word{word_.offset, Offset() - word_.offset, word_.mark});
    *out_++ = ' ';
    in_word_ = false;
    joiner_held_ = false;
  }
  void EndEmoji() {
    if (!in_emoji_) return;
    t_.emoji_buf_.push_back(' ');
    in_emoji_ = false;
  }

  ListenText& t_;
  char* begin_;
  char* out_;
  char* end_;
  Word word_{};  // the open word, while in_word_: its offset and mark
  bool in_word_ = false;
  bool in_emoji_ = false;
  bool joiner_held_ = false;
  bool after_mark_ = false;
  char previous_mark_ = 0;
};

bool IsEmojiCodePoint(char32_t c) {
  if (c < 0xA9) return false;
  const auto u = static_cast<UChar32>(c);
  return u_hasBinaryProperty(u, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(u, UCHAR_EMOJI_MODIFIER) ||
         u_hasBinaryProperty(u, UCHAR_REGIONAL_INDICATOR);
}

bool ListenText::FastReset(std::string_view text) {
  const FoldTable& table = Table();
  Builder builder(*this, text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  TextBlock block;
  for (int32_t i = 0; i < n;) {
    // ASCII and Hebrew letters, 64 bytes at a time, up to the first byte of any other code point.
    if (!builder.HoldsJoiner()) {
      const int32_t size = std::min<int32_t>(TextBlock::kSize, n - i);
      ClassifyBlock(s + i, static_cast<std::size_t>(size), &block);
      int32_t take = block.other ? std::countr_zero(block.other) : size;
      // A joiner followed by a byte outside `take` is decided by what comes next.
      if (take > 0 && i + take < n && (block.joiner >> (take - 1) & 1)) --take;
      if (take > 0) {
        builder.AddBlock(block, take);
        i += take;
        continue;
      }
    }
    // Else one code point through the table, and the other non-Hebrew ones after it.
    do {
      if (s[i] < 0x80) {
        builder.Add(table.Ascii(s[i++]));
        continue;
      }
      UChar32 c;
      U8_NEXT(s, i, n, c);
      const Folding* folding = c < 0 ? nullptr : table.Find(c);
      if (!folding) return false;
      for (std::uint8_t k = 0; k < folding->count; ++k) builder.Add(folding->out[k]);
    } while (i < n && s[i] >= 0x80 && s[i] != 0xD7);
  }
  builder.Finish();
  return true;
}

void ListenText::Reset(std::string_view text) {
  if (!FastReset(text)) IcuReset(text);
}

void ListenText::ResetWithIcuForTest(std::string_view text) { IcuReset(text); }

void ListenText::IcuReset(std::string_view text) {
  folded_ = MatchingForm(text);
  Builder builder(*this, folded_.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(folded_.data());
  const auto n = static_cast<int32_t>(folded_.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    builder.Add(Classify(c));
  }
  builder.Finish();
}

}  // namespace fr::domain
