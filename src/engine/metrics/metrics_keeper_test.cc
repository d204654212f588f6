// MetricsKeeper and the metrics queries against a real SQLite store: hand-built histories
// with known answers, rollups that follow changes, rebuilt == incremental, and SumOver equal
// to a plain sum of the facts.
#include "engine/metrics/metrics_keeper.h"

#include <gtest/gtest.h>

#include <random>

#include "engine/metrics/metrics_query.h"
#include "engine/store_fixture_test_util.h"

namespace fr::engine {
namespace {

using domain::metrics::Dimension;
using domain::metrics::RollupCounters;

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

class MetricsKeeperTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_->SetBatchEndHook([this](ports::StoreTxn& txn, std::span<const domain::CaseId> ids) {
      return keeper_.Refresh(txn, ids);
    });
  }

  // Opens a case for customer `handle` on `account` at `at` with an understood first
  // message; returns the case id.
  domain::CaseId Open(const std::string& handle, const std::string& account, UnixMillis at,
                      domain::Intent intent = domain::Intent::kQuestion,
                      domain::Sentiment sentiment = domain::Sentiment::kNeutral,
                      std::vector<std::string> rules = {}) {
    domain::CaseId id = 0;
    Write([&](ports::StoreTxn& txn) -> Status {
      domain::Author author;
      author.id = handle;
      FR_ASSIGN_OR_RETURN(domain::CustomerId customer, txn.UpsertCustomer(domain::Platform::kX, author));
      domain::Case c;
      c.platform = domain::Platform::kX;
      c.account_id = account;
      c.customer_id = customer;
      c.opened_at = c.last_activity_at = c.last_customer_message_at = at;
      c.status_since = at;
      c.message_count = 1;
      FR_ASSIGN_OR_RETURN(id, txn.InsertCase(c));
      FR_ASSIGN_OR_RETURN(domain::MessageId m, AddMessage(txn, id, account, at, false));
      ports::MessageInsight insight;
      insight.understanding.language = "he";
      insight.understanding.intent = intent;
      insight.understanding.sentiment = sentiment;
      insight.rules = std::move(rules);
      first_message_[id] = m;
      return txn.insights().PutInsight(m, insight);
    });
    return id;
  }

  Result<domain::MessageId> AddMessage(ports::StoreTxn& txn, domain::CaseId id,
                                       const std::string& account, UnixMillis at, bool outbound) {
    ports::StoredMessage s;
    s.message.platform = domain::Platform::kX;
    s.message.account_id = account;
    s.message.external_id = "m" + std::to_string(++next_message_);
    s.message.created_at = at;
    s.message.is_outbound = outbound;
    s.case_id = id;
    s.received_at = at;
    return txn.InsertMessage(s);
  }

  void Customer(domain::CaseId id, UnixMillis at) { Message(id, at, false); }
  void Agent(domain::CaseId id, UnixMillis at) { Message(id, at, true); }
  void Message(domain::CaseId id, UnixMillis at, bool outbound) {
    Write([&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
      return AddMessage(txn, id, c->account_id, at, outbound).status();
    });
  }

