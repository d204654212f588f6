#include "domain/metrics/rollup.h"

#include <gtest/gtest.h>

namespace fr::domain::metrics {
namespace {

constexpr UnixMillis kOpened = 1'800'000'123'456;  // 2027-01-15T08:02:03.456Z

CaseFacts Facts(std::int64_t id, std::vector<std::string> rules = {}) {
  CaseFacts f;
  f.case_id = id;
  f.opened_at = kOpened;
  f.groups = {"x", "brand", "2", "11", "high", "he", "complaint", std::move(rules)};
  f.first_response_ms = 600'000;
  f.first_response_business_ms = 600'000;
  f.customer_messages = 2;
  f.answered_messages = 1;
  f.sentiment = Sentiment::kNegative;
  f.complaint = true;
  return f;
}

TEST(RollupTest, BucketsAreUtcHoursAndDays) {
  EXPECT_EQ(BucketOf(Grain::kHour, kOpened), 1'800'000'000'000 - 1'800'000'000'000 % 3'600'000 +
                                                 3'600'000 * (123'456 / 3'600'000));
  EXPECT_EQ(BucketOf(Grain::kDay, kOpened) % 86'400'000, 0);
  EXPECT_LE(BucketOf(Grain::kDay, kOpened), kOpened);
  EXPECT_GT(BucketOf(Grain::kDay, kOpened) + 86'400'000, kOpened);
  EXPECT_EQ(BucketOf(Grain::kHour, -1), -3'600'000) << "floors before 1970";
}

TEST(RollupTest, ACaseCountsOnceUnderEveryGroupOfEveryGrain) {
  const std::vector<RollupKey> keys = KeysOf(Facts(1, {"a", "b"}));
  // 2 grains × (8 single-valued dimensions + 2 rules).
  EXPECT_EQ(keys.size(), 20u);
  const std::vector<RollupKey> no_rules = KeysOf(Facts(1));
  EXPECT_EQ(no_rules.size(), 16u);
}

TEST(RollupTest, ReplacingFactsMovesTheirContribution) {
  RollupDelta delta;
  CaseFacts before = Facts(1);
  delta.Replace(std::nullopt, before);
  const auto added = delta.Changes();
  const RollupKey all{Grain::kDay, BucketOf(Grain::kDay, kOpened), Dimension::kAll, ""};
  ASSERT_TRUE(added.count(all));
  EXPECT_EQ(added.at(all).cases, 1);
  EXPECT_EQ(added.at(all).responded, 1);
  EXPECT_EQ(added.at(all).first_response.Count(), 1);
  EXPECT_EQ(added.at(all).negative, 1);

  // The agent changes: the agent rows move, the others net to zero and drop out.
  RollupDelta change;
  CaseFacts after = before;
  after.groups.agent = "12";
  change.Replace(before, after);
  const auto moved = change.Changes();
  EXPECT_EQ(moved.size(), 4u);  // two agents × two grains
  const RollupKey old_agent{Grain::kHour, BucketOf(Grain::kHour, kOpened), Dimension::kAgent, "11"};
  const RollupKey new_agent{Grain::kHour, BucketOf(Grain::kHour, kOpened), Dimension::kAgent, "12"};
  EXPECT_EQ(moved.at(old_agent).cases, -1);
  EXPECT_EQ(moved.at(new_agent).cases, 1);
  EXPECT_EQ(moved.at(old_agent).first_response.Count(), -1);

  RollupDelta same;
  same.Replace(before, before);
  EXPECT_TRUE(same.Changes().empty());
}

TEST(RollupTest, NamesRoundTrip) {
  for (Dimension d : AllDimensions()) EXPECT_EQ(ParseDimension(DimensionName(d)), d);
  EXPECT_EQ(ParseGrain("hour"), Grain::kHour);
  EXPECT_EQ(ParseGrain("day"), Grain::kDay);
  EXPECT_FALSE(ParseGrain("week"));
  EXPECT_FALSE(ParseDimension("teams"));
}

}  // namespace
}  // namespace fr::domain::metrics
