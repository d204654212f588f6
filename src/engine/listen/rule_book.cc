#include "engine/listen/rule_book.h"

#include <utility>

namespace fr::engine {
namespace {

bool AnyEnabled(std::span<const domain::ListeningRule> rules) {
  for (const auto& r : rules) {
    if (r.enabled) return true;
  }
  return false;
}

}  // namespace

RuleBook::RuleBook(const ports::MatcherCompiler& compiler)
    : compiler_(compiler), current_(std::make_shared<const RuleSet>()) {}

Result<std::shared_ptr<const RuleSet>> RuleBook::Build(
    std::vector<domain::ListeningRule> rules, std::span<const domain::Team> teams) const {
  auto next = std::make_shared<RuleSet>();
  if (AnyEnabled(rules)) {
    FR_ASSIGN_OR_RETURN(next->matcher, compiler_.Compile(rules));
  }
  for (const auto& r : rules) {
    if (!r.enabled || r.action != domain::RuleAction::kEscalate) continue;
    std::optional<domain::TeamId> team;
    for (const auto& t : teams) {
      if (!r.team.empty() && t.name == r.team) team = t.id;
    }
    next->escalations.emplace(r.id, team);
  }
  next->rules = std::move(rules);
  return std::shared_ptr<const RuleSet>(std::move(next));
}

}  // namespace fr::engine
