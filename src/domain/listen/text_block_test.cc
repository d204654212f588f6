#include "domain/listen/text_block.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace fr::domain {
namespace {

const unsigned char* Bytes(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

TEST(TextBlockTest, ClassifiesAsciiAndHebrewBytes) {
  // O k, space, #, ש ל ו ם (2 bytes each), ', s, space, @ in the first 16 bytes, then ך and '.'.
  const std::string text = "Ok #שלום's @ך.";
  ASSERT_EQ(text.size(), 19u);
  TextBlock block;
  ClassifyBlock(Bytes(text), 16, &block);  // ך's lead byte is outside the 16
  EXPECT_EQ(block.word, 0x3u | 0xFF0u | 1u << 13);
  EXPECT_EQ(block.joiner, 1u << 12);
  EXPECT_EQ(block.mark, 1u << 3 | 1u << 15);
  EXPECT_EQ(block.other, 0u);
  EXPECT_EQ(std::string(block.folded, 12), "ok #שלומ");  // ם folded to מ
}

TEST(TextBlockTest, HebrewLetterSplitByTheBlockEndIsOther) {
  const std::string text =
      std::string(TextBlock::kSize - 1, 'a') + "ש";  // ש's lead byte is the last
  TextBlock block;
  ClassifyBlock(Bytes(text), TextBlock::kSize, &block);
  EXPECT_EQ(block.other, std::uint64_t{1} << (TextBlock::kSize - 1));
  EXPECT_EQ(block.word, (std::uint64_t{1} << (TextBlock::kSize - 1)) - 1);
  ClassifyBlock(Bytes(text) + TextBlock::kSize - 1, 2, &block);
  EXPECT_EQ(block.word, 0b11u);
  EXPECT_EQ(block.other, 0u);
  ClassifyBlock(Bytes(text), 2, &block);  // the block's size cuts too
  EXPECT_EQ(block.word, 0b11u);
}

TEST(TextBlockTest, NiqqudEmojiAndOtherScriptsAreOther) {
  // ש (2 bytes), qamats D6 B8, shin dot D7 81, space, é C3 A9, 😀 (4 bytes).
  const std::string text = "שָׁ é😀";
  TextBlock block;
  ClassifyBlock(Bytes(text), text.size(), &block);
  EXPECT_EQ(block.word, 0b11u);
  EXPECT_EQ(block.other, 0b1'1111'1011'1100u);
}

// The vector code and the byte loop agree on every mask, and on the folded bytes of every word
// byte, for random blocks of every size drawn from the bytes that matter.
TEST(TextBlockTest, VectorCodeEqualsByteLoop) {
  const std::vector<unsigned char> alphabet = {'a',  'Z',  'A',  'z',  '0',  '9',  '@',  '[',  '`',
                                               '{',  '/',  ':',  '\'', '"',  '#',  ' ',  0,    0x7F,
                                               0xD7, 0xD6, 0x90, 0x8F, 0x9A, 0x9D, 0x9F, 0xA3, 0xA5,
                                               0xAA, 0xAB, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF};
  std::mt19937 rng(20261123);
  for (int n = 0; n < 200000; ++n) {
    unsigned char bytes[TextBlock::kSize];
    for (unsigned char& b : bytes) b = alphabet[rng() % alphabet.size()];
    const std::size_t size = 1 + rng() % TextBlock::kSize;
    TextBlock vector_block;
    TextBlock byte_block;
    ClassifyBlock(bytes, size, &vector_block);
    ClassifyBlockBytewise(bytes, size, &byte_block);
    ASSERT_EQ(vector_block.word, byte_block.word) << n;
    ASSERT_EQ(vector_block.joiner, byte_block.joiner) << n;
    ASSERT_EQ(vector_block.mark, byte_block.mark) << n;
    ASSERT_EQ(vector_block.other, byte_block.other) << n;
    for (std::size_t i = 0; i < size; ++i) {
      if (byte_block.word >> i & 1) {
        ASSERT_EQ(vector_block.folded[i], byte_block.folded[i]) << n << " byte " << i;
      }
    }
  }
}

}  // namespace
}  // namespace fr::domain
