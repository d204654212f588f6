#include "engine/sla/sla_scheduler.h"

#include <gtest/gtest.h>

#include <vector>

#include "domain/case_workflow.h"
#include "domain/sla/israeli_calendar.h"
#include "engine/route/presence.h"
#include "engine/store_fixture_test_util.h"
#include "engine/work/case_desk.h"

namespace fr::engine {
namespace {

using domain::CaseEventKind;
using domain::CaseStatus;
using domain::Priority;
using domain::sla::EscalationAction;
using domain::sla::SlaPhase;

constexpr UnixMillis kMinute = 60'000;

// A real store with the tracker installed as its case-write hook, a manual clock, a routing
// sweep for re-assignment, and the scheduler under test.
class SlaSchedulerTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    sweep_ = std::make_unique<RoutingSweep>(*store_, clock_, presence_, RoutingOptions{});
    desk_ = std::make_unique<CaseDesk>(*store_, clock_);
    Install(SlaSettings{});
  }

  // Builds the tracker and a fresh scheduler (as a restarted server does) from `settings`.
  void Install(SlaSettings settings) {
    scheduler_.reset();
    tracker_ = std::make_unique<SlaTracker>(std::move(settings));
    store_->SetCaseWriteHook([t = tracker_.get()](ports::StoreTxn& txn, const domain::Case& c) {
      return t->Track(txn, c);
    });
    scheduler_ = std::make_unique<SlaScheduler>(
        *store_, clock_, *tracker_, sweep_.get(), SlaSchedulerOptions{},
        [this](const domain::Case& c, const domain::CaseEvent& e) { heard_.push_back(e); });
  }

  SlaPassCounts Pass() {
    auto counts = scheduler_->RunOnce();
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : SlaPassCounts{};
  }

  std::vector<CaseEventKind> History(domain::CaseId id) {
    std::vector<CaseEventKind> kinds;
    const std::vector<domain::CaseEvent> events = *store_->work().ListCaseEvents(id);
    for (const auto& e : events) kinds.push_back(e.kind);
    return kinds;
  }

  domain::sla::CaseSlaClocks Clocks(domain::CaseId id) { return *store_->sla().GetClocks(id); }

  Presence presence_{clock_, PresenceOptions{}};
  std::unique_ptr<RoutingSweep> sweep_;
  std::unique_ptr<CaseDesk> desk_;
  std::unique_ptr<SlaTracker> tracker_;
  std::unique_ptr<SlaScheduler> scheduler_;
  std::vector<domain::CaseEvent> heard_;
};

TEST_F(SlaSchedulerTest, AnUnansweredXCaseWarnsAtEightyPercentThenBreachesAndEscalatesOnce) {
  domain::CaseId id = AddCase();  // X, normal priority: one hour
  ASSERT_TRUE(Clocks(id).first_response);
  EXPECT_EQ(Clocks(id).first_response->due_at, kStart + 60 * kMinute);

  clock_.Set(kStart + 48 * kMinute - 1);
  EXPECT_EQ(Pass().warnings, 0);
  clock_.Set(kStart + 48 * kMinute);
  SlaPassCounts counts = Pass();
  EXPECT_EQ(counts.warnings, 1);
  EXPECT_EQ(counts.breaches, 0);
  EXPECT_EQ(History(id), (std::vector{CaseEventKind::kSlaWarning}));
  EXPECT_EQ(Pass().warnings, 0);  // raised once

  clock_.Set(kStart + 60 * kMinute);
  EXPECT_EQ(Pass().breaches, 1);
  // The default plan: notify the supervisors and raise the priority.
  EXPECT_EQ(History(id), (std::vector{CaseEventKind::kSlaWarning, CaseEventKind::kSlaBreached,
                                      CaseEventKind::kEscalated,
                                      CaseEventKind::kPriorityChanged}));
  EXPECT_EQ(GetCase(id).priority, Priority::kHigh);
  auto events = *store_->work().ListCaseEvents(id);
  EXPECT_EQ(events[1].detail, "first_response");
  EXPECT_EQ(events[2].detail, "notify_supervisors");
  EXPECT_EQ(events[3].detail, "normal>high");
  EXPECT_FALSE(events[1].actor.has_value());  // the system did it
  EXPECT_EQ(heard_.size(), 4u);               // the live feed hears every entry

  clock_.Advance(5 * 60 * kMinute);
  SlaPassCounts later = Pass();
  EXPECT_EQ(later.breaches + later.warnings, 0);
  EXPECT_EQ(History(id).size(), 4u);
}

