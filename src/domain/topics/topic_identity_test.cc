#include "domain/topics/topic_identity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fr::domain::topics {
namespace {

using ::testing::ElementsAre;

constexpr UnixMillis kNow = 1'767'225'600'000;

Topic Named(std::vector<std::string> terms) {
  Topic t;
  t.terms = std::move(terms);
  return t;
}

std::vector<TopicDoc> Docs(const std::vector<std::string>& texts, std::int64_t first_id) {
  std::vector<TopicDoc> docs;
  for (const std::string& text : texts) docs.push_back({first_id++, kNow, text});
  return docs;
}

TEST(TopicIdentityTest, KeepsIdsAcrossARunWithAFewMoreMessages) {
  std::vector<TopicDoc> docs =
      Docs({"המשלוח שלי לא הגיע", "המשלוח עדיין לא הגיע, איפה השליח?", "המשלוח לא הגיע כבר שבוע",
            "למה המשלוח לא הגיע?", "The app crashes at login", "app crashes on login again",
            "login crashes the app", "Great service today", "Where is my invoice?"},
           1);
  const std::vector<Topic> before = FindTopics(docs, kNow);
  ASSERT_EQ(before.size(), 2u);
  const std::vector<KnownTopic> known = {{100, before[0].terms}, {200, before[1].terms}};

  for (TopicDoc& d :
       Docs({"השליח אמר שהמשלוח הגיע אבל שום דבר לא הגיע", "המשלוח שלי לא הגיע, השליח לא עונה",
             "the app crashes right after login", "Love the new design"},
            100)) {
    docs.push_back(std::move(d));
  }
  const std::vector<Topic> after = FindTopics(docs, kNow);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].count(), 6u);
  const std::vector<TopicMatch> matches = MatchTopics(known, after);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].id, 100);
  EXPECT_EQ(matches[1].id, 200);
  EXPECT_GE(matches[0].similarity, 0.4);
}

TEST(TopicIdentityTest, OverlapBelowTheThresholdIsANewTopic) {
  const std::vector<KnownTopic> known = {{1, {"late", "delivery"}}, {2, {"login", "app", "crash"}}};
  const std::vector<TopicMatch> matches = MatchTopics(
      known,
      {Named({"late", "flight"}), Named({"login", "app", "update", "crash"}), Named({"refund"})});
  EXPECT_THAT(matches, ElementsAre(TopicMatch{}, TopicMatch{2, 0.75}, TopicMatch{}));
  EXPECT_EQ(MatchTopics(known, {Named({"late", "flight"})}, 0.3)[0].id, 1);
}

TEST(TopicIdentityTest, EachStoredIdContinuesOneTopicTheMostSimilar) {
  const std::vector<KnownTopic> known = {{7, {"late", "delivery", "order"}}};
  const std::vector<TopicMatch> matches = MatchTopics(
      known, {Named({"late", "delivery", "courier"}), Named({"late", "delivery", "order"})});
  EXPECT_THAT(matches, ElementsAre(TopicMatch{}, TopicMatch{7, 1.0}));
}

TEST(TopicIdentityTest, EachTopicContinuesOneStoredIdTheMostSimilarThenTheLowest) {
  const std::vector<KnownTopic> known = {
      {9, {"late", "delivery"}}, {3, {"late", "delivery"}}, {5, {"late", "delivery", "order"}}};
  EXPECT_THAT(MatchTopics(known, {Named({"delivery", "late"})}), ElementsAre(TopicMatch{3, 1.0}));
  EXPECT_THAT(MatchTopics({}, {Named({"late"})}), ElementsAre(TopicMatch{}));
  EXPECT_TRUE(MatchTopics(known, {}).empty());
}

}  // namespace
}  // namespace fr::domain::topics
