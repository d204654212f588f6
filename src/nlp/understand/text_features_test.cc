#include "nlp/understand/text_features.h"

#include <gtest/gtest.h>

#include "nlp/understand/recipe.h"

namespace fr::nlp {
namespace {

TEST(TextFeaturesTest, CaseFoldsAndMarksNegationUntilTheClauseEnds) {
  EXPECT_EQ(FeatureLine("NOT good at all. Fine"), "not neg_good neg_at neg_all fine");
  EXPECT_EQ(FeatureLine("I don't like it"), "i dont neg_like neg_it");
  EXPECT_EQ(FeatureLine("never again, thanks"), "never neg_again thanks");
}

TEST(TextFeaturesTest, HebrewNegationNiqqudFinalsAndPrefixes) {
  // לא marks the next words; a word is followed by its prefix-stripped forms
  // (domain::WordForms); niqqud goes and ם is folded to מ.
  EXPECT_EQ(FeatureLine("לא טוב"), "לא neg_טוב");
  EXPECT_EQ(FeatureLine("והשירות"), "והשירות השירות שירות ירות");
  EXPECT_EQ(FeatureLine("שָׁלוֹם"), "שלומ לומ ומ");
  EXPECT_EQ(FeatureLine("אין שירות"), "אינ neg_שירות neg_ירות");
}

TEST(TextFeaturesTest, UrlsMentionsNumbersAndPunctuation) {
  EXPECT_EQ(FeatureLine("@AmazonHelp order 12345 see https://t.co/x?y=1 now?"),
            "xxuser order xxnum see xxurl now xxq");
  EXPECT_EQ(FeatureLine("wow!"), "wow xxexcl");
}

TEST(TextFeaturesTest, EmojiAndEmoticons) {
  EXPECT_EQ(FeatureLine("great 😍"), "great xxe1f60d xxemopos");
  EXPECT_EQ(FeatureLine("😡"), "xxe1f621 xxemoneg");
  EXPECT_EQ(FeatureLine("ok :("), "ok xxemoneg");
  EXPECT_EQ(FeatureLine("🦜"), "xxe1f99c");
}

TEST(TextFeaturesTest, Elongation) {
  EXPECT_EQ(FeatureLine("soooo good"), "soo xxelong good");
  EXPECT_EQ(FeatureLine("טוווווב"), "טווב xxelong");
}

TEST(TextFeaturesTest, WritingIntoABufferReplacesItsContents) {
  std::string line = "left over from an earlier message";
  FeatureLine("NOT good at all. Fine", line);
  EXPECT_EQ(line, FeatureLine("NOT good at all. Fine"));
  FeatureLine("...", line);
  EXPECT_EQ(line, "");
}

TEST(TextFeaturesTest, NothingToReadIsEmpty) {
  EXPECT_EQ(FeatureLine(""), "");
  EXPECT_EQ(FeatureLine("  ... "), "");
  EXPECT_EQ(FeatureLine("\xff\xfe"), "");
}

// The models were trained on lines whose words came from ICU: the byte loop must give the same
// lines, byte for byte, on every validation text (Hebrew and English, about 20,000).
TEST(TextFeaturesTest, ByteLoopLinesEqualIcuLinesOnSharedData) {
  auto sets = ValidationSets(FR_SHARED_DIR "/data");
  ASSERT_TRUE(sets.ok()) << sets.status().ToString();
  size_t texts = 0;
  for (const ValidationSet& set : *sets) {
    for (const Example& e : set.examples) {
      ASSERT_EQ(FeatureLine(e.text), FeatureLineWithIcuForTest(e.text)) << e.text;
      ++texts;
    }
  }
  EXPECT_GT(texts, 5000u);
}

}  // namespace
}  // namespace fr::nlp
