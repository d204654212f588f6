#include "domain/sla/sla_policy.h"

#include <gtest/gtest.h>

namespace fr::domain::sla {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

TEST(SlaPolicyTest, DefaultsPerPlatform) {
  struct Case {
    Platform platform;
    minutes normal;
  };
  const Case cases[] = {
      {Platform::kX, hours(1)},         {Platform::kFacebook, hours(4)},
      {Platform::kMessenger, hours(4)}, {Platform::kInstagram, hours(4)},
      {Platform::kTikTok, hours(4)},    {Platform::kLinkedIn, hours(24)},
      {Platform::kRss, hours(24)},
  };
  for (const Case& c : cases) {
    const SlaPolicy p = DefaultSlaPolicy(c.platform, Priority::kNormal);
    EXPECT_EQ(p.platform, c.platform);
    EXPECT_EQ(p.priority, Priority::kNormal);
    EXPECT_EQ(p.first_response, c.normal) << PlatformName(c.platform);
    EXPECT_EQ(p.next_response, c.normal) << PlatformName(c.platform);
    EXPECT_EQ(p.warn_fraction, 0.8);
  }
}

TEST(SlaPolicyTest, PriorityScalesTheTarget) {
  struct Case {
    Priority priority;
    minutes x;
    minutes linkedin;
  };
  const Case cases[] = {
      {Priority::kLow, hours(2), hours(48)},
      {Priority::kNormal, hours(1), hours(24)},
      {Priority::kHigh, minutes(45), hours(18)},
      {Priority::kUrgent, minutes(30), hours(12)},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DefaultSlaPolicy(Platform::kX, c.priority).first_response, c.x);
    EXPECT_EQ(DefaultSlaPolicy(Platform::kLinkedIn, c.priority).next_response, c.linkedin);
  }
  EXPECT_EQ(ScaleForPriority(minutes(1), Priority::kUrgent), minutes(1));
  EXPECT_EQ(ScaleForPriority(minutes(1), Priority::kHigh), minutes(1));
  EXPECT_EQ(ScaleForPriority(minutes(5), Priority::kUrgent), minutes(2));
}

TEST(SlaPolicyTest, LookupFallsBackToScaledNormalThenDefaults) {
  auto table = SlaPolicyTable::Create({
      {Platform::kX, Priority::kUrgent, minutes(10), minutes(20), 0.5},
      {Platform::kX, Priority::kNormal, minutes(40), minutes(80), 0.9},
  });
  ASSERT_TRUE(table.ok()) << table.status().ToString();

  const SlaPolicy exact = table->Lookup(Platform::kX, Priority::kUrgent);
  EXPECT_EQ(exact.first_response, minutes(10));
  EXPECT_EQ(exact.next_response, minutes(20));
  EXPECT_EQ(exact.warn_fraction, 0.5);

  const SlaPolicy scaled = table->Lookup(Platform::kX, Priority::kHigh);
  EXPECT_EQ(scaled.priority, Priority::kHigh);
  EXPECT_EQ(scaled.first_response, minutes(30));
  EXPECT_EQ(scaled.next_response, minutes(60));
  EXPECT_EQ(scaled.warn_fraction, 0.9);

  const SlaPolicy fallback = table->Lookup(Platform::kInstagram, Priority::kUrgent);
  EXPECT_EQ(fallback.platform, Platform::kInstagram);
  EXPECT_EQ(fallback.first_response, hours(2));

  auto empty = SlaPolicyTable::Create({});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->Lookup(Platform::kRss, Priority::kLow).first_response, hours(48));
}

TEST(SlaPolicyTest, CreateRejectsBadPolicies) {
  struct Case {
    const char* what;
    std::vector<SlaPolicy> policies;
    const char* reason;
  };
  const Case cases[] = {
      {"zero target",
       {{Platform::kX, Priority::kNormal, minutes(0), minutes(60), 0.8}},
       "invalid_sla_policy"},
      {"negative target",
       {{Platform::kX, Priority::kNormal, minutes(60), minutes(-1), 0.8}},
       "invalid_sla_policy"},
      {"warn at zero",
       {{Platform::kX, Priority::kNormal, minutes(60), minutes(60), 0}},
       "invalid_sla_policy"},
      {"warn after breach",
       {{Platform::kX, Priority::kNormal, minutes(60), minutes(60), 1.01}},
       "invalid_sla_policy"},
      {"twice",
       {{Platform::kX, Priority::kNormal, minutes(60), minutes(60), 0.8},
        {Platform::kX, Priority::kNormal, minutes(30), minutes(30), 0.8}},
       "duplicate_sla_policy"},
  };
  for (const Case& c : cases) {
    auto table = SlaPolicyTable::Create(c.policies);
    ASSERT_FALSE(table.ok()) << c.what;
    EXPECT_EQ(table.status().code(), Errc::kInvalidArgument) << c.what;
    EXPECT_EQ(table.status().reason(), c.reason) << c.what;
  }
}

TEST(SlaPolicyTest, MetricsNameTheirTargets) {
  const SlaPolicy p{Platform::kX, Priority::kNormal, minutes(5), minutes(7), 0.8};
  EXPECT_EQ(p.TargetFor(SlaMetric::kFirstResponse), minutes(5));
  EXPECT_EQ(p.TargetFor(SlaMetric::kNextResponse), minutes(7));
  for (SlaMetric m : {SlaMetric::kFirstResponse, SlaMetric::kNextResponse}) {
    EXPECT_EQ(ParseSlaMetric(SlaMetricName(m)), m);
  }
  EXPECT_EQ(SlaMetricName(SlaMetric::kNextResponse), "next_response");
  EXPECT_EQ(ParseSlaMetric("frt"), std::nullopt);
}

}  // namespace
}  // namespace fr::domain::sla
