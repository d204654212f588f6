// TextBlock: up to 64 bytes of UTF-8 text classified at once, for ListenText's fast path.
// Posts in Hebrew and English are mostly ASCII and Hebrew letters; a block tells, one bit per
// byte, which bytes are word characters of those two scripts, which are the ASCII joiners and
// marks, and which belong to any other non-ASCII code point (left to ListenText's code point
// loop). Every remaining byte is an ASCII separator. With SSE2 (every x86-64 machine) the masks
// come from vector compares, 16 bytes at a time; elsewhere from a byte loop giving the same
// result.
#pragma once

#include <cstddef>
#include <cstdint>

namespace fr::domain {

struct TextBlock {
  static constexpr std::size_t kSize = 64;

  // Bit i stands for byte i of the block; bits at or past the block's size are clear.
  std::uint64_t word;    // ASCII letters and digits; both bytes of a Hebrew letter U+05D0..U+05EA
  std::uint64_t joiner;  // ' and "
  std::uint64_t mark;    // # and @
  std::uint64_t other;   // bytes of every other non-ASCII code point, and invalid bytes
  // At a word, joiner or mark byte: the byte in matching form (ASCII capitals lowercased, the
  // second byte of a Hebrew final letter made its regular letter's); elsewhere unspecified.
  // Twice the block, so that 16 bytes can be read from any position in it.
  alignas(16) char folded[2 * kSize];
};

// Classifies p[0, size), 1 <= size <= TextBlock::kSize. A Hebrew letter counts as one only with
// both its bytes inside the block: a lead byte D7 in the last position is `other`.
void ClassifyBlock(const unsigned char* p, std::size_t size, TextBlock* block);

// ClassifyBlock one byte at a time: the code on machines without SSE2, and the reference the
// vector code is tested against.
void ClassifyBlockBytewise(const unsigned char* p, std::size_t size, TextBlock* block);

}  // namespace fr::domain
