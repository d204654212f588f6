// The SLA clock of one target (a case's first response, or one next response): it runs in the
// business time of a calendar, pauses while the case waits on the customer, and stops when
// the target is met (the agent replied). The clock warns once `warn_after` of business time is
// used and breaches once all of `target` is.
//
// The clock is the plain SlaClock struct below: the store keeps its fields as they are and,
// after a restart, DueAt / WarnAt / ScheduledEvents recompute the same instants from them.
// Times come in as arguments (the engine reads its Clock); nothing here reads "now".
// Values and pure functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/sla/business_calendar.h"

namespace fr::domain::sla {

enum class SlaPhase { kRunning, kPaused, kStopped };

// "running", "paused", "stopped". Stable: the store keeps them.
std::string_view SlaPhaseName(SlaPhase phase);
std::optional<SlaPhase> ParseSlaPhase(std::string_view name);

struct SlaClock {
  std::chrono::milliseconds target{0};      // business time allowed
  std::chrono::milliseconds warn_after{0};  // business time after which it warns; <= target
  SlaPhase phase = SlaPhase::kRunning;
  UnixMillis phase_since = 0;             // when the clock entered `phase`
  std::chrono::milliseconds consumed{0};  // business time used before `phase_since`
  bool operator==(const SlaClock&) const = default;
};

// Where a clock stands at some instant. Precedence: a stopped clock is met (stopped before
// the target was used up) or breached; otherwise breached (target used up, even if paused
// since), paused, warning (warn_after used up), on track.
enum class SlaState { kOnTrack, kWarning, kBreached, kPaused, kMet };

// "on_track", "warning", "breached", "paused", "met".
std::string_view SlaStateName(SlaState state);

enum class SlaEventKind { kWarn, kBreach };

// "warn at `at`" or "breach at `at`": what a scheduler arms for a running clock.
struct SlaEvent {
  SlaEventKind kind = SlaEventKind::kBreach;
  UnixMillis at = 0;
  bool operator==(const SlaEvent&) const = default;
};

// A running clock started at `at`. warn_after is target x warn_fraction, rounded to the
// nearest millisecond. Fails with kInvalidArgument / "invalid_sla_target" for a negative
// target or a warn fraction outside (0, 1]. A zero target is due (and breached) at once.
Result<SlaClock> StartSlaClock(std::chrono::milliseconds target, double warn_fraction,
                               UnixMillis at);

// Pauses a running clock at `at` (the case waits on the customer), adding the business time
// since phase_since to `consumed`. A paused or stopped clock is returned unchanged. An `at`
// before phase_since (events out of order) counts as phase_since. Fails with the calendar's
// errors (BusinessCalendar::WorkingTimeBetween).
Result<SlaClock> PauseSlaClock(const SlaClock& clock, UnixMillis at, const BusinessCalendar& cal);

// Resumes a paused clock at `at` (the customer wrote); other clocks are returned unchanged.
// An `at` before phase_since counts as phase_since.
SlaClock ResumeSlaClock(const SlaClock& clock, UnixMillis at);

// Stops the clock at `at` (the target is met, in time or late); a stopped clock is returned
// unchanged. Errors and early `at` as for PauseSlaClock.
Result<SlaClock> StopSlaClock(const SlaClock& clock, UnixMillis at, const BusinessCalendar& cal);

// The business time used by instant `t` (t before phase_since counts as phase_since).
Result<std::chrono::milliseconds> ConsumedAt(const SlaClock& clock, UnixMillis t,
                                             const BusinessCalendar& cal);

// When a running clock breaches: the earliest instant by which all of `target` is used; it is
// phase_since if the target was used up before. nullopt while paused or stopped (a pause moves
// the due time by an amount unknown until the resume). Fails with the calendar's errors
// (BusinessCalendar::AddWorkingTime), e.g. "no_working_time".
Result<std::optional<UnixMillis>> DueAt(const SlaClock& clock, const BusinessCalendar& cal);

// As DueAt, for warn_after.
Result<std::optional<UnixMillis>> WarnAt(const SlaClock& clock, const BusinessCalendar& cal);

// The state at instant `t`, by the precedence documented at SlaState.
Result<SlaState> StateAt(const SlaClock& clock, UnixMillis t, const BusinessCalendar& cal);

// What a scheduler should arm for the clock as it is: nothing unless it is running; then
// "breach at DueAt" unless the target was used up before phase_since, preceded by "warn at
// WarnAt" if warn_after < target and it was not used up before phase_since. Times may be in
// the past (after a restart): fire those at once. Delivery is at least once: a threshold
// reached exactly when the clock paused is listed again on resume, so consumers dedupe on
// (clock, kind).
Result<std::vector<SlaEvent>> ScheduledEvents(const SlaClock& clock, const BusinessCalendar& cal);

}  // namespace fr::domain::sla
