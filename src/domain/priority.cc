#include "domain/priority.h"

namespace fr::domain {

std::string_view PriorityName(Priority p) {
  switch (p) {
    case Priority::kLow:
      return "low";
    case Priority::kNormal:
      return "normal";
    case Priority::kHigh:
      return "high";
    case Priority::kUrgent:
      return "urgent";
  }
  return "normal";
}

std::optional<Priority> ParsePriority(std::string_view name) {
  for (Priority p : {Priority::kLow, Priority::kNormal, Priority::kHigh, Priority::kUrgent}) {
    if (PriorityName(p) == name) return p;
  }
  return std::nullopt;
}

}  // namespace fr::domain
