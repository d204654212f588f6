#include "domain/metrics/case_facts.h"

#include <algorithm>

#include "domain/platform.h"
#include "domain/priority.h"

namespace fr::domain::metrics {
namespace {

SlaOutcome FirstResponseOutcome(const sla::CaseSlaClocks* clocks) {
  if (clocks == nullptr || !clocks->first_response) return SlaOutcome::kNone;
  const sla::CaseSlaClock& c = *clocks->first_response;
  if (c.breached) return SlaOutcome::kBreached;
  if (c.clock.phase != sla::SlaPhase::kStopped) return SlaOutcome::kNone;
  return c.clock.consumed > c.clock.target ? SlaOutcome::kBreached : SlaOutcome::kMet;
}

CaseGroups GroupsOf(const CaseFactInputs& in) {
  const Case& c = *in.kase;
  CaseGroups g;
  g.platform = std::string(PlatformName(c.platform));
  g.account = c.account_id;
  if (c.team) g.team = std::to_string(*c.team);
  if (c.assignee) g.agent = std::to_string(*c.assignee);
  g.priority = std::string(PriorityName(c.priority));
  if (in.opening != nullptr) {
    g.language = in.opening->language;
    g.intent = std::string(IntentName(in.opening->intent));
  } else {
    g.language = c.language;
  }
  g.rules = in.opening_rules;
  std::sort(g.rules.begin(), g.rules.end());
  g.rules.erase(std::unique(g.rules.begin(), g.rules.end()), g.rules.end());
  g.topic = in.opening_topic;
  return g;
}

}  // namespace

std::string_view SlaOutcomeName(SlaOutcome o) {
  switch (o) {
    case SlaOutcome::kNone: return "none";
    case SlaOutcome::kMet: return "met";
    case SlaOutcome::kBreached: return "breached";
  }
  return "none";
}

std::optional<SlaOutcome> ParseSlaOutcome(std::string_view name) {
  for (SlaOutcome o : {SlaOutcome::kNone, SlaOutcome::kMet, SlaOutcome::kBreached}) {
    if (SlaOutcomeName(o) == name) return o;
  }
  return std::nullopt;
}

CaseFacts MakeCaseFacts(const CaseFactInputs& in) {
  const Case& c = *in.kase;
  CaseFacts f;
  f.case_id = c.id;
  f.customer_id = c.customer_id;
  f.opened_at = c.opened_at;
  f.groups = GroupsOf(in);

  // Walk the timeline: a run of customer messages waits from its first message until the
  // next human response, which answers every message of the run.
  std::optional<UnixMillis> waiting_since;
  std::int64_t waiting = 0;
  std::optional<UnixMillis> first_response_at;
  for (const TimelineEntry& e : in.timeline) {
    if (e.inbound) {
      ++f.customer_messages;
      ++waiting;
      if (!waiting_since) waiting_since = e.at;
      continue;
    }
    if (!e.human || e.at < c.opened_at || !waiting_since) continue;
    f.answered_messages += waiting;
    if (!first_response_at) {
      first_response_at = e.at;
    } else {
      f.next_response_sum_ms += e.at - *waiting_since;
      ++f.next_response_count;
    }
    waiting_since.reset();
    waiting = 0;
  }
  if (first_response_at) {
    f.first_response_ms = *first_response_at - c.opened_at;
    auto working = in.calendar->WorkingTimeBetween(c.opened_at, *first_response_at);
    if (working.ok()) f.first_response_business_ms = working->count();
  }
  if (!IsActive(c.status) && in.resolved_at) f.resolution_ms = *in.resolved_at - c.opened_at;
  f.first_response_sla = FirstResponseOutcome(in.clocks);
  if (in.opening != nullptr) {
    f.sentiment = in.opening->sentiment;
    f.complaint = in.opening->intent == Intent::kComplaint;
  }
  f.repeat_complaint = f.complaint && in.earlier_complaint_in_window;
  return f;
}

}  // namespace fr::domain::metrics
