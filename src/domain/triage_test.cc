#include "domain/triage.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

Understanding Said(Sentiment s, float p, Intent i, std::vector<std::string> sensitivity = {}) {
  Understanding u;
  u.language = "he";
  u.sentiment = s;
  u.sentiment_p = p;
  u.intent = i;
  u.intent_p = 0.9f;
  u.sensitivity = std::move(sensitivity);
  return u;
}

// A TriageInput for `u` from a public post by an unknown author, changed by `edit`.
template <typename Edit>
TriageInput In(const Understanding& u, Edit edit) {
  TriageInput in;
  in.understanding = &u;
  edit(in);
  return in;
}
TriageInput In(const Understanding& u) {
  return In(u, [](TriageInput&) {});
}

TEST(Triage, AngryComplaintFromAnOrdinaryCustomerIsNormal) {
  Understanding u = Said(Sentiment::kNegative, 0.9f, Intent::kComplaint);
  TriageResult r = Triage(In(u, [](TriageInput& in) { in.followers = 120; }));
  EXPECT_EQ(r.priority, Priority::kNormal);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"intent:complaint", "sentiment:negative"}));
  EXPECT_DOUBLE_EQ(r.needs_reply, 0.95);
}

TEST(Triage, ReachRaisesAComplaintToHigh) {
  Understanding u = Said(Sentiment::kNegative, 0.9f, Intent::kComplaint);
  TriageResult r = Triage(In(u, [](TriageInput& in) { in.followers = 25000; }));
  EXPECT_EQ(r.priority, Priority::kHigh);
  EXPECT_EQ(r.reasons.back(), "reach:vip");
}

TEST(Triage, HealthComplaintIsUrgentAndSensitivityComesFirst) {
  Understanding u = Said(Sentiment::kNegative, 0.8f, Intent::kComplaint, {"health"});
  TriageResult r = Triage(In(u));
  EXPECT_EQ(r.priority, Priority::kUrgent);
  EXPECT_EQ(r.reasons.front(), "sensitive:health");
}

TEST(Triage, UnsureNegativeDoesNotCount) {
  Understanding u = Said(Sentiment::kNegative, 0.5f, Intent::kQuestion);
  TriageResult r = Triage(In(u, [](TriageInput& in) { in.verified = true; }));
  EXPECT_EQ(r.priority, Priority::kNormal);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"verified"}));
}

TEST(Triage, PraiseAndSpamNeedNoReplyAndAreLow) {
  Understanding praise = Said(Sentiment::kPositive, 0.95f, Intent::kPraise);
  TriageResult r = Triage(In(praise));
  EXPECT_EQ(r.priority, Priority::kLow);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"low:no_reply_needed"}));

  Understanding spam = Said(Sentiment::kNeutral, 0.7f, Intent::kSpam);
  EXPECT_LT(Triage(In(spam)).needs_reply, 0.05);
}

TEST(Triage, PrivateMessagesNeedAReplyMore) {
  Understanding u = Said(Sentiment::kPositive, 0.9f, Intent::kPraise);
  TriageResult dm = Triage(In(u, [](TriageInput& in) { in.visibility = Visibility::kPrivate; }));
  TriageResult pub = Triage(In(u));
  EXPECT_NEAR(dm.needs_reply - pub.needs_reply, 0.1, 1e-9);
}

TEST(Triage, RepostsNeedNoReply) {
  Understanding u = Said(Sentiment::kNegative, 0.9f, Intent::kComplaint);
  TriageResult r = Triage(In(u, [](TriageInput& in) { in.kind = MessageKind::kRepost; }));
  EXPECT_EQ(r.needs_reply, 0);
}

TEST(Triage, PolicyThresholdsAreConfigurable) {
  Understanding u = Said(Sentiment::kNeutral, 0.9f, Intent::kQuestion);
  TriageResult r = Triage(In(u, [](TriageInput& in) { in.followers = 600; }),
                          TriagePolicy{.vip_followers = 5000, .wide_followers = 500});
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"reach:wide"}));
}

TEST(Understanding, LabelsAreValidatedPerTask) {
  EXPECT_TRUE(IsValidLabel("sentiment", "negative"));
  EXPECT_FALSE(IsValidLabel("sentiment", "angry"));
  EXPECT_TRUE(IsValidLabel("intent", "complaint"));
  EXPECT_TRUE(IsValidLabel("language", "he"));
  EXPECT_FALSE(IsValidLabel("language", "Hebrew"));
  EXPECT_TRUE(IsValidLabel("sensitivity", ""));
  EXPECT_TRUE(IsValidLabel("sensitivity", "health,legal"));
  EXPECT_FALSE(IsValidLabel("sensitivity", "health,"));
  EXPECT_FALSE(IsValidLabel("sensitivity", "weather"));
  EXPECT_FALSE(IsValidLabel("mood", "happy"));
}

}  // namespace
}  // namespace fr::domain
