#include "channels/x/text/cashtag_extract.h"

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

std::vector<std::string> Cashtags(std::string_view text) {
  std::vector<std::string> texts;
  for (const TextEntity& cashtag : ExtractCashtags(text)) texts.push_back(cashtag.text);
  return texts;
}

TEST(CashtagExtractConformanceTest, Cashtags) {
  for (const ConformanceCase& c : LoadConformanceSection("extract.yml", "cashtags")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(Cashtags(c.text), c.expected.as<std::vector<std::string>>());
  }
}

TEST(CashtagExtractConformanceTest, CashtagsWithIndices) {
  for (const ConformanceCase& c : LoadConformanceSection("extract.yml", "cashtags_with_indices")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(Indexed(ExtractCashtags(c.text)), ExpectedEntities(c.expected, {"cashtag"}));
  }
}

TEST(CashtagExtractTest, CashtagInHebrewTextAndSuffixDroppedWhenALetterFollows) {
  std::vector<TextEntity> cashtags = ExtractCashtags("מניית $TEVA עלתה");  // "$TEVA stock rose"
  ASSERT_EQ(cashtags.size(), 1u);
  EXPECT_EQ(cashtags[0].text, "TEVA");
  EXPECT_EQ(cashtags[0].span.utf16_begin, 6);
  EXPECT_EQ(cashtags[0].span.utf16_end, 11);
  EXPECT_EQ(Cashtags("$TEST.Txy"), std::vector<std::string>{"TEST"});
  EXPECT_EQ(Cashtags("$TEST.T!"), std::vector<std::string>{"TEST.T"});
}

}  // namespace
}  // namespace fr::channels::x
