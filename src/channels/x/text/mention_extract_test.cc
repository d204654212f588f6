#include "channels/x/text/mention_extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "channels/x/text/conformance_yaml.h"

namespace fr::channels::x {
namespace {

using testing::ConformanceCase;
using testing::ExpectedEntities;
using testing::IndexedEntity;
using testing::LoadConformanceSection;

std::vector<std::string> ScreenNames(std::string_view text) {
  std::vector<std::string> names;
  for (const Mention& mention : ExtractMentions(text)) names.push_back(mention.screen_name);
  return names;
}

// ---- conformance (extract.yml, validate.yml) ----

TEST(MentionExtractConformanceTest, Mentions) {
  for (const ConformanceCase& c : LoadConformanceSection("extract.yml", "mentions")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(ScreenNames(c.text), c.expected.as<std::vector<std::string>>());
  }
}

// A mention as the files write it: the screen name, then the list slug with its '/'.
std::vector<IndexedEntity> IndexedMentions(std::string_view text) {
  std::vector<IndexedEntity> mentions;
  for (const Mention& m : ExtractMentions(text)) {
    mentions.emplace_back(m.screen_name + (m.list_slug.empty() ? "" : "/" + m.list_slug),
                          m.span.utf16_begin, m.span.utf16_end);
  }
  return mentions;
}

TEST(MentionExtractConformanceTest, MentionsWithIndices) {
  for (const ConformanceCase& c : LoadConformanceSection("extract.yml", "mentions_with_indices")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(IndexedMentions(c.text), ExpectedEntities(c.expected, {"screen_name"}));
  }
}

TEST(MentionExtractConformanceTest, MentionsOrListsWithIndices) {
  for (const ConformanceCase& c :
       LoadConformanceSection("extract.yml", "mentions_or_lists_with_indices")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(IndexedMentions(c.text), ExpectedEntities(c.expected, {"screen_name", "list_slug"}));
  }
}

TEST(MentionExtractConformanceTest, Replies) {
  for (const ConformanceCase& c : LoadConformanceSection("extract.yml", "replies")) {
    SCOPED_TRACE(c.description);
    std::optional<std::string> expected;
    if (!c.expected.IsNull()) expected = c.expected.as<std::string>();
    EXPECT_EQ(ExtractReplyScreenName(c.text), expected);
  }
}

TEST(MentionExtractConformanceTest, ValidUsernames) {
  for (const ConformanceCase& c : LoadConformanceSection("validate.yml", "usernames")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(IsValidUsername(c.text), c.expected.as<bool>());
  }
}

TEST(MentionExtractConformanceTest, ValidLists) {
  for (const ConformanceCase& c : LoadConformanceSection("validate.yml", "lists")) {
    SCOPED_TRACE(c.description);
    EXPECT_EQ(IsValidList(c.text), c.expected.as<bool>());
  }
}

// ---- our own cases ----

TEST(MentionExtractTest, MentionInHebrewTextHasUtf16Indices) {
  // "Thanks @kantina_il, the order arrived!"
  std::vector<Mention> mentions = ExtractMentions("תודה @kantina_il, ההזמנה הגיעה!");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].screen_name, "kantina_il");
  EXPECT_EQ(mentions[0].span.utf16_begin, 5);
  EXPECT_EQ(mentions[0].span.utf16_end, 16);
  EXPECT_EQ(mentions[0].span.byte_begin, 9u);
}

TEST(MentionExtractTest, HebrewLetterBeforeTheAtSignStillMentions) {
  EXPECT_EQ(ScreenNames("שלום@kantina_il"), std::vector<std::string>{"kantina_il"});
}

TEST(MentionExtractTest, ReplyToTheBrandAfterLeadingWhitespace) {
  EXPECT_EQ(ExtractReplyScreenName("\n @kantina_il איפה ההזמנה?"), "kantina_il");
  EXPECT_EQ(ExtractReplyScreenName("איפה ההזמנה @kantina_il"), std::nullopt);
}

TEST(MentionExtractTest, FullWidthAtSignAndLongNames) {
  EXPECT_EQ(ScreenNames("hi ＠dana"), std::vector<std::string>{"dana"});
  // X stops a handle at 20 characters.
  EXPECT_EQ(ScreenNames("@abcdefghijklmnopqrstuvwxyz"),
            std::vector<std::string>{"abcdefghijklmnopqrst"});
}

}  // namespace
}  // namespace fr::channels::x
