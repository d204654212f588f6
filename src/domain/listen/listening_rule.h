// A listening rule: a saved query (docs/listening.md) that finds mentions of the brand, tagged
// or not, and what to do with the messages it finds. Plain values; the query's grammar is
// domain/listen/rule_parser.h, its compiled form lives in nlp/listen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/message.h"
#include "domain/platform.h"

namespace fr::domain {

enum class RuleAction {
  kTag,       // record the match on the message (listening analytics); no case of its own
  kEscalate,  // also open a case for the message in the rule's queue
};

std::string_view RuleActionName(RuleAction a);  // "tag" | "escalate"
std::optional<RuleAction> ParseRuleAction(std::string_view name);

struct ListeningRule {
  std::string id;     // [A-Za-z0-9_.-]{1,64}, unique; what messages record when it matches
  std::string query;  // in the rule language, e.g. `(קנטינה OR cantina) AND NOT lang:ar`
  RuleAction action = RuleAction::kTag;
  std::string team;   // for kEscalate: the team whose queue gets the case; empty = routing decides
  bool enabled = true;

  bool operator==(const ListeningRule&) const = default;
};

// What a rule may look at in one message. The views must outlive the call they are passed to.
struct ListenPost {
  std::string_view text;
  Platform platform = Platform::kX;
  std::string_view language;       // Understanding::language ("he", "en", "und")
  MessageKind kind = MessageKind::kPost;
  std::string_view author_handle;  // without '@'
  std::optional<std::int64_t> followers;
};

// True if `id` is a valid rule id (see ListeningRule::id).
bool IsValidRuleId(std::string_view id);

}  // namespace fr::domain
