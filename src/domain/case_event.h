// CaseEvent: one entry in a case's history — who assigned it to whom, changed its status or
// priority, and (later) SLA warnings, replies and approvals. The history is append-only; the
// API shows it and the WebSocket pushes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "domain/case.h"
#include "domain/people.h"

namespace fr::domain {

enum class CaseEventKind {
  kAssigned,         // user = the new assignee; detail = "manual" | "take" | "auto" | "sticky"
  kUnassigned,       // user = the previous assignee; detail = "manual" | "no_reply_timeout"
  kStatusChanged,    // detail = "<from>><to>", e.g. "open>pending"
  kPriorityChanged,  // detail = "<from>><to>"
  kTeamChanged,      // detail = the new team id, or "" for none
  kSlaWarning,       // detail = the SLA metric ("first_response" | "next_response")
  kSlaBreached,      // detail = the SLA metric
  kEscalated,        // detail = the escalation action taken ("notify_supervisors", ...)
};

std::string_view CaseEventKindName(CaseEventKind k);  // "assigned", "unassigned", ...
std::optional<CaseEventKind> ParseCaseEventKind(std::string_view name);

struct CaseEvent {
  std::int64_t id = 0;
  CaseId case_id = 0;
  UnixMillis at = 0;
  CaseEventKind kind = CaseEventKind::kAssigned;
  std::optional<UserId> actor;  // who did it; nullopt = the system
  std::optional<UserId> user;   // whom it concerns
  std::string detail;

  bool operator==(const CaseEvent&) const = default;
};

}  // namespace fr::domain
