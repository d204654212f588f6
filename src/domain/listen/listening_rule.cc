#include "domain/listen/listening_rule.h"

namespace fr::domain {

std::string_view RuleActionName(RuleAction a) {
  return a == RuleAction::kEscalate ? "escalate" : "tag";
}

std::optional<RuleAction> ParseRuleAction(std::string_view name) {
  if (name == "tag") return RuleAction::kTag;
  if (name == "escalate") return RuleAction::kEscalate;
  return std::nullopt;
}

bool IsValidRuleId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace fr::domain
