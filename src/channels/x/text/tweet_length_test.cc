#include "channels/x/text/tweet_length.h"

#include <gtest/gtest.h>

#include <string>

#include "channels/x/text/conformance_yaml.h"

namespace fr::channels::x {
namespace {

using testing::ConformanceCase;
using testing::LoadConformanceSection;

// X's earlier rules, which validate.yml still checks: config v2 (the same weights, but every
// code point of an emoji sequence counts) and v1 (140 code points of weight 1).
constexpr CountingRules kV2Rules{.max_weighted_length = 280,
                                 .scale = 100,
                                 .default_weight = 200,
                                 .transformed_url_length = 23,
                                 .emoji_parsing = false,
                                 .ranges = kXWeightRanges};
constexpr CountingRules kV1Rules{.max_weighted_length = 140,
                                 .scale = 1,
                                 .default_weight = 1,
                                 .transformed_url_length = 23,
                                 .emoji_parsing = false,
                                 .ranges = {}};

TweetLength MustMeasure(std::string_view text, const CountingRules& rules = kXCountingRules) {
  Result<TweetLength> length = MeasureTweet(text, rules);
  EXPECT_TRUE(length.ok()) << length.status().ToString();
  return length.ok() ? *length : TweetLength{};
}

// Runs a WeightedTweets*/UnicodeDirectionalMarker section: every field X's parser reports.
void ExpectSectionMeasures(const std::string& section, const CountingRules& rules) {
  for (const ConformanceCase& c : LoadConformanceSection("validate.yml", section)) {
    SCOPED_TRACE(section + ": " + c.description);
    TweetLength length = MustMeasure(c.text, rules);
    EXPECT_EQ(length.weighted_length, c.expected["weightedLength"].as<int>());
    EXPECT_EQ(length.valid, c.expected["valid"].as<bool>());
    EXPECT_EQ(length.permillage, c.expected["permillage"].as<int>());
    EXPECT_EQ(length.display_start, c.expected["displayRangeStart"].as<int>());
    EXPECT_EQ(length.display_end, c.expected["displayRangeEnd"].as<int>());
    EXPECT_EQ(length.valid_start, c.expected["validRangeStart"].as<int>());
    EXPECT_EQ(length.valid_end, c.expected["validRangeEnd"].as<int>());
  }
}

// ---- conformance (validate.yml) ----

TEST(TweetLengthConformanceTest, WeightedTweetsWithDiscountedEmojiUnderXRules) {
  ExpectSectionMeasures("WeightedTweetsWithDiscountedEmojiCounterTest", kXCountingRules);
}

TEST(TweetLengthConformanceTest, UnicodeDirectionalMarkersUnderXRules) {
  ExpectSectionMeasures("UnicodeDirectionalMarkerCounterTest", kXCountingRules);
}

TEST(TweetLengthConformanceTest, WeightedTweetsUnderV2RulesCountEveryEmojiCodePoint) {
  ExpectSectionMeasures("WeightedTweetsCounterTest", kV2Rules);
}

TEST(TweetLengthConformanceTest, TweetsUnderV1RulesAllow140) {
  for (const ConformanceCase& c : LoadConformanceSection("validate.yml", "tweets")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(MustMeasure(c.text, kV1Rules).valid, c.expected.as<bool>());
  }
}

TEST(TweetLengthConformanceTest, XRulesAreTwitterTextConfigV3) {
  YAML::Node v3 = YAML::LoadFile(testing::ConformancePath("v3.json"));
  EXPECT_EQ(v3["maxWeightedTweetLength"].as<int>(), kXCountingRules.max_weighted_length);
  EXPECT_EQ(v3["scale"].as<int>(), kXCountingRules.scale);
  EXPECT_EQ(v3["defaultWeight"].as<int>(), kXCountingRules.default_weight);
  EXPECT_EQ(v3["transformedURLLength"].as<int>(), kXCountingRules.transformed_url_length);
  EXPECT_EQ(v3["emojiParsingEnabled"].as<bool>(), kXCountingRules.emoji_parsing);
  ASSERT_EQ(v3["ranges"].size(), kXCountingRules.ranges.size());
  for (size_t i = 0; i < kXCountingRules.ranges.size(); ++i) {
    EXPECT_EQ(v3["ranges"][i]["start"].as<uint32_t>(), kXCountingRules.ranges[i].first);
    EXPECT_EQ(v3["ranges"][i]["end"].as<uint32_t>(), kXCountingRules.ranges[i].last);
    EXPECT_EQ(v3["ranges"][i]["weight"].as<int>(), kXCountingRules.ranges[i].weight);
  }
}

// ---- our own cases ----

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(TweetLengthTest, HebrewLettersWeighOne) {
  TweetLength length = MustMeasure("ההזמנה לא הגיעה");  // "the order did not arrive"
  EXPECT_EQ(length.weighted_length, 15);
  EXPECT_TRUE(length.valid);
  EXPECT_EQ(length.display_end, 14);
  EXPECT_EQ(length.valid_end, 14);
}

TEST(TweetLengthTest, HebrewPointsAndPunctuationWeighOneEach) {
  // שָׁלוֹם: 4 letters and 3 points; maqaf and gershayim are Hebrew too (below U+10FF).
  EXPECT_EQ(MustMeasure("שָׁלוֹם").weighted_length, 7);
  EXPECT_EQ(MustMeasure("צה״ל בית־ספר").weighted_length, 12);
}

TEST(TweetLengthTest, TwoHundredEightyHebrewLettersFitAndOneMoreDoesNot) {
  TweetLength fits = MustMeasure(Repeat("א", 280));
  EXPECT_EQ(fits.weighted_length, 280);
  EXPECT_TRUE(fits.valid);
  EXPECT_EQ(fits.permillage, 1000);
  TweetLength over = MustMeasure(Repeat("א", 281));
  EXPECT_EQ(over.weighted_length, 281);
  EXPECT_FALSE(over.valid);
  EXPECT_EQ(over.display_end, 280);
  EXPECT_EQ(over.valid_end, 279);  // offsets are UTF-16 units: one per letter, not two bytes
}

TEST(TweetLengthTest, HebrewWithEmojiCountsEachSequenceAsTwo) {
  // 4 + space + 3 + space + 🙏🏽 (a skin-tone sequence, 4 UTF-16 units) = 11.
  TweetLength length = MustMeasure("תודה רבה 🙏🏽");
  EXPECT_EQ(length.weighted_length, 11);
  EXPECT_EQ(length.display_end, 12);
  // A ZWJ family and a flag are one emoji each; v2 rules would count 11 and 4 for them.
  EXPECT_EQ(MustMeasure("משפחה 👨‍👩‍👧‍👦 🇮🇱").weighted_length,
            5 + 1 + 2 + 1 + 2);
  EXPECT_EQ(MustMeasure("משפחה 👨‍👩‍👧‍👦 🇮🇱", kV2Rules).weighted_length,
            5 + 1 + 11 + 1 + 4);
}

TEST(TweetLengthTest, HebrewWithUrlCountsTheUrlAsTwentyThree) {
  // "Your order: <url>" — a long URL still weighs 23.
  std::string text = "ההזמנה שלך: https://kantina.co.il/orders/12345?lang=he&utm_source=x";
  TweetLength length = MustMeasure(text);
  EXPECT_EQ(length.weighted_length, 12 + 23);
  EXPECT_TRUE(length.valid);
}

TEST(TweetLengthTest, HebrewEndsAUrlPathAsForX) {
  // X's URL paths take Latin and Cyrillic letters but not Hebrew: the link is
  // "https://he.wikipedia.org/wiki/" (23) and the 5 letters after it count one each.
  EXPECT_EQ(MustMeasure("https://he.wikipedia.org/wiki/עברית").weighted_length, 23 + 5);
}

TEST(TweetLengthTest, NearlyFullHebrewReplyTurnsInvalidWithAUrl) {
  std::string text = Repeat("ש", 258) + " " + "example.com";  // 258 + 1 + 23 = 282
  TweetLength length = MustMeasure(text);
  EXPECT_EQ(length.weighted_length, 282);
  EXPECT_FALSE(length.valid);
  EXPECT_EQ(length.valid_end, 258);  // the letters and the space fit; the URL does not
}

TEST(TweetLengthTest, EmptyTextIsInvalidAndWhitespaceIsValidAsForX) {
  TweetLength empty = MustMeasure("");
  EXPECT_FALSE(empty.valid);
  EXPECT_EQ(empty.weighted_length, 0);
  EXPECT_EQ(empty.display_end, 0);
  EXPECT_EQ(empty.valid_end, -1);
  EXPECT_TRUE(MustMeasure("  ").valid);
}

TEST(TweetLengthTest, RefusedCharacterEndsTheValidRange) {
  TweetLength length = MustMeasure("שלום\xEF\xBB\xBFעולם");  // a byte order mark inside
  EXPECT_FALSE(length.valid);
  EXPECT_EQ(length.weighted_length, 4 + 2 + 4);
  EXPECT_EQ(length.valid_end, 3);
}

TEST(TweetLengthTest, InvalidUtf8IsMalformed) {
  Result<TweetLength> length = MeasureTweet("abc\xFF");
  ASSERT_FALSE(length.ok());
  EXPECT_EQ(length.status().code(), Errc::kMalformed);
  EXPECT_EQ(length.status().reason(), "invalid_utf8");
}

}  // namespace
}  // namespace fr::channels::x
