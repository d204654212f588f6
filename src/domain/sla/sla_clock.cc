#include "domain/sla/sla_clock.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace fr::domain::sla {
namespace {

using std::chrono::milliseconds;

// The instant a running clock has used `threshold` of business time.
Result<std::optional<UnixMillis>> ReachedAt(const SlaClock& clock, milliseconds threshold,
                                            const BusinessCalendar& cal) {
  if (clock.phase != SlaPhase::kRunning) return std::optional<UnixMillis>();
  FR_ASSIGN_OR_RETURN(
      UnixMillis at,
      cal.AddWorkingTime(clock.phase_since, std::max(threshold - clock.consumed, milliseconds(0))));
  return std::optional<UnixMillis>(at);
}

// The clock moves to phase `next` at `at`, keeping the business time it has used.
Result<SlaClock> MoveTo(const SlaClock& clock, SlaPhase next, UnixMillis at,
                        const BusinessCalendar& cal) {
  SlaClock out = clock;
  FR_ASSIGN_OR_RETURN(out.consumed, ConsumedAt(clock, at, cal));
  out.phase = next;
  out.phase_since = std::max(at, clock.phase_since);
  return out;
}

}  // namespace

std::string_view SlaPhaseName(SlaPhase phase) {
  switch (phase) {
    case SlaPhase::kRunning:
      return "running";
    case SlaPhase::kPaused:
      return "paused";
    case SlaPhase::kStopped:
      return "stopped";
  }
  return "running";
}

std::optional<SlaPhase> ParseSlaPhase(std::string_view name) {
  for (SlaPhase p : {SlaPhase::kRunning, SlaPhase::kPaused, SlaPhase::kStopped}) {
    if (SlaPhaseName(p) == name) return p;
  }
  return std::nullopt;
}

std::string_view SlaStateName(SlaState state) {
  switch (state) {
    case SlaState::kOnTrack:
      return "on_track";
    case SlaState::kWarning:
      return "warning";
    case SlaState::kBreached:
      return "breached";
    case SlaState::kPaused:
      return "paused";
    case SlaState::kMet:
      return "met";
  }
  return "on_track";
}

Result<SlaClock> StartSlaClock(milliseconds target, double warn_fraction, UnixMillis at) {
  if (target.count() < 0 || !(warn_fraction > 0 && warn_fraction <= 1)) {
    return Status(Errc::kInvalidArgument, "invalid_sla_target",
                  fmt::format("target {} ms, warn fraction {}", target.count(), warn_fraction));
  }
  SlaClock clock;
  clock.target = target;
  // long double keeps every int64 millisecond count exact; 0.8 x 1 h is 48 min to the ms.
  clock.warn_after = std::min(
      target, milliseconds(std::llround(static_cast<long double>(target.count()) * warn_fraction)));
  clock.phase = SlaPhase::kRunning;
  clock.phase_since = at;
  return clock;
}

Result<SlaClock> PauseSlaClock(const SlaClock& clock, UnixMillis at, const BusinessCalendar& cal) {
  if (clock.phase != SlaPhase::kRunning) return clock;
  return MoveTo(clock, SlaPhase::kPaused, at, cal);
}

SlaClock ResumeSlaClock(const SlaClock& clock, UnixMillis at) {
  if (clock.phase != SlaPhase::kPaused) return clock;
  SlaClock out = clock;
  out.phase = SlaPhase::kRunning;
  out.phase_since = std::max(at, clock.phase_since);
  return out;
}

Result<SlaClock> StopSlaClock(const SlaClock& clock, UnixMillis at, const BusinessCalendar& cal) {
  if (clock.phase == SlaPhase::kStopped) return clock;
  return MoveTo(clock, SlaPhase::kStopped, at, cal);
}

Result<milliseconds> ConsumedAt(const SlaClock& clock, UnixMillis t, const BusinessCalendar& cal) {
  if (clock.phase != SlaPhase::kRunning) return clock.consumed;
  FR_ASSIGN_OR_RETURN(milliseconds running, cal.WorkingTimeBetween(clock.phase_since, t));
  return clock.consumed + running;
}

Result<std::optional<UnixMillis>> DueAt(const SlaClock& clock, const BusinessCalendar& cal) {
  return ReachedAt(clock, clock.target, cal);
}

Result<std::optional<UnixMillis>> WarnAt(const SlaClock& clock, const BusinessCalendar& cal) {
  return ReachedAt(clock, clock.warn_after, cal);
}

Result<SlaState> StateAt(const SlaClock& clock, UnixMillis t, const BusinessCalendar& cal) {
  FR_ASSIGN_OR_RETURN(milliseconds consumed, ConsumedAt(clock, t, cal));
  if (clock.phase == SlaPhase::kStopped) {
    return consumed < clock.target ? SlaState::kMet : SlaState::kBreached;
  }
  if (consumed >= clock.target) return SlaState::kBreached;
  if (clock.phase == SlaPhase::kPaused) return SlaState::kPaused;
  return consumed >= clock.warn_after ? SlaState::kWarning : SlaState::kOnTrack;
}

Result<std::vector<SlaEvent>> ScheduledEvents(const SlaClock& clock, const BusinessCalendar& cal) {
  std::vector<SlaEvent> events;
  if (clock.phase != SlaPhase::kRunning) return events;
  if (clock.warn_after < clock.target && clock.consumed <= clock.warn_after) {
    FR_ASSIGN_OR_RETURN(std::optional<UnixMillis> warn_at, WarnAt(clock, cal));
    events.push_back({SlaEventKind::kWarn, *warn_at});
  }
  if (clock.consumed <= clock.target) {
    FR_ASSIGN_OR_RETURN(std::optional<UnixMillis> due_at, DueAt(clock, cal));
    events.push_back({SlaEventKind::kBreach, *due_at});
  }
  return events;
}

}  // namespace fr::domain::sla
