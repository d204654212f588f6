#include "channels/feed/feed_fields.h"

#include <gtest/gtest.h>

#include "base/crypto.h"

namespace fr::channels::feed {
namespace {

TEST(FeedFieldsTest, SplitAuthor) {
  auto a = SplitAuthor("me@example.com (Example editor)");
  EXPECT_EQ(a.name, "Example editor");
  EXPECT_EQ(a.email, "me@example.com");
  a = SplitAuthor("Example editor (me@example.com)");
  EXPECT_EQ(a.name, "Example editor");
  EXPECT_EQ(a.email, "me@example.com");
  a = SplitAuthor("  Dana Levi <dana@example.co.il> ");
  EXPECT_EQ(a.name, "Dana Levi");
  EXPECT_EQ(a.email, "dana@example.co.il");
  a = SplitAuthor("noreply@blogger.com");
  EXPECT_EQ(a.name, "");
  EXPECT_EQ(a.email, "noreply@blogger.com");
  a = SplitAuthor("Just A Name (editor)");
  EXPECT_EQ(a.name, "Just A Name (editor)");
  EXPECT_EQ(a.email, "");
  a = SplitAuthor("");
  EXPECT_EQ(a.name, "");
  EXPECT_EQ(a.email, "");
}

TEST(FeedFieldsTest, ParseFeedDateTriesBothStyles) {
  EXPECT_EQ(ParseFeedDate("Thu, 01 Jan 2004 19:48:21 GMT", DateStyle::kIso8601First),
            1072986501000);
  EXPECT_EQ(ParseFeedDate(" 2004-01-01T19:48:21Z ", DateStyle::kRfc822First), 1072986501000);
  EXPECT_EQ(ParseFeedDate("soon", DateStyle::kRfc822First), std::nullopt);
  EXPECT_EQ(ParseFeedDate("", DateStyle::kIso8601First), std::nullopt);
}

TEST(FeedFieldsTest, FirstDateTakesTheFirstThatParses) {
  PickedDate d = FirstDate({{"  garbage ", DateStyle::kRfc822First},
                            {"2003-12-31T10:14:55Z", DateStyle::kIso8601First}});
  EXPECT_EQ(d.published, 1072865695000);
  EXPECT_EQ(d.text, "garbage");  // the first date element as written
  d = FirstDate({});
  EXPECT_EQ(d.published, 0);
  EXPECT_EQ(d.text, "");
}

TEST(FeedFieldsTest, FallbackKey) {
  EXPECT_EQ(FallbackKey("Title", "Thu, 01 Jan 2004", "body"),
            "sha256:" + crypto::Hex(crypto::Sha256("Title\nThu, 01 Jan 2004")));
  EXPECT_EQ(FallbackKey("", "", "body"), "sha256:" + crypto::Hex(crypto::Sha256("\nbody")));
  EXPECT_NE(FallbackKey("", "", "one"), FallbackKey("", "", "two"));
  EXPECT_EQ(FallbackKey("Title", "", "one"), FallbackKey("Title", "", "two"));
}

TEST(FeedFieldsTest, PollingHints) {
  EXPECT_EQ(PositiveMinutes(" 60 "), 60);
  EXPECT_EQ(PositiveMinutes("0"), std::nullopt);
  EXPECT_EQ(PositiveMinutes("-5"), std::nullopt);
  EXPECT_EQ(PositiveMinutes("an hour"), std::nullopt);
  EXPECT_EQ(SyndicationMinutes("hourly", "2"), 30);
  EXPECT_EQ(SyndicationMinutes("daily", ""), 1440);
  EXPECT_EQ(SyndicationMinutes(" Weekly ", "1"), 10080);
  EXPECT_EQ(SyndicationMinutes("hourly", "1000"), 1);
  EXPECT_EQ(SyndicationMinutes("fortnightly", "1"), std::nullopt);
  EXPECT_EQ(SyndicationMinutes("daily", "often"), std::nullopt);
}

}  // namespace
}  // namespace fr::channels::feed
