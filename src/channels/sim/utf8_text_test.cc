#include "channels/sim/utf8_text.h"

#include <gtest/gtest.h>

namespace fr::channels::sim::internal {
namespace {

TEST(Utf8TextTest, CountsAndCutsByCodePoint) {
  EXPECT_EQ(CodePointCount("שלום 😀"), 6u);
  EXPECT_EQ(CodePointPrefix("שלום 😀!", 6), "שלום 😀");
  EXPECT_EQ(CodePointPrefix("abc", 10), "abc");
}

TEST(Utf8TextTest, FindsWholeHandlesInCodePointOffsets) {
  const auto spans =
      FindMentions("תודה @Kantina_IL! וגם @kantina_il_eilat ו-a@kantina_il", "kantina_il");
  ASSERT_EQ(spans.size(), 1u);  // case-insensitive; not a longer handle, not inside a word
  EXPECT_EQ(spans[0].begin, 5u);
  EXPECT_EQ(spans[0].end, 16u);
  EXPECT_TRUE(FindMentions("@kantina", "").empty());
  EXPECT_EQ(FindMentions("@kantina_il", "kantina_il").size(), 1u);
}

TEST(Utf8TextTest, EscapesLikeMeta) {
  EXPECT_EQ(EscapeLikeMeta(R"({"m":"ä/ש😋"})"), R"({"m":"\u00e4\/\u05e9\ud83d\ude0b"})");
  EXPECT_EQ(EscapeLikeMeta("plain"), "plain");
}

TEST(Utf8TextTest, SpotsHebrew) {
  EXPECT_TRUE(HasHebrew("order 5 הגיע"));
  EXPECT_FALSE(HasHebrew("Ordered the vegan bowl 😕"));
}

}  // namespace
}  // namespace fr::channels::sim::internal
