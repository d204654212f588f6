// TopicKeeper on a real store with the metrics keeper installed: complaints in Hebrew and
// English are grouped into named topics, non-complaints are left out, a second run keeps the
// ids, and the topic reaches the cases' metric facts (the topic dimension).
#include "engine/topics/topic_keeper.h"

#include <gtest/gtest.h>

#include "engine/metrics/metrics_keeper.h"
#include "engine/store_fixture_test_util.h"
#include "engine/thread/threader.h"

namespace fr::engine {
namespace {

constexpr std::int64_t kHour = 3'600'000;

class TopicKeeperTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_->SetBatchEndHook([this](ports::StoreTxn& txn, std::span<const domain::CaseId> ids) {
      return metrics_.Refresh(txn, ids);
    });
  }

  // A customer tweet `ago` before now, understood with `intent`; returns its message id.
  std::int64_t Tweet(const std::string& text, std::int64_t ago,
                     domain::Intent intent = domain::Intent::kComplaint) {
    domain::InboundEvent e;
    e.message.platform = domain::Platform::kX;
    e.message.account_id = "brand";
    e.message.external_id = "t" + std::to_string(++tweets_);
    e.message.author.id = "customer" + std::to_string(tweets_);
    e.message.text = text;
    e.message.created_at = clock_.NowMillis() - ago;
    e.message.kind = domain::MessageKind::kMention;
    Threader threader(ThreadingOptions{});
    Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::int64_t delivery, txn.InsertDelivery("x", clock_.NowMillis(), "{}"));
      FR_RETURN_IF_ERROR(threader.Apply(txn, e, delivery, clock_.NowMillis()).status());
      FR_ASSIGN_OR_RETURN(auto stored, txn.FindMessage(e.message.platform, e.message.external_id));
      ports::MessageInsight insight;
      insight.understanding.language = "he";
      insight.understanding.intent = intent;
      insight.understanding.sentiment = domain::Sentiment::kNegative;
      return txn.insights().PutInsight(stored->id, insight);
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return tweets_;
  }

  domain::sla::BusinessCalendar always_open_ = domain::sla::BusinessCalendar::AlwaysOpen();
  MetricsKeeper metrics_{[this](std::optional<domain::TeamId>) -> const domain::sla::BusinessCalendar& {
    return always_open_;
  }};
  int tweets_ = 0;
};

TEST_F(TopicKeeperTest, GroupsComplaintsKeepsIdsAndFeedsTheTopicDimension) {
  const char* late[] = {"המשלוח לא הגיע כבר שבוע", "משלוח שהזמנתי לא הגיע", "המשלוח שלי לא הגיע!!",
                        "עדיין לא הגיע המשלוח", "משלוח מאחר, לא הגיע עד היום", "איפה המשלוח? לא הגיע"};
  const char* crash[] = {"the app crashes on login", "login crashes the app again",
                         "app crashes every time I login", "cannot login, the app crashes"};
  for (int i = 0; i < 6; ++i) Tweet(late[i], (i + 1) * kHour);
  for (int i = 0; i < 4; ++i) Tweet(crash[i], (i + 1) * kHour);
  Tweet("המשלוח הגיע, תודה רבה!", kHour, domain::Intent::kPraise);  // not a complaint
  Tweet("שאלה על המשלוח שלא הגיע", 30 * 24 * kHour);                 // outside the window

  TopicKeeper keeper(*store_, clock_);
  auto first = keeper.Run();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->complaints, 10);
  EXPECT_EQ(first->topics, 2);
  EXPECT_EQ(first->new_topics, 2);
  EXPECT_EQ(first->grouped, 10);

  auto topics = store_->topics().TopicsSeenSince(0);
  ASSERT_TRUE(topics.ok());
  ASSERT_EQ(topics->size(), 2u);
  const ports::StoredTopic& delivery = (*topics)[0].members == 6 ? (*topics)[0] : (*topics)[1];
  const ports::StoredTopic& app = (*topics)[0].members == 6 ? (*topics)[1] : (*topics)[0];
  EXPECT_NE(delivery.name.find("משלוח"), std::string::npos) << delivery.name;
  EXPECT_NE(delivery.name.find("הגיע"), std::string::npos) << delivery.name;
  EXPECT_NE(app.name.find("crash"), std::string::npos) << app.name;
  EXPECT_EQ(delivery.last_seen, clock_.NowMillis());
  EXPECT_FALSE(delivery.example_ids.empty());

  auto counts = store_->topics().TopicCounts(clock_.NowMillis() - 24 * kHour, clock_.NowMillis());
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)[delivery.id], 6);
  EXPECT_EQ((*counts)[app.id], 4);

  // The cases' facts carry the topic: the metrics' topic dimension and drill-down.
  auto facts = store_->metrics().ListCaseFacts(domain::metrics::Dimension::kTopic,
                                               std::to_string(delivery.id), 0,
                                               clock_.NowMillis() + 1, std::nullopt, 100);
  ASSERT_TRUE(facts.ok());
  EXPECT_EQ(facts->size(), 6u);
  auto sums = store_->metrics().SumRollups(domain::metrics::Grain::kDay,
                                           domain::metrics::Dimension::kTopic, 0,
                                           clock_.NowMillis() + 86'400'000, std::nullopt);
  ASSERT_TRUE(sums.ok());
  EXPECT_EQ((*sums)[std::to_string(app.id)].cases, 4);

  // Later: one more complaint about the delivery; the topic keeps its id.
  clock_.Advance(kHour);
  Tweet("גם אצלי המשלוח לא הגיע", 0);
  auto second = keeper.Run();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->new_topics, 0);
  auto again = store_->topics().GetTopic(delivery.id);
  ASSERT_TRUE(again.ok() && *again);
  EXPECT_EQ((*again)->members, 7);
  auto examples = store_->topics().TopicExamples(delivery.id, 0, clock_.NowMillis() + 1, 3);
  ASSERT_TRUE(examples.ok());
  ASSERT_EQ(examples->size(), 3u);
  EXPECT_EQ((*examples)[0].head.message_id, (*again)->example_ids[0]);  // the most central first
}

TEST_F(TopicKeeperTest, NoComplaintsNoTopics) {
  Tweet("שאלה כללית", kHour, domain::Intent::kQuestion);
  TopicKeeper keeper(*store_, clock_);
  auto run = keeper.Run();
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->complaints, 0);
  EXPECT_EQ(run->topics, 0);
}

}  // namespace
}  // namespace fr::engine
