#include "engine/listen/listening_desk.h"

#include <algorithm>
#include <utility>

namespace fr::engine {
namespace {

// `rules` with `rule` in place of the one with its id (or added).
std::vector<domain::ListeningRule> With(std::vector<domain::ListeningRule> rules,
                                        const domain::ListeningRule& rule) {
  auto it = std::find_if(rules.begin(), rules.end(),
                         [&](const domain::ListeningRule& r) { return r.id == rule.id; });
  if (it != rules.end()) {
    *it = rule;
  } else {
    rules.push_back(rule);
  }
  return rules;
}

Status CheckRule(const domain::ListeningRule& r, std::span<const domain::Team> teams) {
  if (!domain::IsValidRuleId(r.id)) {
    return Status(Errc::kInvalidArgument, "invalid_rule_id",
                  "a rule id is 1 to 64 letters, digits, '_', '.' or '-'");
  }
  if (r.action == domain::RuleAction::kEscalate && !r.team.empty() &&
      std::none_of(teams.begin(), teams.end(),
                   [&](const domain::Team& t) { return t.name == r.team; })) {
    return Status(Errc::kInvalidArgument, "unknown_team", "no team is named " + r.team);
  }
  return Status::Ok();
}

// The compiler's kInvalidArgument as the API's "invalid_rule"; other errors unchanged.
Status AsInvalidRule(const Status& s) {
  if (s.code() != Errc::kInvalidArgument) return s;
  return Status(Errc::kInvalidArgument, "invalid_rule", s.message());
}

}  // namespace

Status ListeningDesk::Load() {
  std::lock_guard lock(mu_);
  FR_ASSIGN_OR_RETURN(std::vector<domain::ListeningRule> rules, store_.insights().ListRules());
  FR_ASSIGN_OR_RETURN(std::vector<domain::Team> teams, store_.people().ListTeams());
  FR_ASSIGN_OR_RETURN(std::shared_ptr<const RuleSet> set, book_.Build(std::move(rules), teams));
  book_.Install(std::move(set));
  return Status::Ok();
}

Status ListeningDesk::Apply(const std::vector<domain::ListeningRule>& changes) {
  std::lock_guard lock(mu_);
  FR_ASSIGN_OR_RETURN(std::vector<domain::ListeningRule> rules, store_.insights().ListRules());
  FR_ASSIGN_OR_RETURN(std::vector<domain::Team> teams, store_.people().ListTeams());
  for (const auto& r : changes) {
    FR_RETURN_IF_ERROR(CheckRule(r, teams));
    rules = With(std::move(rules), r);
  }
  const UnixMillis now = clock_.NowMillis();
  return Commit(std::move(rules), teams, [&](ports::StoreTxn& txn) -> Status {
    for (const auto& r : changes) FR_RETURN_IF_ERROR(txn.insights().PutRule(r, now));
    return Status::Ok();
  });
}

Result<std::vector<domain::ListeningRule>> ListeningDesk::List() {
  return store_.insights().ListRules();
}

Result<domain::ListeningRule> ListeningDesk::Put(domain::ListeningRule rule) {
  FR_RETURN_IF_ERROR(Apply({rule}));
  return rule;
}

Status ListeningDesk::Delete(const std::string& id) {
  std::lock_guard lock(mu_);
  FR_ASSIGN_OR_RETURN(std::vector<domain::ListeningRule> rules, store_.insights().ListRules());
  auto it = std::find_if(rules.begin(), rules.end(),
                         [&](const domain::ListeningRule& r) { return r.id == id; });
  if (it == rules.end()) return Status(Errc::kNotFound, "not_found", "no rule " + id);
  rules.erase(it);
  FR_ASSIGN_OR_RETURN(std::vector<domain::Team> teams, store_.people().ListTeams());
  return Commit(std::move(rules), teams, [&](ports::StoreTxn& txn) -> Status {
    return txn.insights().DeleteRule(id).status();
  });
}

Status ListeningDesk::Commit(std::vector<domain::ListeningRule> rules,
                             std::span<const domain::Team> teams, const ports::WriteUnit& write) {
  Result<std::shared_ptr<const RuleSet>> set = book_.Build(std::move(rules), teams);
  if (!set.ok()) return AsInvalidRule(set.status());
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, write));
  book_.Install(std::move(*set));
  return Status::Ok();
}

}  // namespace fr::engine
