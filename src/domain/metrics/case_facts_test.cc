#include "domain/metrics/case_facts.h"

#include <gtest/gtest.h>

#include "domain/sla/sla_test_util.h"

namespace fr::domain::metrics {
namespace {

using sla::sla_testing::H;
using sla::sla_testing::kHour;
using sla::sla_testing::Utc;

constexpr std::int64_t kMinute = 60'000;

class CaseFactsTest : public ::testing::Test {
 protected:
  CaseFactsTest() {
    kase_.id = 7;
    kase_.customer_id = 3;
    kase_.platform = Platform::kX;
    kase_.account_id = "brand";
    kase_.status = CaseStatus::kOpen;
    kase_.priority = Priority::kHigh;
    kase_.team = 2;
    kase_.assignee = 11;
    // Monday 2026-01-19 16:30 in Jerusalem (14:30 UTC): half an hour before closing.
    kase_.opened_at = Utc({2026, 1, 19}, H(14, 30));
    in_.kase = &kase_;
    in_.calendar = &calendar_;
  }

  void Customer(std::int64_t after_open_ms) { in_.timeline.push_back({kase_.opened_at + after_open_ms, true, true}); }
  void Agent(std::int64_t after_open_ms) { in_.timeline.push_back({kase_.opened_at + after_open_ms, false, true}); }
  void Bot(std::int64_t after_open_ms) { in_.timeline.push_back({kase_.opened_at + after_open_ms, false, false}); }

  Case kase_;
  sla::BusinessCalendar calendar_ = sla::sla_testing::LunchBreakCalendar();
  CaseFactInputs in_;
};

TEST_F(CaseFactsTest, FirstResponseInCalendarAndBusinessTime) {
  Customer(0);
  Agent(18 * kHour);  // Tuesday 10:30 local, but Tuesday 2026-01-20 is a holiday in this calendar
  const CaseFacts f = MakeCaseFacts(in_);
  EXPECT_EQ(f.first_response_ms, 18 * kHour);
  // Monday 16:30-17:00 only: Tuesday is a holiday and the reply came before Wednesday.
  EXPECT_EQ(f.first_response_business_ms, 30 * kMinute);
  EXPECT_EQ(f.customer_messages, 1);
  EXPECT_EQ(f.answered_messages, 1);
  EXPECT_EQ(f.next_response_count, 0);
}

TEST_F(CaseFactsTest, AutomaticRepliesAreNotResponses) {
  Customer(0);
  Bot(5 * kMinute);  // an automatic acknowledgement
  Customer(10 * kMinute);
  Agent(40 * kMinute);
  const CaseFacts f = MakeCaseFacts(in_);
  EXPECT_EQ(f.first_response_ms, 40 * kMinute);
  EXPECT_EQ(f.answered_messages, 2);
}

TEST_F(CaseFactsTest, NextResponsesRunFromTheFirstUnansweredMessage) {
  Customer(0);
  Agent(10 * kMinute);
  Customer(20 * kMinute);  // waits 30 minutes
  Customer(25 * kMinute);
  Agent(50 * kMinute);
  Agent(55 * kMinute);     // a second reply answers nothing new
  Customer(60 * kMinute);  // waits 60 minutes
  Agent(120 * kMinute);
  Customer(130 * kMinute);  // still waiting
  const CaseFacts f = MakeCaseFacts(in_);
  EXPECT_EQ(f.first_response_ms, 10 * kMinute);
  EXPECT_EQ(f.next_response_count, 2);
  EXPECT_EQ(f.next_response_sum_ms, 90 * kMinute);
  EXPECT_EQ(f.customer_messages, 5);
  EXPECT_EQ(f.answered_messages, 4);
}

TEST_F(CaseFactsTest, UnansweredCaseHasNoResponseTimes) {
  Customer(0);
  const CaseFacts f = MakeCaseFacts(in_);
  EXPECT_FALSE(f.first_response_ms);
  EXPECT_FALSE(f.first_response_business_ms);
  EXPECT_EQ(f.answered_messages, 0);
}

TEST_F(CaseFactsTest, ResolutionOnlyWhileResolvedOrClosed) {
  Customer(0);
  in_.resolved_at = kase_.opened_at + 3 * kHour;
  EXPECT_FALSE(MakeCaseFacts(in_).resolution_ms) << "an open case is not resolved";
  kase_.status = CaseStatus::kResolved;
  EXPECT_EQ(MakeCaseFacts(in_).resolution_ms, 3 * kHour);
}

TEST_F(CaseFactsTest, FirstResponseSlaOutcome) {
  sla::CaseSlaClocks clocks;
  in_.clocks = &clocks;
  EXPECT_EQ(MakeCaseFacts(in_).first_response_sla, SlaOutcome::kNone);
  sla::CaseSlaClock c;
  c.clock.target = std::chrono::hours(1);
  c.clock.phase = sla::SlaPhase::kRunning;
  clocks.first_response = c;
  EXPECT_EQ(MakeCaseFacts(in_).first_response_sla, SlaOutcome::kNone) << "still running";
  clocks.first_response->clock.phase = sla::SlaPhase::kStopped;
  clocks.first_response->clock.consumed = std::chrono::minutes(59);
  EXPECT_EQ(MakeCaseFacts(in_).first_response_sla, SlaOutcome::kMet);
  clocks.first_response->clock.consumed = std::chrono::minutes(61);
  EXPECT_EQ(MakeCaseFacts(in_).first_response_sla, SlaOutcome::kBreached)
      << "stopped after the target, even if the breach was never raised";
  clocks.first_response->clock.phase = sla::SlaPhase::kRunning;
  clocks.first_response->breached = true;
  EXPECT_EQ(MakeCaseFacts(in_).first_response_sla, SlaOutcome::kBreached);
}

TEST_F(CaseFactsTest, GroupsAndOpeningInsight) {
  Understanding u;
  u.language = "he";
  u.sentiment = Sentiment::kNegative;
  u.intent = Intent::kComplaint;
  in_.opening = &u;
  in_.opening_rules = {"food.safety", "brand", "brand"};
  CaseFacts f = MakeCaseFacts(in_);
  EXPECT_EQ(f.groups.platform, "x");
  EXPECT_EQ(f.groups.account, "brand");
  EXPECT_EQ(f.groups.team, "2");
  EXPECT_EQ(f.groups.agent, "11");
  EXPECT_EQ(f.groups.priority, "high");
  EXPECT_EQ(f.groups.language, "he");
  EXPECT_EQ(f.groups.intent, "complaint");
  EXPECT_EQ(f.groups.rules, (std::vector<std::string>{"brand", "food.safety"}));
  EXPECT_EQ(f.sentiment, Sentiment::kNegative);
  EXPECT_TRUE(f.complaint);
  EXPECT_FALSE(f.repeat_complaint);
  in_.earlier_complaint_in_window = true;
  EXPECT_TRUE(MakeCaseFacts(in_).repeat_complaint);
  u.intent = Intent::kQuestion;
  EXPECT_FALSE(MakeCaseFacts(in_).repeat_complaint) << "only a complaint repeats one";
}

TEST_F(CaseFactsTest, BrandMessagesBeforeTheCaseOpenedAreNotResponses) {
  Agent(-5 * kMinute);  // the brand's post the customer answered
  Customer(0);
  const CaseFacts f = MakeCaseFacts(in_);
  EXPECT_FALSE(f.first_response_ms);
}

}  // namespace
}  // namespace fr::domain::metrics
