#include "base/unicode.h"

#include <gtest/gtest.h>

namespace fr::unicode {
namespace {

TEST(UnicodeTest, ComposesToNfc) {
  // "e" + COMBINING ACUTE -> "é"; Hebrew shin + shin dot stays composed-equivalent.
  auto r = ToNfc("cafe\xCC\x81");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "caf\xC3\xA9");
  auto he = ToNfc("שלום");
  ASSERT_TRUE(he.ok());
  EXPECT_EQ(*he, "שלום");
}

TEST(UnicodeTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // an encoded surrogate
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  auto r = ToNfc("\xFF");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "invalid_utf8");
}

TEST(UnicodeTest, LeadingGraphemesKeepsTextThatFits) {
  EXPECT_EQ(LeadingGraphemes("שלום", 4).text, "שלום");
  EXPECT_FALSE(LeadingGraphemes("שלום", 4).truncated);
  EXPECT_FALSE(LeadingGraphemes("", 0).truncated);
  const Shortened cut = LeadingGraphemes("שלום", 3);
  EXPECT_EQ(cut.text, "שלו");
  EXPECT_TRUE(cut.truncated);
}

TEST(UnicodeTest, LeadingGraphemesNeverSplitsACluster) {
  // שָׁ is shin + qamats + shin dot: three code points, one cluster.
  const std::string shalom = "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD";  // שָׁלוֹם
  EXPECT_EQ(LeadingGraphemes(shalom, 4).text, "\u05E9\u05B8\u05C1\u05DC");
  EXPECT_EQ(LeadingGraphemes(shalom, 5).text, "\u05E9\u05B8\u05C1\u05DC");  // not ו alone
  EXPECT_EQ(LeadingGraphemes(shalom, 6).text, "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9");
  // A family emoji (man ZWJ woman ZWJ girl) and a flag (two regional indicators).
  const std::string family = "ab\U0001F468\u200D\U0001F469\u200D\U0001F467";
  EXPECT_EQ(LeadingGraphemes(family, 6).text, "ab");
  EXPECT_EQ(LeadingGraphemes(family, 7).text, family);
  const std::string flags = "\U0001F1EE\U0001F1F1\U0001F1EE\U0001F1F1";  // 🇮🇱🇮🇱
  EXPECT_EQ(LeadingGraphemes(flags, 3).text, "\U0001F1EE\U0001F1F1");
  // e + combining acute, decomposed in the input: the cut text comes out NFC.
  EXPECT_EQ(LeadingGraphemes("cafe\u0301 au lait", 6).text, "caf\u00E9 ");
}

TEST(UnicodeTest, LeadingGraphemesCutsInsideAClusterOnlyWhenItAloneIsTooLong) {
  const std::string stacked = "a\u0301\u0302\u0303\u0304b";  // one cluster of five
  const Shortened cut = LeadingGraphemes(stacked, 3);
  EXPECT_EQ(cut.text, "\u00E1\u0302");  // a + two marks, composed to NFC
  EXPECT_TRUE(cut.truncated);
}

}  // namespace
}  // namespace fr::unicode
