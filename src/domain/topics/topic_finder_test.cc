#include "domain/topics/topic_finder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace fr::domain::topics {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSubsetOf;
using ::testing::UnorderedElementsAre;

constexpr UnixMillis kHour = 3'600'000;
constexpr UnixMillis kNow = 1'767'225'600'000;  // 2026-01-01T00:00Z

// 6 Hebrew complaints that a delivery never came (ids 1-6), 5 English ones about the app
// crashing at login (ids 11-15) and 4 unrelated messages (ids 21-24), written over three days.
std::vector<TopicDoc> Batch() {
  const std::vector<std::pair<std::int64_t, std::string>> texts = {
      {1, "המשלוח שלי לא הגיע כבר עשרה ימים, מה קורה?"},
      {2, "הזמנתי לפני שבוע והמשלוח עדיין לא הגיע"},
      {3, "איפה המשלוח?? לא הגיע עד היום, כבר חמישה ימים"},
      {4, "שלום, המשלוח לא הגיע ואף אחד לא עונה בטלפון"},
      {5, "המשלוח לא הגיע!!! שירות גרוע, שלושה ימים של המתנה"},
      {6, "עברו שבועיים והמשלוח לא הגיע. תחזירו לי את הכסף"},
      {11, "The app crashes every time I try to login"},
      {12, "@FooSupport app keeps crashing on login since the update"},
      {13, "Login crashes the app. Please fix! https://t.co/abc123"},
      {14, "Your app crashed again when I tried to log in... login is broken"},
      {15, "App crash at login screen, iPhone 12"},
      {21, "Great service today, thank you!"},
      {22, "מתי אתם פותחים את הסניף בתל אביב?"},
      {23, "Where can I find the invoice for March?"},
      {24, "תודה רבה על העזרה המהירה"},
  };
  std::vector<TopicDoc> docs;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    docs.push_back({texts[i].first, kNow - static_cast<UnixMillis>(i % 3) * 24 * kHour - kHour,
                    texts[i].second});
  }
  return docs;
}

TEST(TopicFinderTest, RecoversTheHebrewAndEnglishGroupsAndNamesThemAsWritten) {
  const std::vector<Topic> topics = FindTopics(Batch(), kNow);
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_THAT(topics[0].doc_ids, ElementsAre(1, 2, 3, 4, 5, 6));
  // הגיע and המשלוח are in every member and nowhere else (a tie: byte order), ימים in half.
  EXPECT_THAT(topics[0].display_terms, ElementsAre("הגיע", "המשלוח", "ימים"));
  EXPECT_EQ(topics[0].name, "הגיע · המשלוח · ימים");
  EXPECT_THAT(topics[0].terms, ElementsAre("הגיע", "המשלוח", "ימימ"));  // matching form
  EXPECT_THAT(topics[1].doc_ids, ElementsAre(11, 12, 13, 14, 15));
  EXPECT_THAT(topics[1].display_terms, UnorderedElementsAre("app", "crashes", "login"));
  EXPECT_EQ(topics[1].count(), 5u);
}

TEST(TopicFinderTest, ExamplesAreCentralMembers) {
  const std::vector<Topic> topics = FindTopics(Batch(), kNow, {.max_examples = 3});
  ASSERT_EQ(topics.size(), 2u);
  for (const Topic& t : topics) {
    EXPECT_EQ(t.example_ids.size(), 3u);
    EXPECT_THAT(t.example_ids, IsSubsetOf(t.doc_ids));
  }
  // Every delivery complaint holds המשלוח and הגיע; the ones that also say ימים are closer to
  // the group's centre than the ones that do not.
  EXPECT_THAT(topics[0].example_ids, UnorderedElementsAre(1, 3, 5));
}

TEST(TopicFinderTest, ReportsTimesAndTrend) {
  std::vector<TopicDoc> docs = Batch();
  for (TopicDoc& d : docs) {
    d.at = d.id < 10 ? kNow - kHour : kNow - 48 * kHour;  // only Hebrew is recent
  }
  const std::vector<Topic> topics = FindTopics(docs, kNow, {.recent = std::chrono::hours(24)});
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[0].recent_count, 6);
  EXPECT_EQ(topics[0].first_at, kNow - kHour);
  EXPECT_EQ(topics[0].last_at, kNow - kHour);
  EXPECT_NEAR(topics[0].trend, 1.0 / (6.0 / 15.0), 1e-9);  // all of it recent, 6 of 15 overall
  EXPECT_EQ(topics[1].recent_count, 0);
  EXPECT_EQ(topics[1].trend, 0);
  EXPECT_EQ(FindTopics(docs, kNow + 1000 * kHour)[0].trend, 1);  // nothing recent at all
}

TEST(TopicFinderTest, SameTopicsWhateverTheInputOrder) {
  const std::vector<Topic> expected = FindTopics(Batch(), kNow);
  std::vector<TopicDoc> docs = Batch();
  std::mt19937 random(7);
  for (int i = 0; i < 5; ++i) {
    std::shuffle(docs.begin(), docs.end(), random);
    EXPECT_EQ(FindTopics(docs, kNow), expected);
  }
}

TEST(TopicFinderTest, GroupsSmallerThanTheMinimumAreNoTopics) {
  const std::vector<Topic> topics = FindTopics(Batch(), kNow, {.min_topic_size = 6});
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(topics[0].count(), 6u);
  EXPECT_THAT(FindTopics(Batch(), kNow, {.min_topic_size = 7}), IsEmpty());
}

TEST(TopicFinderTest, StopsAtMaxTopicsTheBiggestFirst) {
  const std::vector<Topic> topics = FindTopics(Batch(), kNow, {.max_topics = 1});
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(topics[0].count(), 6u);
}

TEST(TopicFinderTest, EmptyBatchAndBatchWithoutWordsHaveNoTopics) {
  EXPECT_THAT(FindTopics({}, kNow), IsEmpty());
  EXPECT_THAT(FindTopics({{1, kNow, ""}, {2, kNow, "!!!"}, {3, kNow, "12 34"}}, kNow), IsEmpty());
}

TEST(TopicFinderTest, HugeAndInvalidTextsDoNotHurtTheOthers) {
  std::vector<TopicDoc> docs = Batch();
  std::string huge;
  while (huge.size() < 2'000'000) huge += "the app crashes again and again on login, ";
  docs.push_back({31, kNow, huge});
  docs.push_back({32, kNow, "\xff\xfe\xfd login \xc3\x28 app \xe2\x82 crash\x80"});
  docs.push_back({33, kNow, std::string("app\0crash\0login", 15)});
  docs.push_back({34, kNow, std::string(5000, '\xd7')});
  const std::vector<Topic> topics = FindTopics(docs, kNow);
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_THAT(topics[0].doc_ids, ElementsAre(11, 12, 13, 14, 15, 31, 32, 33));
  EXPECT_THAT(topics[1].doc_ids, ElementsAre(1, 2, 3, 4, 5, 6));
}

}  // namespace
}  // namespace fr::domain::topics
