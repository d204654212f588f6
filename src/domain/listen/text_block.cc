#include "domain/listen/text_block.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fr::domain {
namespace {

constexpr unsigned char kHebrewLead = 0xD7;   // U+05C0..U+05FF are D7 80..D7 BF
constexpr unsigned char kLetterFirst = 0x90;  // א U+05D0
constexpr unsigned char kLetterLast = 0xAA;   // ת U+05EA

// ך ם ן ף ץ (D7 9A, 9D, 9F, A3, A5) are one more than themselves as כ מ נ פ צ.
bool IsFinalLetterByte(unsigned char b) {
  return b == 0x9A || b == 0x9D || b == 0x9F || b == 0xA3 || b == 0xA5;
}

}  // namespace

void ClassifyBlockBytewise(const unsigned char* p, std::size_t size, TextBlock* block) {
  block->word = block->joiner = block->mark = block->other = 0;
  std::memset(block->folded, 0, sizeof block->folded);
  for (std::size_t i = 0; i < size; ++i) {
    const unsigned char b = p[i];
    const std::uint64_t bit = std::uint64_t{1} << i;
    block->folded[i] = static_cast<char>(b);
    if (b >= 0x80) {
      if (b == kHebrewLead && i + 1 < size && p[i + 1] >= kLetterFirst && p[i + 1] <= kLetterLast) {
        block->word |= bit | bit << 1;
        ++i;
        block->folded[i] = static_cast<char>(p[i] + (IsFinalLetterByte(p[i]) ? 1 : 0));
      } else {
        block->other |= bit;
      }
    } else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
      block->word |= bit;
    } else if (b >= 'A' && b <= 'Z') {
      block->word |= bit;
      block->folded[i] = static_cast<char>(b + ('a' - 'A'));
    } else if (b == '\'' || b == '"') {
      block->joiner |= bit;
    } else if (b == '#' || b == '@') {
      block->mark |= bit;
    }
  }
}

#if defined(__SSE2__)

namespace {

__m128i Set(unsigned char b) { return _mm_set1_epi8(static_cast<char>(b)); }

// 0xFF in each byte of `v` within [first, first + count), else 0.
__m128i InRange(__m128i v, unsigned char first, unsigned char count) {
  const __m128i offset = _mm_sub_epi8(v, Set(first));
  return _mm_cmpeq_epi8(_mm_subs_epu8(offset, Set(static_cast<unsigned char>(count - 1))),
                        _mm_setzero_si128());
}

std::uint64_t Bits(__m128i v) { return static_cast<std::uint16_t>(_mm_movemask_epi8(v)); }

// The masks of 16 bytes, at bit 0, and their folded bytes at `folded`.
struct Lane {
  std::uint64_t ascii_word, hebrew_lead, letter_byte, joiner, mark, high;
};

Lane ClassifyLane(__m128i v, char* folded) {
  const __m128i letter = InRange(_mm_or_si128(v, Set(0x20)), 'a', 26);  // either case
  __m128i out = _mm_or_si128(v, _mm_and_si128(letter, Set(0x20)));      // lower case
  Lane lane{Bits(_mm_or_si128(letter, InRange(v, '0', 10))),
            0,
            0,
            Bits(_mm_or_si128(_mm_cmpeq_epi8(v, Set('\'')), _mm_cmpeq_epi8(v, Set('"')))),
            Bits(_mm_or_si128(_mm_cmpeq_epi8(v, Set('#')), _mm_cmpeq_epi8(v, Set('@')))),
            Bits(v)};
  if (lane.high) {  // else plain ASCII, most lanes of English text: no Hebrew work
    const __m128i finals = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, Set(0x9A)), _mm_cmpeq_epi8(v, Set(0x9D))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, Set(0x9F)), _mm_cmpeq_epi8(v, Set(0xA3))),
                     _mm_cmpeq_epi8(v, Set(0xA5))));
    // Final letters' second bytes - (-1). Other bytes change only where they are not word
    // bytes (a stray 9A), which nobody reads.
    out = _mm_sub_epi8(out, finals);
    lane.hebrew_lead = Bits(_mm_cmpeq_epi8(v, Set(kHebrewLead)));
    lane.letter_byte = Bits(InRange(v, kLetterFirst, kLetterLast - kLetterFirst + 1));
  }
  _mm_storeu_si128(reinterpret_cast<__m128i*>(folded), out);
  return lane;
}

}  // namespace

void ClassifyBlock(const unsigned char* p, std::size_t size, TextBlock* block) {
  Lane all{};
  for (std::size_t at = 0; at < size; at += 16) {  // the lanes past `size` stay 0
    __m128i v;
    if (at + 16 <= size) {
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    } else {
      alignas(16) unsigned char tail[16] = {};
      std::memcpy(tail, p + at, size - at);
      v = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
    }
    const Lane lane = ClassifyLane(v, block->folded + at);
    all.ascii_word |= lane.ascii_word << at;
    all.hebrew_lead |= lane.hebrew_lead << at;
    all.letter_byte |= lane.letter_byte << at;
    all.joiner |= lane.joiner << at;
    all.mark |= lane.mark << at;
    all.high |= lane.high << at;
  }

  const std::uint64_t valid =
      size == TextBlock::kSize ? ~std::uint64_t{0} : (std::uint64_t{1} << size) - 1;
  const std::uint64_t letter_lead = all.hebrew_lead & all.letter_byte >> 1;
  const std::uint64_t hebrew = letter_lead | letter_lead << 1;
  block->word = (all.ascii_word | hebrew) & valid;
  block->joiner = all.joiner & valid;
  block->mark = all.mark & valid;
  block->other = all.high & ~hebrew & valid;
}

#else

void ClassifyBlock(const unsigned char* p, std::size_t size, TextBlock* block) {
  ClassifyBlockBytewise(p, size, block);
}

#endif

}  // namespace fr::domain
