#include "domain/sla/sla_policy.h"

#include <fmt/format.h>

#include <algorithm>

namespace fr::domain::sla {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

minutes NormalTarget(Platform platform) {
  switch (platform) {
    case Platform::kX:
      return hours(1);
    case Platform::kFacebook:
    case Platform::kMessenger:
    case Platform::kInstagram:
    case Platform::kTikTok:
      return hours(4);
    case Platform::kLinkedIn:
    case Platform::kRss:
      return hours(24);
  }
  return hours(24);
}

Status InvalidPolicy(const SlaPolicy& p, std::string_view why) {
  return Status(
      Errc::kInvalidArgument, "invalid_sla_policy",
      fmt::format("sla policy {}/{}: {}", PlatformName(p.platform), PriorityName(p.priority), why));
}

}  // namespace

std::string_view SlaMetricName(SlaMetric m) {
  switch (m) {
    case SlaMetric::kFirstResponse:
      return "first_response";
    case SlaMetric::kNextResponse:
      return "next_response";
  }
  return "first_response";
}

std::optional<SlaMetric> ParseSlaMetric(std::string_view name) {
  for (SlaMetric m : {SlaMetric::kFirstResponse, SlaMetric::kNextResponse}) {
    if (SlaMetricName(m) == name) return m;
  }
  return std::nullopt;
}

minutes SlaPolicy::TargetFor(SlaMetric metric) const {
  return metric == SlaMetric::kFirstResponse ? first_response : next_response;
}

minutes ScaleForPriority(minutes normal, Priority priority) {
  switch (priority) {
    case Priority::kLow:
      return normal * 2;
    case Priority::kNormal:
      return normal;
    case Priority::kHigh:
      return std::max(normal * 3 / 4, minutes(1));
    case Priority::kUrgent:
      return std::max(normal / 2, minutes(1));
  }
  return normal;
}

SlaPolicy DefaultSlaPolicy(Platform platform, Priority priority) {
  const minutes target = ScaleForPriority(NormalTarget(platform), priority);
  return SlaPolicy{platform, priority, target, target, kDefaultWarnFraction};
}

Result<SlaPolicyTable> SlaPolicyTable::Create(std::vector<SlaPolicy> policies) {
  for (std::size_t i = 0; i < policies.size(); ++i) {
    const SlaPolicy& p = policies[i];
    if (p.first_response.count() <= 0 || p.next_response.count() <= 0) {
      return InvalidPolicy(p, "targets must be positive");
    }
    if (!(p.warn_fraction > 0 && p.warn_fraction <= 1)) {
      return InvalidPolicy(p, "warn_fraction must be in (0, 1]");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (policies[j].platform == p.platform && policies[j].priority == p.priority) {
        return Status(Errc::kInvalidArgument, "duplicate_sla_policy",
                      fmt::format("sla policy {}/{} is listed twice", PlatformName(p.platform),
                                  PriorityName(p.priority)));
      }
    }
  }
  return SlaPolicyTable(std::move(policies));
}

const SlaPolicy* SlaPolicyTable::Find(Platform platform, Priority priority) const {
  for (const SlaPolicy& p : policies_) {
    if (p.platform == platform && p.priority == priority) return &p;
  }
  return nullptr;
}

SlaPolicy SlaPolicyTable::Lookup(Platform platform, Priority priority) const {
  if (const SlaPolicy* exact = Find(platform, priority)) return *exact;
  if (const SlaPolicy* normal = Find(platform, Priority::kNormal)) {
    SlaPolicy scaled = *normal;
    scaled.priority = priority;
    scaled.first_response = ScaleForPriority(normal->first_response, priority);
    scaled.next_response = ScaleForPriority(normal->next_response, priority);
    return scaled;
  }
  return DefaultSlaPolicy(platform, priority);
}

}  // namespace fr::domain::sla
