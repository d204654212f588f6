// How urgent a case is. Priority scales SLA targets (domain/sla/sla_policy.h). Names are
// stable: they appear in the API, the store and configuration.
#pragma once

#include <optional>
#include <string_view>

namespace fr::domain {

enum class Priority { kLow, kNormal, kHigh, kUrgent };

// "low", "normal", "high", "urgent".
std::string_view PriorityName(Priority p);
// The inverse of PriorityName; nullopt for an unknown name.
std::optional<Priority> ParsePriority(std::string_view name);

}  // namespace fr::domain
