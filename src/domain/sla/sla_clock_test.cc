#include "domain/sla/sla_clock.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <tuple>

#include "domain/sla/sla_test_util.h"

namespace fr::domain::sla {
namespace {

using sla_testing::H;
using sla_testing::kHour;
using sla_testing::Utc;
using std::chrono::milliseconds;

constexpr std::int64_t kMinute = kMillisPerMinute;

SlaClock Start(std::int64_t target, UnixMillis at, double warn_fraction = 0.8) {
  auto clock = StartSlaClock(milliseconds(target), warn_fraction, at);
  EXPECT_TRUE(clock.ok()) << clock.status().ToString();
  return *clock;
}

UnixMillis Due(const SlaClock& clock, const BusinessCalendar& cal) {
  auto due = DueAt(clock, cal);
  EXPECT_TRUE(due.ok()) << due.status().ToString();
  return due.ok() ? due->value_or(-1) : -1;
}

SlaState State(const SlaClock& clock, UnixMillis t, const BusinessCalendar& cal) {
  auto state = StateAt(clock, t, cal);
  EXPECT_TRUE(state.ok()) << state.status().ToString();
  return state.ok() ? *state : SlaState::kOnTrack;
}

TEST(SlaClockTest, StartRejectsBadTargets) {
  const double bad_fractions[] = {0, -0.5, 1.5, std::nan("")};
  for (double fraction : bad_fractions) {
    EXPECT_EQ(StartSlaClock(milliseconds(kHour), fraction, 0).status().reason(),
              "invalid_sla_target");
  }
  EXPECT_EQ(StartSlaClock(milliseconds(-1), 0.8, 0).status().reason(), "invalid_sla_target");
  const SlaClock clock = Start(kHour, 5);
  EXPECT_EQ(clock.target, milliseconds(kHour));
  EXPECT_EQ(clock.warn_after, milliseconds(48 * kMinute));
  EXPECT_EQ(clock.phase, SlaPhase::kRunning);
  EXPECT_EQ(clock.phase_since, 5);
  EXPECT_EQ(clock.consumed, milliseconds(0));
}

// On an always-open calendar the thresholds are plain arithmetic, to the millisecond.
TEST(SlaClockTest, WarnsAtExactlyEightyPercentAndBreachesAtTheTarget) {
  const BusinessCalendar cal = BusinessCalendar::AlwaysOpen();
  const UnixMillis t0 = Utc({2026, 5, 4}, H(10));
  const SlaClock clock = Start(kHour, t0);
  EXPECT_EQ(**WarnAt(clock, cal), t0 + 48 * kMinute);
  EXPECT_EQ(Due(clock, cal), t0 + kHour);
  const struct {
    UnixMillis t;
    SlaState state;
  } cases[] = {
      {t0 - kHour, SlaState::kOnTrack},  // before the start reads as the start
      {t0, SlaState::kOnTrack},
      {t0 + 48 * kMinute - 1, SlaState::kOnTrack},
      {t0 + 48 * kMinute, SlaState::kWarning},
      {t0 + kHour - 1, SlaState::kWarning},
      {t0 + kHour, SlaState::kBreached},
      {t0 + 100 * kHour, SlaState::kBreached},
  };
  for (const auto& c : cases) EXPECT_EQ(State(clock, c.t, cal), c.state) << c.t - t0;
  EXPECT_EQ(*ScheduledEvents(clock, cal),
            (std::vector<SlaEvent>{{SlaEventKind::kWarn, t0 + 48 * kMinute},
                                   {SlaEventKind::kBreach, t0 + kHour}}));
}

TEST(SlaClockTest, BusinessTimeSkipsLunch) {
  const BusinessCalendar cal = sla_testing::LunchBreakCalendar();
  // Monday 2026-01-12 10:00 local, 4 h: 10:00-12:00, then 13:00-15:00.
  const SlaClock clock = Start(4 * kHour, Utc({2026, 1, 12}, H(8)));
  EXPECT_EQ(Due(clock, cal), Utc({2026, 1, 12}, H(13)));
  // 80 % is 3 h 12 min: 2 h before lunch, 1 h 12 min after.
  EXPECT_EQ(**WarnAt(clock, cal), Utc({2026, 1, 12}, H(12, 12)));
  EXPECT_EQ(State(clock, Utc({2026, 1, 12}, H(10, 30)), cal), SlaState::kOnTrack);  // lunch
}

// The case waits on the customer from Thursday 17:00 until they answer on Saturday: Friday's
// working morning does not count, and the due time moves from Friday 11:00 to Sunday 12:00.
TEST(SlaClockTest, PauseAndResumeOverClosedHours) {
  const BusinessCalendar cal = sla_testing::IsraeliCalendar();
  ManualClock now(Utc({2026, 1, 15}, H(14)));  // Thursday 16:00 local (UTC+2)
  SlaClock clock = Start(4 * kHour, now.NowMillis());
  EXPECT_EQ(Due(clock, cal), Utc({2026, 1, 16}, H(9)));  // 2 h Thursday, 2 h Friday morning

  now.Advance(kHour);  // Thursday 17:00: the agent asks a question
  clock = *PauseSlaClock(clock, now.NowMillis(), cal);
  EXPECT_EQ(clock.phase, SlaPhase::kPaused);
  EXPECT_EQ(clock.consumed, milliseconds(kHour));
  EXPECT_EQ(*DueAt(clock, cal), std::nullopt);
  EXPECT_TRUE(ScheduledEvents(clock, cal)->empty());

  now.Set(Utc({2026, 1, 16}, H(11)));  // Friday 13:00: still waiting
  EXPECT_EQ(State(clock, now.NowMillis(), cal), SlaState::kPaused);
  EXPECT_EQ(*ConsumedAt(clock, now.NowMillis(), cal), milliseconds(kHour));

  now.Set(Utc({2026, 1, 17}, H(9)));  // Saturday 11:00: the customer answers
  clock = ResumeSlaClock(clock, now.NowMillis());
  EXPECT_EQ(clock.phase, SlaPhase::kRunning);
  EXPECT_EQ(Due(clock, cal), Utc({2026, 1, 18}, H(10)));  // Sunday 12:00
  EXPECT_EQ(State(clock, Utc({2026, 1, 18}, H(9, 59)), cal), SlaState::kWarning);
  EXPECT_EQ(State(clock, Utc({2026, 1, 18}, H(10)), cal), SlaState::kBreached);
}

TEST(SlaClockTest, APauseLongerThanTheTargetDoesNotBreach) {
  const BusinessCalendar cal = BusinessCalendar::AlwaysOpen();
  const UnixMillis t0 = Utc({2026, 5, 4}, H(10));
  ManualClock now(t0);
  SlaClock clock = Start(kHour, t0);
  now.Advance(10 * kMinute);
  clock = *PauseSlaClock(clock, now.NowMillis(), cal);
  now.Advance(3 * kMillisPerDay);
  EXPECT_EQ(State(clock, now.NowMillis(), cal), SlaState::kPaused);
  clock = ResumeSlaClock(clock, now.NowMillis());
  const UnixMillis resumed = now.NowMillis();
  EXPECT_EQ(Due(clock, cal), resumed + 50 * kMinute);
  EXPECT_EQ(State(clock, resumed + 38 * kMinute - 1, cal), SlaState::kOnTrack);
  EXPECT_EQ(State(clock, resumed + 38 * kMinute, cal), SlaState::kWarning);
  EXPECT_EQ(*ScheduledEvents(clock, cal),
            (std::vector<SlaEvent>{{SlaEventKind::kWarn, resumed + 38 * kMinute},
                                   {SlaEventKind::kBreach, resumed + 50 * kMinute}}));
}

TEST(SlaClockTest, ABreachStaysWhilePausedAndIsNotScheduledAgain) {
  const BusinessCalendar cal = BusinessCalendar::AlwaysOpen();
  const UnixMillis t0 = Utc({2026, 5, 4}, H(10));
  SlaClock clock = *PauseSlaClock(Start(kHour, t0), t0 + 2 * kHour, cal);
  EXPECT_EQ(State(clock, t0 + 3 * kHour, cal), SlaState::kBreached);
  clock = ResumeSlaClock(clock, t0 + 5 * kHour);
  EXPECT_EQ(State(clock, t0 + 5 * kHour, cal), SlaState::kBreached);
  EXPECT_EQ(Due(clock, cal), t0 + 5 * kHour);  // used up before the resume
  EXPECT_TRUE(ScheduledEvents(clock, cal)->empty());

  // Paused after the warning: on resume only the breach is left to arm.
  SlaClock warned = *PauseSlaClock(Start(kHour, t0), t0 + 50 * kMinute, cal);
  EXPECT_EQ(State(warned, t0 + 2 * kHour, cal), SlaState::kPaused);
  warned = ResumeSlaClock(warned, t0 + 2 * kHour);
  EXPECT_EQ(*ScheduledEvents(warned, cal),
            (std::vector<SlaEvent>{{SlaEventKind::kBreach, t0 + 2 * kHour + 10 * kMinute}}));
}

TEST(SlaClockTest, StoppingMeetsOrConfirmsTheBreach) {
  const BusinessCalendar cal = sla_testing::LunchBreakCalendar();
  const SlaClock clock = Start(4 * kHour, Utc({2026, 1, 12}, H(8)));
  const UnixMillis due = Utc({2026, 1, 12}, H(13));
  const struct {
    UnixMillis stop;
    SlaState state;
  } cases[] = {
      {due - 1, SlaState::kMet},
      {due, SlaState::kBreached},
      {Utc({2026, 1, 12}, H(20)), SlaState::kBreached},
  };
  for (const auto& c : cases) {
    const SlaClock stopped = *StopSlaClock(clock, c.stop, cal);
    EXPECT_EQ(stopped.phase, SlaPhase::kStopped);
    EXPECT_EQ(stopped.phase_since, c.stop);
    // A stopped clock no longer moves: its state is the same at any later time.
    EXPECT_EQ(State(stopped, c.stop, cal), c.state);
    EXPECT_EQ(State(stopped, c.stop + 30 * kMillisPerDay, cal), c.state);
    EXPECT_EQ(*DueAt(stopped, cal), std::nullopt);
    EXPECT_TRUE(ScheduledEvents(stopped, cal)->empty());
  }
  // Due at closing (17:00 local) and answered at 22:00: no business time passed after the due
  // time, and yet the answer is late.
  const SlaClock to_closing = Start(2 * kHour, Utc({2026, 1, 12}, H(13)));
  EXPECT_EQ(Due(to_closing, cal), Utc({2026, 1, 12}, H(15)));
  const SlaClock answered_at_night = *StopSlaClock(to_closing, Utc({2026, 1, 12}, H(20)), cal);
  EXPECT_EQ(answered_at_night.consumed, to_closing.target);
  EXPECT_EQ(State(answered_at_night, Utc({2026, 1, 12}, H(20)), cal), SlaState::kBreached);

  // A paused clock can be stopped too (the agent answers while waiting on the customer).
  const SlaClock paused = *PauseSlaClock(clock, Utc({2026, 1, 12}, H(9)), cal);
  const SlaClock stopped = *StopSlaClock(paused, Utc({2026, 1, 14}, H(9)), cal);
  EXPECT_EQ(stopped.consumed, milliseconds(kHour));
  EXPECT_EQ(State(stopped, Utc({2026, 1, 14}, H(9)), cal), SlaState::kMet);
}

TEST(SlaClockTest, RepeatedAndOutOfOrderTransitionsAreHarmless) {
  const BusinessCalendar cal = BusinessCalendar::AlwaysOpen();
  const UnixMillis t0 = Utc({2026, 5, 4}, H(10));
  const SlaClock running = Start(kHour, t0);
  EXPECT_EQ(ResumeSlaClock(running, t0 + kMinute), running);
  const SlaClock paused = *PauseSlaClock(running, t0 + 10 * kMinute, cal);
  EXPECT_EQ(*PauseSlaClock(paused, t0 + 20 * kMinute, cal), paused);
  const SlaClock stopped = *StopSlaClock(paused, t0 + 30 * kMinute, cal);
  EXPECT_EQ(*StopSlaClock(stopped, t0 + 40 * kMinute, cal), stopped);
  EXPECT_EQ(*PauseSlaClock(stopped, t0 + 50 * kMinute, cal), stopped);
  EXPECT_EQ(ResumeSlaClock(stopped, t0 + 50 * kMinute), stopped);
  // An event stamped before the current phase began changes the phase but uses no time.
  const SlaClock early = *PauseSlaClock(running, t0 - kHour, cal);
  EXPECT_EQ(early.phase_since, t0);
  EXPECT_EQ(early.consumed, milliseconds(0));
  EXPECT_EQ(ResumeSlaClock(early, t0 - kHour).phase_since, t0);
}

// After a restart the engine reads the stored fields back and re-arms: same due time, same
// events, whatever the time of the restart.
TEST(SlaClockTest, RearmingFromStoredFieldsGivesTheSameDueTime) {
  const BusinessCalendar cal = sla_testing::IsraeliCalendar();
  ManualClock now(Utc({2026, 9, 10}, H(12)));  // Thursday 15:00 local, before Rosh Hashanah
  SlaClock clock = Start(8 * kHour, now.NowMillis());
  now.Advance(kHour);
  clock = *PauseSlaClock(clock, now.NowMillis(), cal);
  now.Advance(20 * kHour);  // Friday 12:00, the eve of Rosh Hashanah
  clock = ResumeSlaClock(clock, now.NowMillis());
  const UnixMillis due = Due(clock, cal);
  const std::vector<SlaEvent> events = *ScheduledEvents(clock, cal);

  // What a store keeps: integers and the phase name.
  using Row = std::tuple<std::int64_t, std::int64_t, std::string, std::int64_t, std::int64_t>;
  const Row row{clock.target.count(), clock.warn_after.count(),
                std::string(SlaPhaseName(clock.phase)), clock.phase_since, clock.consumed.count()};

  now.Advance(3 * kMillisPerDay);  // the server restarts days later
  SlaClock restored;
  restored.target = milliseconds(std::get<0>(row));
  restored.warn_after = milliseconds(std::get<1>(row));
  restored.phase = ParseSlaPhase(std::get<2>(row)).value();
  restored.phase_since = std::get<3>(row);
  restored.consumed = milliseconds(std::get<4>(row));
  EXPECT_EQ(restored, clock);
  EXPECT_EQ(Due(restored, cal), due);
  EXPECT_EQ(*ScheduledEvents(restored, cal), events);
  // 7 h left from Friday 12:00 local: 1 h until the eve closes at 13:00, Rosh Hashanah on
  // Saturday and Sunday, then Monday 09:00-15:00.
  EXPECT_EQ(due, Utc({2026, 9, 14}, H(12)));
  EXPECT_EQ(State(restored, now.NowMillis(), cal), SlaState::kOnTrack);
}

TEST(SlaClockTest, ZeroHugeAndUnreachableTargets) {
  const BusinessCalendar always = BusinessCalendar::AlwaysOpen();
  const UnixMillis t0 = Utc({2026, 5, 4}, H(10));
  // Zero: due and breached at once; only the breach is armed.
  const SlaClock zero = Start(0, t0);
  EXPECT_EQ(Due(zero, always), t0);
  EXPECT_EQ(State(zero, t0, always), SlaState::kBreached);
  EXPECT_EQ(*ScheduledEvents(zero, always), (std::vector<SlaEvent>{{SlaEventKind::kBreach, t0}}));
  // Warn fraction 1: warning and breach coincide, so only the breach is armed.
  EXPECT_EQ(*ScheduledEvents(Start(kHour, t0, 1.0), always),
            (std::vector<SlaEvent>{{SlaEventKind::kBreach, t0 + kHour}}));
  // Huge: exact on an always-open calendar, an error beyond the horizon of a business one.
  EXPECT_EQ(Due(Start(1000 * 24 * kHour, t0), always), t0 + 1000 * 24 * kHour);
  const SlaClock huge = Start(50000 * kHour, t0);
  EXPECT_EQ(DueAt(huge, sla_testing::IsraeliCalendar()).status().reason(), "beyond_horizon");
  EXPECT_EQ(ScheduledEvents(huge, sla_testing::IsraeliCalendar()).status().reason(),
            "beyond_horizon");
  // A calendar that never opens: no due time, and the clock never moves.
  auto closed = BusinessCalendar::Create(CalendarSpec{});
  ASSERT_TRUE(closed.ok());
  const SlaClock stuck = Start(kHour, t0);
  EXPECT_EQ(DueAt(stuck, *closed).status().reason(), "no_working_time");
  EXPECT_EQ(State(stuck, t0 + 300 * kMillisPerDay, *closed), SlaState::kOnTrack);
}

TEST(SlaClockTest, NamesAreStable) {
  for (SlaPhase p : {SlaPhase::kRunning, SlaPhase::kPaused, SlaPhase::kStopped}) {
    EXPECT_EQ(ParseSlaPhase(SlaPhaseName(p)), p);
  }
  EXPECT_EQ(ParseSlaPhase("done"), std::nullopt);
  EXPECT_EQ(SlaStateName(SlaState::kOnTrack), "on_track");
  EXPECT_EQ(SlaStateName(SlaState::kWarning), "warning");
  EXPECT_EQ(SlaStateName(SlaState::kBreached), "breached");
  EXPECT_EQ(SlaStateName(SlaState::kPaused), "paused");
  EXPECT_EQ(SlaStateName(SlaState::kMet), "met");
}

}  // namespace
}  // namespace fr::domain::sla
