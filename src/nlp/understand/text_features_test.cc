#include "nlp/understand/text_features.h"

#include <gtest/gtest.h>

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

TEST(TextFeaturesTest, NothingToReadIsEmpty) {
  EXPECT_EQ(FeatureLine(""), "");
  EXPECT_EQ(FeatureLine("  ... "), "");
  EXPECT_EQ(FeatureLine("\xff\xfe"), "");
}

}  // namespace
}  // namespace fr::nlp
