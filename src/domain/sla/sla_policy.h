// SLA policies: how long a team may take to answer a case, per platform and priority. The
// first-response target runs from the case's opening customer message to the first agent
// reply; a next-response target runs from each later customer message that follows an agent
// reply to the next agent reply. Targets are business time of the team's calendar
// (domain/sla/business_calendar.h). Values and pure functions; thread-safe.
//
// Defaults (normal priority; next response equals first response, because a customer who is
// already in a conversation waits no more patiently than a new one):
//   X 1 h; Facebook, Messenger, Instagram, TikTok 4 h; LinkedIn 24 h; RSS and forums 24 h.
// Priority scales the normal target: low x2, high x3/4, urgent x1/2 (X urgent: 30 min).
// Every policy warns at 80 % of its target.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "domain/platform.h"
#include "domain/priority.h"

namespace fr::domain::sla {

// Which target an SLA clock measures. Names are stable (store, API).
enum class SlaMetric { kFirstResponse, kNextResponse };

// "first_response", "next_response".
std::string_view SlaMetricName(SlaMetric m);
// The inverse of SlaMetricName; nullopt for an unknown name.
std::optional<SlaMetric> ParseSlaMetric(std::string_view name);

inline constexpr double kDefaultWarnFraction = 0.8;

struct SlaPolicy {
  Platform platform = Platform::kX;
  Priority priority = Priority::kNormal;
  std::chrono::minutes first_response{60};
  std::chrono::minutes next_response{60};
  double warn_fraction = kDefaultWarnFraction;  // share of the target after which it warns

  // first_response or next_response.
  std::chrono::minutes TargetFor(SlaMetric metric) const;
};

// A normal-priority target scaled for `priority` (low x2, normal x1, high x3/4, urgent x1/2),
// rounded down to whole minutes but never below one minute.
// REQUIRES: normal is positive.
std::chrono::minutes ScaleForPriority(std::chrono::minutes normal, Priority priority);

// The built-in policy of (platform, priority), as described above.
SlaPolicy DefaultSlaPolicy(Platform platform, Priority priority);

// A team's policies. Lookup falls back so a team can configure as little as it likes.
class SlaPolicyTable {
 public:
  // No entries: every lookup gives the built-in defaults.
  SlaPolicyTable() = default;
  // Fails with kInvalidArgument and reason "invalid_sla_policy" (a target not positive or a
  // warn fraction outside (0, 1]) or "duplicate_sla_policy" (two entries for one platform and
  // priority).
  static Result<SlaPolicyTable> Create(std::vector<SlaPolicy> policies);

  // The policy for (platform, priority): the entry for exactly that pair; else the platform's
  // normal-priority entry with its targets scaled by ScaleForPriority; else the default.
  SlaPolicy Lookup(Platform platform, Priority priority) const;

 private:
  explicit SlaPolicyTable(std::vector<SlaPolicy> policies) : policies_(std::move(policies)) {}
  const SlaPolicy* Find(Platform platform, Priority priority) const;

  std::vector<SlaPolicy> policies_;
};

}  // namespace fr::domain::sla
