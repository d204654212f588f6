#include "channels/x/text/hashtag_extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "channels/x/text/conformance_yaml.h"

namespace fr::channels::x {
namespace {

using testing::ConformanceCase;
using testing::ExpectedEntities;
using testing::Indexed;
using testing::LoadConformanceSection;

std::vector<TextEntity> MustExtract(std::string_view text) {
  Result<std::vector<TextEntity>> hashtags = ExtractHashtags(text);
  EXPECT_TRUE(hashtags.ok()) << hashtags.status().ToString();
  return hashtags.ok() ? *hashtags : std::vector<TextEntity>{};
}

std::vector<std::string> Hashtags(std::string_view text) {
  std::vector<std::string> texts;
  for (const TextEntity& hashtag : MustExtract(text)) texts.push_back(hashtag.text);
  return texts;
}

// ---- conformance (extract.yml, validate.yml) ----

TEST(HashtagExtractConformanceTest, Hashtags) {
  for (const std::string section : {"hashtags", "hashtags_from_astral"}) {
    for (const ConformanceCase& c : LoadConformanceSection("extract.yml", section)) {
      SCOPED_TRACE(section + ": " + c.description);
      EXPECT_EQ(Hashtags(c.text), c.expected.as<std::vector<std::string>>());
    }
  }
}

TEST(HashtagExtractConformanceTest, HashtagsWithIndices) {
  for (const ConformanceCase& c : LoadConformanceSection("extract.yml", "hashtags_with_indices")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(Indexed(MustExtract(c.text)), ExpectedEntities(c.expected, {"hashtag"}));
  }
}

TEST(HashtagExtractConformanceTest, ValidHashtags) {
  for (const ConformanceCase& c : LoadConformanceSection("validate.yml", "hashtags")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(IsValidHashtag(c.text), c.expected.as<bool>());
  }
}

// ---- our own cases ----

TEST(HashtagExtractTest, HebrewHashtagsWithUnderscoreAndMaqaf) {
  // "#customer_service is tested, #on-time delivery"
  std::vector<TextEntity> hashtags = MustExtract("#שירות_לקוחות נבדק, #בזמן־אמת");
  ASSERT_EQ(hashtags.size(), 2u);
  EXPECT_EQ(hashtags[0].text, "שירות_לקוחות");
  EXPECT_EQ(hashtags[1].text, "בזמן־אמת");
  EXPECT_EQ(hashtags[1].span.utf16_begin, 20);
  EXPECT_EQ(hashtags[1].span.utf16_end, 29);
}

TEST(HashtagExtractTest, HashtagGluedToAHebrewWordIsNone) {
  EXPECT_EQ(Hashtags("שלום#עולם"), std::vector<std::string>{});
  EXPECT_FALSE(IsValidHashtag("#שלום עולם"));
  EXPECT_TRUE(IsValidHashtag("#שלום"));
}

}  // namespace
}  // namespace fr::channels::x
