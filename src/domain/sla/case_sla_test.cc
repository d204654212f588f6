#include "domain/sla/case_sla.h"

#include <gtest/gtest.h>

#include "domain/case_workflow.h"
#include "domain/sla/escalation.h"
#include "domain/sla/sla_test_util.h"

namespace fr::domain::sla {
namespace {

using sla_testing::H;
using sla_testing::kHour;
using sla_testing::Utc;
using std::chrono::milliseconds;

constexpr std::int64_t kMinute = kMillisPerMinute;

// A Hebrew X complaint opened at t0 (Monday 2026-05-04 10:00 UTC).
const UnixMillis t0 = Utc({2026, 5, 4}, H(10));

Case Opened(UnixMillis at = t0) {
  Case c;
  c.id = 7;
  c.platform = Platform::kX;
  c.status = CaseStatus::kNew;
  c.status_since = at;
  c.opened_at = at;
  c.last_activity_at = at;
  c.last_customer_message_at = at;
  c.message_count = 1;
  return c;
}

CaseSlaClocks Sync(const Case& c, const CaseSlaClocks& current,
                   const BusinessCalendar& cal = BusinessCalendar::AlwaysOpen()) {
  auto out = SyncCaseSla(c, current, DefaultSlaPolicy(c.platform, c.priority), cal);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : CaseSlaClocks{};
}

TEST(CaseSlaTest, ANewCaseStartsItsFirstResponseClockAtTheOpeningMessage) {
  CaseSlaClocks clocks = Sync(Opened(), {});
  ASSERT_TRUE(clocks.first_response);
  EXPECT_FALSE(clocks.next_response);
  const CaseSlaClock& first = *clocks.first_response;
  EXPECT_EQ(first.metric, SlaMetric::kFirstResponse);
  EXPECT_EQ(first.started_at, t0);
  EXPECT_EQ(first.clock.target, milliseconds(kHour));  // X: one hour
  EXPECT_EQ(first.clock.phase, SlaPhase::kRunning);
  EXPECT_EQ(first.due_at, t0 + kHour);
  EXPECT_EQ(first.warn_at, t0 + 48 * kMinute);
  EXPECT_EQ(CurrentClock(clocks), &*clocks.first_response);
}

TEST(CaseSlaTest, SyncIsIdempotent) {
  Case c = Opened();
  CaseSlaClocks once = Sync(c, {});
  EXPECT_EQ(Sync(c, once), once);
  NoteAgentReply(c, t0 + 20 * kMinute);
  CaseSlaClocks answered = Sync(c, once);
  EXPECT_EQ(Sync(c, answered), answered);
}

TEST(CaseSlaTest, PriorityAndPlatformChooseTheTarget) {
  Case c = Opened();
  c.priority = Priority::kUrgent;
  EXPECT_EQ(Sync(c, {}).first_response->clock.target, milliseconds(30 * kMinute));
  c.platform = Platform::kLinkedIn;
  c.priority = Priority::kNormal;
  EXPECT_EQ(Sync(c, {}).first_response->clock.target, milliseconds(24 * kHour));
}

TEST(CaseSlaTest, TheFirstAgentReplyStopsTheFirstClockInTime) {
  Case c = Opened();
  CaseSlaClocks clocks = Sync(c, {});
  NoteAgentReply(c, t0 + 50 * kMinute);
  clocks = Sync(c, clocks);
  const CaseSlaClock& first = *clocks.first_response;
  EXPECT_EQ(first.clock.phase, SlaPhase::kStopped);
  EXPECT_EQ(first.clock.consumed, milliseconds(50 * kMinute));
  EXPECT_FALSE(first.due_at);
  EXPECT_FALSE(first.warn_at);
  EXPECT_EQ(*StateAt(first.clock, t0 + 5 * kHour, BusinessCalendar::AlwaysOpen()),
            SlaState::kMet);
  EXPECT_FALSE(clocks.next_response);  // nobody is waiting
}

TEST(CaseSlaTest, ALateReplyStopsTheClockBreached) {
  Case c = Opened();
  CaseSlaClocks clocks = Sync(c, {});
  NoteAgentReply(c, t0 + 2 * kHour);
  clocks = Sync(c, clocks);
  EXPECT_EQ(*StateAt(clocks.first_response->clock, t0 + 3 * kHour, BusinessCalendar::AlwaysOpen()),
            SlaState::kBreached);
}

TEST(CaseSlaTest, PendingPausesAndTheCustomersAnswerResumes) {
  Case c = Opened();
  CaseSlaClocks clocks = Sync(c, {});
  EnterStatus(c, CaseStatus::kPending, t0 + 10 * kMinute);  // asked the customer something
  clocks = Sync(c, clocks);
  EXPECT_EQ(clocks.first_response->clock.phase, SlaPhase::kPaused);
  EXPECT_EQ(clocks.first_response->clock.consumed, milliseconds(10 * kMinute));
  EXPECT_FALSE(clocks.first_response->due_at);

  NoteCustomerMessage(c, t0 + 3 * kHour);  // the customer answers: open again
  EXPECT_EQ(c.status, CaseStatus::kOpen);
  clocks = Sync(c, clocks);
  EXPECT_EQ(clocks.first_response->clock.phase, SlaPhase::kRunning);
  // 50 minutes of the hour are left from 13:00.
  EXPECT_EQ(clocks.first_response->due_at, t0 + 3 * kHour + 50 * kMinute);
  EXPECT_FALSE(clocks.next_response);  // the first response is still owed
}

TEST(CaseSlaTest, ACustomerMessageAfterAReplyStartsANextResponseClock) {
  Case c = Opened();
  CaseSlaClocks clocks = Sync(c, {});
  NoteAgentReply(c, t0 + 10 * kMinute);
  clocks = Sync(c, clocks);
  NoteCustomerMessage(c, t0 + 30 * kMinute);
  clocks = Sync(c, clocks);
  ASSERT_TRUE(clocks.next_response);
  EXPECT_EQ(clocks.next_response->started_at, t0 + 30 * kMinute);
  EXPECT_EQ(clocks.next_response->due_at, t0 + 90 * kMinute);
  EXPECT_EQ(CurrentClock(clocks), &*clocks.next_response);

  // A second customer message before the answer does not restart the clock.
  NoteCustomerMessage(c, t0 + 40 * kMinute);
  EXPECT_EQ(Sync(c, clocks), clocks);

  // The answer stops it; the next customer message starts a fresh one with fresh flags.
  clocks.next_response->warned = true;
  NoteAgentReply(c, t0 + 70 * kMinute);
  clocks = Sync(c, clocks);
  EXPECT_EQ(clocks.next_response->clock.phase, SlaPhase::kStopped);
  EXPECT_EQ(clocks.next_response->clock.consumed, milliseconds(40 * kMinute));
  NoteCustomerMessage(c, t0 + 5 * kHour);
  clocks = Sync(c, clocks);
  EXPECT_EQ(clocks.next_response->started_at, t0 + 5 * kHour);
  EXPECT_EQ(clocks.next_response->clock.phase, SlaPhase::kRunning);
  EXPECT_FALSE(clocks.next_response->warned);
}

TEST(CaseSlaTest, AReplySentBeforeTheCustomersNewMessageDoesNotAnswerIt) {
  Case c = Opened();
  CaseSlaClocks clocks = Sync(c, {});
  NoteAgentReply(c, t0 + 10 * kMinute);
  NoteCustomerMessage(c, t0 + 11 * kMinute);
  clocks = Sync(c, clocks);
  ASSERT_TRUE(clocks.next_response);
  EXPECT_EQ(clocks.next_response->clock.phase, SlaPhase::kRunning);
}

TEST(CaseSlaTest, ResolvingStopsTheClockAndReopeningStartsANextResponse) {
  Case c = Opened();
  CaseSlaClocks clocks = Sync(c, {});
  EnterStatus(c, CaseStatus::kResolved, t0 + 5 * kMinute);  // solved without a reply (spam)
  clocks = Sync(c, clocks);
  EXPECT_EQ(clocks.first_response->clock.phase, SlaPhase::kStopped);
  EXPECT_EQ(clocks.first_response->clock.consumed, milliseconds(5 * kMinute));
  EXPECT_FALSE(clocks.next_response);

  EnterStatus(c, CaseStatus::kOpen, t0 + 2 * kHour);  // the customer writes again
  NoteCustomerMessage(c, t0 + 2 * kHour);
  clocks = Sync(c, clocks);
  ASSERT_TRUE(clocks.next_response);
  EXPECT_EQ(clocks.next_response->started_at, t0 + 2 * kHour);
  EXPECT_EQ(clocks.next_response->due_at, t0 + 3 * kHour);
}

// Synchronising once, late, gives the clocks that step-by-step synchronising gives: what a
// restart or a case written before the clocks existed relies on.
TEST(CaseSlaTest, ALateSyncReachesTheSameClocks) {
  Case c = Opened();
  CaseSlaClocks stepwise = Sync(c, {});
  EnterStatus(c, CaseStatus::kOpen, t0 + 1 * kMinute);
  stepwise = Sync(c, stepwise);
  NoteAgentReply(c, t0 + 30 * kMinute);
  stepwise = Sync(c, stepwise);
  EXPECT_EQ(Sync(c, {}), stepwise);
}

// Business hours: a Thursday-evening X complaint on the Israeli calendar is due on Sunday.
TEST(CaseSlaTest, DueTimesFollowTheTeamsCalendar) {
  const BusinessCalendar cal = sla_testing::IsraeliCalendar();
  // Thursday 2026-05-07 17:30 in Jerusalem (UTC+3) is 14:30 UTC; half an hour is left that
  // day, the other half runs from Friday 09:00 (06:00 UTC).
  const UnixMillis thursday = Utc({2026, 5, 7}, H(14, 30));
  CaseSlaClocks clocks = Sync(Opened(thursday), {}, cal);
  EXPECT_EQ(clocks.first_response->due_at, Utc({2026, 5, 8}, H(6, 30)));
}

TEST(CaseSlaTest, ACalendarWithoutWorkingTimeIsAnError) {
  CalendarSpec spec;  // closed every day
  auto closed = BusinessCalendar::Create(spec);
  ASSERT_TRUE(closed.ok());
  auto out = SyncCaseSla(Opened(), {}, DefaultSlaPolicy(Platform::kX, Priority::kNormal), *closed);
  EXPECT_FALSE(out.ok());
}

TEST(EscalationTest, PriorityRisesOneStepAndActionNamesRoundTrip) {
  EXPECT_EQ(RaisedPriority(Priority::kLow), Priority::kNormal);
  EXPECT_EQ(RaisedPriority(Priority::kNormal), Priority::kHigh);
  EXPECT_EQ(RaisedPriority(Priority::kHigh), Priority::kUrgent);
  EXPECT_EQ(RaisedPriority(Priority::kUrgent), Priority::kUrgent);
  for (EscalationAction a : {EscalationAction::kNotifySupervisors,
                             EscalationAction::kRaisePriority, EscalationAction::kReassign}) {
    EXPECT_EQ(ParseEscalationAction(EscalationActionName(a)), a);
  }
  EXPECT_FALSE(ParseEscalationAction("page_the_ceo"));
}

}  // namespace
}  // namespace fr::domain::sla
