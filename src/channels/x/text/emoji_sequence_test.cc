#include "channels/x/text/emoji_sequence.h"

#include <gtest/gtest.h>

#include <string>

namespace fr::channels::x {
namespace {

// The sequence that starts `text`, as a string.
std::string SequenceAtStart(std::string_view text) {
  return std::string(text.substr(0, EmojiSequenceLength(text, 0)));
}

TEST(EmojiSequenceTest, SequencesAreWholeZwjFamiliesFlagsKeycapsAndSkinTones) {
  EXPECT_EQ(SequenceAtStart("👨‍👩‍👧‍👦 ok"), "👨‍👩‍👧‍👦");
  EXPECT_EQ(SequenceAtStart("🇮🇱🇮🇱"), "🇮🇱");  // a flag is two regional indicators
  EXPECT_EQ(SequenceAtStart("🏴󠁧󠁢󠁥󠁮󠁧󠁿!"), "🏴󠁧󠁢󠁥󠁮󠁧󠁿");
  EXPECT_EQ(SequenceAtStart("🙋🏽x"), "🙋🏽");
  EXPECT_EQ(SequenceAtStart("1⃣2"), "1⃣");
  EXPECT_EQ(SequenceAtStart("#️⃣"), "#️⃣");
  EXPECT_EQ(SequenceAtStart("❤️‍🔥"), "❤️‍🔥");
  EXPECT_EQ(SequenceAtStart("✌🏿️#tag"), "✌🏿️");
}

TEST(EmojiSequenceTest, TextStylePictographsCountOutsideLatinOne) {
  EXPECT_EQ(SequenceAtStart("☺ hi"), "☺");
  EXPECT_EQ(SequenceAtStart("©"), "");  // © and ® stay text unless VS16 asks for an emoji
  EXPECT_EQ(SequenceAtStart("©️"), "©️");
  EXPECT_EQ(SequenceAtStart("✌︎"), "✌");  // VS15 asks for text: not part of the emoji
}

TEST(EmojiSequenceTest, LettersDigitsAndLoneJoinersAreNoEmoji) {
  for (std::string_view text : {"a", "1", "#", "ש", "\u200D", "\uFE0F", "の"}) {
    EXPECT_EQ(EmojiSequenceLength(text, 0), 0u) << text;
  }
  EXPECT_EQ(SequenceAtStart("😷\u200Dx"), "😷");  // a ZWJ before a non-pictograph stays out
}

TEST(EmojiSequenceTest, StartsAtTheGivenOffset) {
  std::string text = "שלום 🙏🏽";
  EXPECT_EQ(EmojiSequenceLength(text, 0), 0u);
  EXPECT_EQ(EmojiSequenceLength(text, text.find("🙏")), std::string("🙏🏽").size());
}

}  // namespace
}  // namespace fr::channels::x