TEST_F(SlaSchedulerTest, ARepliedCaseRaisesNothing) {
  domain::CaseId id = AddCase();
  clock_.Set(kStart + 30 * kMinute);
  Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
    domain::NoteAgentReply(*c, clock_.NowMillis());
    return txn.UpdateCase(*c);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Clocks(id).first_response->clock.phase, SlaPhase::kStopped);
  clock_.Set(kStart + 10 * 60 * kMinute);
  SlaPassCounts counts = Pass();
  EXPECT_EQ(counts.warnings + counts.breaches, 0);
  EXPECT_TRUE(History(id).empty());
}

TEST_F(SlaSchedulerTest, PendingOnTheCustomerPausesTheClock) {
  domain::User dana = AddUser("dana");
  domain::CaseId id = AddCase();
  ASSERT_TRUE(desk_->Assign(dana, id, dana.id).ok());
  clock_.Set(kStart + 10 * kMinute);
  ASSERT_TRUE(desk_->SetStatus(dana, id, CaseStatus::kPending).ok());
  EXPECT_EQ(Clocks(id).first_response->clock.phase, SlaPhase::kPaused);
  clock_.Set(kStart + 24 * 60 * kMinute);
  EXPECT_EQ(Pass().breaches, 0);  // a day later, still paused

  // Back to open: 50 minutes are left from now.
  ASSERT_TRUE(desk_->SetStatus(dana, id, CaseStatus::kOpen).ok());
  EXPECT_EQ(Clocks(id).first_response->due_at, clock_.NowMillis() + 50 * kMinute);
  clock_.Advance(50 * kMinute);
  EXPECT_EQ(Pass().breaches, 1);
}

// Due times live in the store: a scheduler built after a restart raises what came due while
// the server was down, and only that, once.
TEST_F(SlaSchedulerTest, ARestartedSchedulerRaisesWhatCameDueWhileDown) {
  domain::CaseId due = AddCase();
  clock_.Set(kStart + 30 * kMinute);
  domain::CaseId later = AddCase();
  scheduler_.reset();  // the server stops at kStart + 30 min...

  // ...and comes back 50 minutes later, with the store reopened from disk.
  store_.reset();
  storage::sqlite::SqliteOptions options;
  options.path = dir_.File("t.db");
  store_ = std::move(storage::sqlite::SqliteStore::Open(options)).value();
  sweep_ = std::make_unique<RoutingSweep>(*store_, clock_, presence_, RoutingOptions{});
  clock_.Set(kStart + 80 * kMinute);
  Install(SlaSettings{});
  SlaPassCounts counts = Pass();
  // `due` breached at 60 min: the breach alone, not a stale warning before it. `later`
  // (opened at 30 min) has reached its warning at 78 min, not its breach at 90.
  EXPECT_EQ(counts.breaches, 1);
  EXPECT_EQ(counts.warnings, 1);
  EXPECT_EQ(History(due)[0], CaseEventKind::kSlaBreached);
  EXPECT_EQ(History(later), (std::vector{CaseEventKind::kSlaWarning}));
  SlaPassCounts again = Pass();
  EXPECT_EQ(again.breaches + again.warnings, 0);
}

