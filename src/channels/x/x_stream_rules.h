// The filtered stream's rules on X (PROTOCOLS.md §1.6): reading them, planning the changes
// that make them exactly the configured ones, and the bodies of
// POST /2/tweets/search/stream/rules. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "channels/x/x_listen_config.h"

namespace fr::channels::x {

// A rule as X holds it.
struct XStreamRuleOnX {
  std::string id;
  std::string value;
  std::string tag;  // empty when the rule has none
};

// The rules of a GET /2/tweets/search/stream/rules answer (no `data`: none).
// Errors: kMalformed "malformed_json" / "invalid_utf8"; kInvalidArgument "missing_field" when
// an item lacks id or value.
Result<std::vector<XStreamRuleOnX>> ParseStreamRules(std::string_view body);

struct XRuleChanges {
  std::vector<std::string> delete_ids;  // rules on X that are not wanted (or repeat one)
  std::vector<XStreamRuleSpec> add;     // wanted rules X does not have
  bool empty() const { return delete_ids.empty() && add.empty(); }
};

// What to change so that X holds exactly `wanted`: rules are the same when value and tag are
// equal; a wanted rule X holds twice keeps its first copy.
XRuleChanges PlanRuleChanges(const std::vector<XStreamRuleOnX>& on_x,
                             const std::vector<XStreamRuleSpec>& wanted);

// {"delete":{"ids":[...]}}
std::string DeleteRulesBody(const std::vector<std::string>& ids);
// {"add":[{"value":...,"tag":...}]} (no "tag" member for an empty tag)
std::string AddRulesBody(const std::vector<XStreamRuleSpec>& rules);

// Whether a POST rules answer means every change was made: OK for a 2xx whose errors[] is
// empty (a DuplicateRule error counts as made). Otherwise kInvalidArgument "rules_refused"
// naming X's error titles and the rules' values (an invalid rule is a configuration
// mistake), or kUnavailable "x_error" with the status for other failures.
Status CheckRulesAnswer(int status, std::string_view body);

}  // namespace fr::channels::x