  void Write(const ports::WriteUnit& unit) {
    Status s = ports::WriteOne(*store_, unit);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::map<std::string, RollupCounters> Sum(Dimension d, UnixMillis from, UnixMillis to) {
    auto sums = SumOver(store_->metrics(), d, Period{from, to});
    EXPECT_TRUE(sums.ok()) << sums.status().ToString();
    return sums.ok() ? *sums : std::map<std::string, RollupCounters>{};
  }

  std::map<domain::metrics::RollupKey, RollupCounters> Rollups() {
    auto all = store_->metrics().AllRollups();
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    return all.ok() ? *all : decltype(Rollups()){};
  }

  domain::sla::BusinessCalendar always_open_ = domain::sla::BusinessCalendar::AlwaysOpen();
  MetricsKeeper keeper_{[this](std::optional<domain::TeamId>) -> const domain::sla::BusinessCalendar& {
    return always_open_;
  }};
  std::map<domain::CaseId, domain::MessageId> first_message_;
  int next_message_ = 0;
};

TEST_F(MetricsKeeperTest, FirstResponseByAccountOverAKnownHistory) {
  const UnixMillis t0 = kStart;
  const domain::CaseId a = Open("dana", "brand1", t0);
  Agent(a, t0 + 10 * kMinute);
  const domain::CaseId b = Open("eli", "brand1", t0 + 2 * kHour);
  Agent(b, t0 + 2 * kHour + 30 * kMinute);
  const domain::CaseId c = Open("noa", "brand1", t0 + 3 * kDay);
  Agent(c, t0 + 3 * kDay + 50 * kMinute);
  const domain::CaseId d = Open("omer", "brand2", t0 + kDay);  // never answered
  (void)d;

  auto by_account = Sum(Dimension::kAccount, t0 - kDay, t0 + 5 * kDay);
  ASSERT_EQ(by_account.size(), 2u);
  const RollupCounters& one = by_account["brand1"];
  EXPECT_EQ(one.cases, 3);
  EXPECT_EQ(one.responded, 3);
  EXPECT_EQ(one.first_response_sum_ms, 90 * kMinute);
  const double median_ms = static_cast<double>(*one.first_response.QuantileMs(0.5));
  EXPECT_NEAR(median_ms, 30.0 * kMinute, 0.02 * 30 * kMinute);
  const RollupCounters& two = by_account["brand2"];
  EXPECT_EQ(two.cases, 1);
  EXPECT_EQ(two.responded, 0);
  EXPECT_EQ(two.customer_messages, 1);
  EXPECT_EQ(two.answered_messages, 0);

  // A period holding only the first day: cases a and b.
  auto first_day = Sum(Dimension::kAll, t0, t0 + 12 * kHour);
  EXPECT_EQ(first_day[""].cases, 2);
  EXPECT_EQ(first_day[""].first_response_sum_ms, 40 * kMinute);
}

TEST_F(MetricsKeeperTest, ReassigningMovesTheCaseBetweenAgents) {
  const domain::User ada = AddUser("ada");
  const domain::User ben = AddUser("ben");
  const domain::CaseId id = Open("dana", "brand", kStart);
  auto assign = [&](domain::UserId user) {
    Write([&](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
      c->assignee = user;
      return txn.UpdateCase(*c);
    });
  };
  assign(ada.id);
  auto by_agent = Sum(Dimension::kAgent, kStart, kStart + kHour);
  EXPECT_EQ(by_agent.size(), 1u);
  EXPECT_EQ(by_agent[std::to_string(ada.id)].cases, 1);
  assign(ben.id);
  by_agent = Sum(Dimension::kAgent, kStart, kStart + kHour);
  EXPECT_EQ(by_agent.size(), 1u) << "ada's row is gone: it summed to zero";
  EXPECT_EQ(by_agent[std::to_string(ben.id)].cases, 1);
}

TEST_F(MetricsKeeperTest, RepeatComplaintsFollowCorrections) {
  const domain::User ada = AddUser("ada");
  const domain::CaseId first = Open("dana", "brand", kStart, domain::Intent::kQuestion);
  const domain::CaseId second =
      Open("dana", "brand", kStart + 10 * kDay, domain::Intent::kComplaint,
           domain::Sentiment::kNegative);
  const domain::CaseId late =
      Open("dana", "brand", kStart + 45 * kDay, domain::Intent::kComplaint);
  (void)late;
  auto all = Sum(Dimension::kAll, kStart, kStart + 60 * kDay)[""];
  EXPECT_EQ(all.complaints, 2);
  EXPECT_EQ(all.repeat_complaints, 0) << "the earlier case was a question; the later one is 35 days after";
  EXPECT_EQ(all.negative, 1);

  // An agent says the first message was a complaint: the second case becomes a repeat.
  Write([&](ports::StoreTxn& txn) {
    return txn.insights().AddCorrection({first_message_[first], "intent", "complaint", ada.id, kStart});
  });
  all = Sum(Dimension::kAll, kStart, kStart + 60 * kDay)[""];
  EXPECT_EQ(all.complaints, 3);
  EXPECT_EQ(all.repeat_complaints, 1);
  auto facts = store_->metrics().ListCaseFacts(Dimension::kAll, "", kStart, kStart + 60 * kDay,
                                               std::nullopt, 10);
  ASSERT_TRUE(facts.ok());
  ASSERT_EQ(facts->size(), 3u);
  EXPECT_EQ((*facts)[1].case_id, second);
  EXPECT_TRUE((*facts)[1].repeat_complaint);
}

TEST_F(MetricsKeeperTest, ResolutionTimeComesFromTheStatusHistory) {
  const domain::CaseId id = Open("dana", "brand", kStart);
  Write([&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
    c->status = domain::CaseStatus::kResolved;
    c->status_since = kStart + 3 * kHour;
    FR_RETURN_IF_ERROR(txn.work()
                           .InsertCaseEvent({0, id, kStart + 3 * kHour,
                                             domain::CaseEventKind::kStatusChanged, std::nullopt,
                                             std::nullopt, "new>resolved"})
                           .status());
    return txn.UpdateCase(*c);
  });
  auto all = Sum(Dimension::kAll, kStart, kStart + kDay)[""];
  EXPECT_EQ(all.resolved, 1);
  EXPECT_EQ(all.resolution_sum_ms, 3 * kHour);
}

TEST_F(MetricsKeeperTest, RebuiltRollupsEqualIncrementalOnes) {
  std::mt19937 random(11);
  const domain::User ada = AddUser("ada");
  for (int i = 0; i < 60; ++i) {
    const UnixMillis at = kStart + static_cast<UnixMillis>(random() % (20 * kDay));
    const auto intent = random() % 3 == 0 ? domain::Intent::kComplaint : domain::Intent::kQuestion;
    const domain::CaseId id =
        Open("c" + std::to_string(random() % 15), random() % 2 ? "brand1" : "brand2", at, intent,
             domain::Sentiment::kNegative, random() % 4 == 0 ? std::vector<std::string>{"r1"}
                                                              : std::vector<std::string>{});
    if (random() % 3 != 0) Agent(id, at + static_cast<UnixMillis>(random() % (5 * kHour)));
    if (random() % 2 == 0) Customer(id, at + 6 * kHour);
    if (random() % 4 == 0) {
      Write([&](ports::StoreTxn& txn) -> Status {
        FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
        c->assignee = ada.id;
        return txn.UpdateCase(*c);
      });
    }
  }
  const auto incremental = Rollups();
  ASSERT_FALSE(incremental.empty());
  auto rebuilt = keeper_.Rebuild(*store_, 7);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(*rebuilt, 60);
  EXPECT_EQ(Rollups(), incremental);
}

TEST_F(MetricsKeeperTest, SumOverEqualsASumOfTheFacts) {
  std::mt19937 random(5);
  for (int i = 0; i < 80; ++i) {
    const UnixMillis at = kStart + static_cast<UnixMillis>(random() % (9 * kDay));
    const domain::CaseId id = Open("c" + std::to_string(i), "brand", at);
    if (random() % 2) Agent(id, at + static_cast<UnixMillis>(random() % kDay));
  }
  auto facts = store_->metrics().ListCaseFacts(Dimension::kAll, "", 0, kStart + 30 * kDay,
                                               std::nullopt, 1000);
  ASSERT_TRUE(facts.ok());
  for (int trial = 0; trial < 40; ++trial) {
    const UnixMillis from = kStart - kDay + static_cast<UnixMillis>(random() % (11 * kDay));
    const UnixMillis to = from + static_cast<UnixMillis>(random() % (6 * kDay)) + 1;
    const Period snapped = SnapToHours({from, to});
    RollupCounters expected;
    for (const auto& f : *facts) {
      if (f.opened_at >= snapped.from && f.opened_at < snapped.to) {
        expected.Merge(domain::metrics::ContributionOf(f));
      }
    }
    EXPECT_EQ(Sum(Dimension::kAll, from, to)[""], expected) << "trial " << trial;
  }
}

TEST(MetricsQueryTest, IntervalsFollowLocalMidnights) {
  auto zone = TimeZone::Find("Asia/Jerusalem");
  ASSERT_TRUE(zone.ok());
  // 2026-10-24 00:00 to 2026-10-27 00:00 local: winter time starts on the 25th (+3 → +2).
  const UnixMillis from = zone->ToUtc({2026, 10, 24}, 0);
  const UnixMillis to = zone->ToUtc({2026, 10, 27}, 0);
  auto days = SplitIntoIntervals({from, to}, domain::metrics::Grain::kDay, *zone);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ((*days)[0].from, from);
  EXPECT_EQ((*days)[0].to - (*days)[0].from, kDay);
  EXPECT_EQ((*days)[1].to - (*days)[1].from, 25 * kHour) << "the day the clocks go back";
  EXPECT_EQ((*days)[2].to, to);
  auto hours = SplitIntoIntervals({from, from + 5 * kHour}, domain::metrics::Grain::kHour, *zone);
  ASSERT_TRUE(hours.ok());
  EXPECT_EQ(hours->size(), 5u);
  auto too_many = SplitIntoIntervals({from, from + 2000 * kHour}, domain::metrics::Grain::kHour, *zone);
  EXPECT_EQ(too_many.status().reason(), "too_many_intervals");
}

TEST(MetricsQueryTest, SnapsPeriodsOutToWholeHours) {
  const UnixMillis h = 1'800'000'000'000 - 1'800'000'000'000 % kHour;
  EXPECT_EQ(SnapToHours({h + 1, h + kHour + 1}), (Period{h, h + 2 * kHour}));
  EXPECT_EQ(SnapToHours({h, h + kHour}), (Period{h, h + kHour}));
}

}  // namespace
}  // namespace fr::engine