TEST_F(SlaSchedulerTest, ReassignOnBreachMovesTheCaseToAnotherPresentAgent) {
  SlaSettings settings;
  settings.escalation.on_breach = {EscalationAction::kReassign};
  Install(std::move(settings));
  domain::User a = AddUser("a"), b = AddUser("b");
  AddTeam("care", {a.id, b.id});
  presence_.Connect(a.id);
  domain::CaseId id = AddCase();
  ASSERT_TRUE(sweep_->RunOnce().ok());
  ASSERT_EQ(GetCase(id).assignee, a.id);

  clock_.Set(kStart + 60 * kMinute);
  EXPECT_EQ(Pass().reassigned, 0);  // nobody else is there: a keeps it
  EXPECT_EQ(GetCase(id).assignee, a.id);

  // A second breach needs a second clock: the customer writes after a's late reply.
  presence_.Connect(b.id);
  Status s = ports::WriteOne(*store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(id));
    domain::NoteAgentReply(*c, clock_.NowMillis());
    domain::NoteCustomerMessage(*c, clock_.NowMillis() + kMinute);
    return txn.UpdateCase(*c);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(Clocks(id).next_response);
  clock_.Advance(62 * kMinute);
  SlaPassCounts counts = Pass();
  EXPECT_EQ(counts.breaches, 1);
  EXPECT_EQ(counts.reassigned, 1);
  EXPECT_EQ(GetCase(id).assignee, b.id);
  auto events = *store_->work().ListCaseEvents(id);
  bool unassigned_for_breach = false;
  for (const auto& e : events) {
    if (e.kind == CaseEventKind::kUnassigned && e.detail == "sla_breach") {
      unassigned_for_breach = e.user == a.id;
    }
  }
  EXPECT_TRUE(unassigned_for_breach);
}

// Business hours: a complaint at 17:30 on a Thursday in Jerusalem has half an hour that day
// and the rest on Friday morning, so it breaches at 09:30 on Friday, not at 18:30 Thursday.
TEST_F(SlaSchedulerTest, DueTimesRunInTheTeamsBusinessHours) {
  domain::User dana = AddUser("dana");
  domain::Team team = AddTeam("צוות X", {dana.id});
  SlaSettings settings;
  settings.team_calendars.emplace(
      team.id, std::move(domain::sla::BusinessCalendar::Create(domain::sla::IsraeliWeek())).value());
  Install(std::move(settings));
  // Thursday 2026-05-07 17:30 in Jerusalem is 14:30 UTC.
  const UnixMillis thursday = UtcMillisOf({2026, 5, 7}, 14 * 60 + 30);
  clock_.Set(thursday);
  domain::CaseId id = AddCase();
  presence_.Connect(dana.id);
  ASSERT_TRUE(sweep_->RunOnce().ok());  // routing puts it in the team: its calendar applies
  ASSERT_EQ(GetCase(id).team, team.id);
  const UnixMillis friday_0930 = UtcMillisOf({2026, 5, 8}, 6 * 60 + 30);
  EXPECT_EQ(Clocks(id).first_response->due_at, friday_0930);

  clock_.Set(thursday + 60 * kMinute);
  EXPECT_EQ(Pass().breaches, 0);
  clock_.Set(friday_0930);
  EXPECT_EQ(Pass().breaches, 1);
}

TEST_F(SlaSchedulerTest, ReconcileGivesClocksToCasesWrittenWithoutThem) {
  store_->SetCaseWriteHook({});
  domain::CaseId id = AddCase();
  EXPECT_FALSE(Clocks(id).first_response);
  Install(SlaSettings{});
  auto seen = scheduler_->Reconcile();
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  EXPECT_EQ(*seen, 1);
  ASSERT_TRUE(Clocks(id).first_response);
  EXPECT_EQ(Clocks(id).first_response->due_at, kStart + 60 * kMinute);
}

TEST_F(SlaSchedulerTest, ReadShowsTheCurrentClockAsOfNow) {
  domain::CaseId id = AddCase();
  clock_.Set(kStart + 50 * kMinute);
  auto reading = tracker_->Read(GetCase(id), Clocks(id), clock_.NowMillis());
  ASSERT_TRUE(reading.ok() && reading->has_value());
  EXPECT_EQ((*reading)->state, domain::sla::SlaState::kWarning);
  EXPECT_EQ((*reading)->consumed, std::chrono::milliseconds(50 * kMinute));
  EXPECT_EQ((*reading)->due_at, kStart + 60 * kMinute);
}

}  // namespace
}  // namespace fr::engine
