#include "engine/sla/sla_tracker.h"

#include "base/log.h"

namespace fr::engine {

using domain::sla::CaseSlaClocks;

const domain::sla::BusinessCalendar& SlaTracker::CalendarOf(
    std::optional<domain::TeamId> team) const {
  if (team) {
    auto it = settings_.team_calendars.find(*team);
    if (it != settings_.team_calendars.end()) return it->second;
  }
  return settings_.default_calendar;
}

Status SlaTracker::Track(ports::StoreTxn& txn, const domain::Case& c) const {
  FR_ASSIGN_OR_RETURN(CaseSlaClocks current, txn.sla().GetClocks(c.id));
  Result<CaseSlaClocks> synced =
      domain::sla::SyncCaseSla(c, current, settings_.policies.Lookup(c.platform, c.priority),
                               CalendarOf(c.team));
  if (!synced.ok()) {
    FR_LOG(kWarn, "sla", "case {}: clocks not updated: {}", c.id, synced.status().ToString());
    return Status::Ok();
  }
  if (synced->first_response != current.first_response) {
    FR_RETURN_IF_ERROR(txn.sla().PutClock(c.id, *synced->first_response));
  }
  if (synced->next_response && synced->next_response != current.next_response) {
    FR_RETURN_IF_ERROR(txn.sla().PutClock(c.id, *synced->next_response));
  }
  return Status::Ok();
}

Result<std::optional<SlaReading>> SlaTracker::Read(const domain::Case& c,
                                                   const CaseSlaClocks& clocks,
                                                   UnixMillis now) const {
  const domain::sla::CaseSlaClock* clock = domain::sla::CurrentClock(clocks);
  if (!clock) return std::optional<SlaReading>();
  const domain::sla::BusinessCalendar& cal = CalendarOf(c.team);
  SlaReading r;
  r.metric = clock->metric;
  r.started_at = clock->started_at;
  r.due_at = clock->due_at;
  r.warn_at = clock->warned ? std::nullopt : clock->warn_at;
  r.target = clock->clock.target;
  FR_ASSIGN_OR_RETURN(r.state, domain::sla::StateAt(clock->clock, now, cal));
  FR_ASSIGN_OR_RETURN(r.consumed, domain::sla::ConsumedAt(clock->clock, now, cal));
  return std::optional<SlaReading>(r);
}

Result<std::map<domain::CaseId, SlaReading>> SlaTracker::ReadAll(
    ports::Store& store, std::span<const domain::Case> cases, UnixMillis now) const {
  std::vector<domain::CaseId> ids;
  for (const domain::Case& c : cases) ids.push_back(c.id);
  FR_ASSIGN_OR_RETURN(auto clocks, store.sla().GetClocksOf(ids));
  std::map<domain::CaseId, SlaReading> out;
  for (const domain::Case& c : cases) {
    auto it = clocks.find(c.id);
    if (it == clocks.end()) continue;
    Result<std::optional<SlaReading>> r = Read(c, it->second, now);
    if (!r.ok()) {
      FR_LOG(kWarn, "sla", "case {}: clock not readable: {}", c.id, r.status().ToString());
    } else if (*r) {
      out.emplace(c.id, **r);
    }
  }
  return out;
}

}  // namespace fr::engine
