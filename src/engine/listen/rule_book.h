// RuleBook: the listening rules in force — their compiled matcher and what each rule does.
// Ingest reads a snapshot per message without locking; a rule change compiles the whole new
// set on the caller's thread (never the ingest writer's) and swaps it in atomically, so ingest
// never pauses and a message is matched against one consistent set. Thread-safe.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "domain/listen/listening_rule.h"
#include "domain/people.h"
#include "ports/mention_matcher.h"

namespace fr::engine {

// One compiled generation of rules. Immutable.
struct RuleSet {
  std::vector<domain::ListeningRule> rules;  // as given (disabled ones too)
  std::shared_ptr<const ports::MentionMatcher> matcher;  // null when no rule is enabled
  // The escalating rules: rule id -> the team whose queue gets the case (nullopt: routing
  // decides, also when the named team does not exist).
  std::unordered_map<std::string, std::optional<domain::TeamId>> escalations;
};

class RuleBook {
 public:
  // `compiler` must outlive the RuleBook. Starts with no rules.
  explicit RuleBook(const ports::MatcherCompiler& compiler);

  // The rules in force now; never null.
  std::shared_ptr<const RuleSet> Current() const { return current_.load(); }

  // Compiles `rules` (on the caller's thread) into a set ready to put in force, resolving
  // escalation team names against `teams`. Errors: kInvalidArgument naming the first bad rule
  // and the column.
  Result<std::shared_ptr<const RuleSet>> Build(std::vector<domain::ListeningRule> rules,
                                               std::span<const domain::Team> teams) const;

  // Puts `set` (from Build) in force; messages judged from now on use it.
  void Install(std::shared_ptr<const RuleSet> set) { current_.store(std::move(set)); }

 private:
  const ports::MatcherCompiler& compiler_;
  std::atomic<std::shared_ptr<const RuleSet>> current_;
};

}  // namespace fr::engine
