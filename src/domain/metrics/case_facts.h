// CaseFacts: what one case contributes to the service metrics (docs/metrics.md) — its
// response, resolution and SLA times and counts, and the values it is grouped by. Facts are a
// pure function of the case as stored now (MakeCaseFacts), so they can be recomputed at any
// time; rollups are sums of facts (rollup.h), so a case that changes takes its old facts out
// of the rollups and puts its new ones in.
//
// Every metric is attributed to the case's cohort: the hour and day it was opened. A case is
// grouped by its current team, assignee, priority and platform/account, and by the language,
// intent and listening rules of its opening message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/sla/business_calendar.h"
#include "domain/sla/case_sla.h"
#include "domain/understanding.h"

namespace fr::domain::metrics {

// One message of a case, oldest first, as the facts need it.
struct TimelineEntry {
  UnixMillis at = 0;
  bool inbound = false;  // the customer's message; otherwise the brand's
  // For the brand's messages: written by a person. An automatic reply (one the system sent
  // without an author) is not a response in the human metrics.
  bool human = true;
  bool operator==(const TimelineEntry&) const = default;
};

// How a case's first-response SLA ended, if it has.
enum class SlaOutcome { kNone, kMet, kBreached };
std::string_view SlaOutcomeName(SlaOutcome o);  // "none" | "met" | "breached"
std::optional<SlaOutcome> ParseSlaOutcome(std::string_view name);

// The values a case is grouped by. Empty strings mean "none" (no team, not assigned, not
// understood).
struct CaseGroups {
  std::string platform;  // PlatformName
  std::string account;   // the brand account id
  std::string team;      // team id as decimal text
  std::string agent;     // the assignee's user id as decimal text
  std::string priority;  // PriorityName
  std::string language;  // of the opening message
  std::string intent;    // of the opening message (the agent's label if corrected)
  std::vector<std::string> rules;  // listening rules the opening message matched, sorted
  std::string topic;  // the complaint topic of the opening message (its id), or ""
  bool operator==(const CaseGroups&) const = default;
};

struct CaseFacts {
  CaseId case_id = 0;
  CustomerId customer_id = 0;
  UnixMillis opened_at = 0;
  CaseGroups groups;

  // First human response: calendar time and the team calendar's working time.
  std::optional<std::int64_t> first_response_ms;
  std::optional<std::int64_t> first_response_business_ms;
  // Later responses: for each customer message that came after the case's previous human
  // response (the first of a run of unanswered messages), the time to the next human
  // response; summed and counted.
  std::int64_t next_response_sum_ms = 0;
  std::int64_t next_response_count = 0;
  // Opened to resolved, for a case resolved or closed now (the latest time it got there).
  std::optional<std::int64_t> resolution_ms;
  std::int64_t customer_messages = 0;
  // Customer messages followed by a human response.
  std::int64_t answered_messages = 0;
  SlaOutcome first_response_sla = SlaOutcome::kNone;
  // The opening message's sentiment, if it was understood.
  std::optional<Sentiment> sentiment;
  bool complaint = false;         // its intent is a complaint
  bool repeat_complaint = false;  // and the customer's earlier complaint case opened < 30 days before

  bool operator==(const CaseFacts&) const = default;
};

// A repeat complaint follows another complaint case of the same customer opened at most this
// long before.
inline constexpr std::int64_t kRepeatComplaintWindowMs = 30LL * 24 * 60 * 60 * 1000;

// What MakeCaseFacts reads.
struct CaseFactInputs {
  const Case* kase = nullptr;                 // required
  std::vector<TimelineEntry> timeline;        // the case's messages, by time
  const Understanding* opening = nullptr;     // the opening message's insight; null if none
  std::vector<std::string> opening_rules;     // listening rules the opening message matched
  std::string opening_topic;                  // the opening message's topic id, or ""
  const sla::CaseSlaClocks* clocks = nullptr; // the case's SLA clocks; null if none
  const sla::BusinessCalendar* calendar = nullptr;  // the case team's; required
  // When the case last went from an active status to resolved or closed; used only while
  // the case is resolved or closed.
  std::optional<UnixMillis> resolved_at;
  bool earlier_complaint_in_window = false;   // for repeat_complaint, found by the caller
};

// The facts of inputs.kase. When the calendar cannot measure the first response (a span
// beyond its horizon of about ten years), first_response_business_ms is left unset.
CaseFacts MakeCaseFacts(const CaseFactInputs& inputs);

}  // namespace fr::domain::metrics
