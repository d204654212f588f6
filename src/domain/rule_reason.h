// RuleReason: why a reply rule said what it said, for the agent to act on. The code is
// stable across releases (the UI translates by it, metrics and the store keep it); the
// message is English prose for logs and for clients without a translation. Messages quote
// only configured words (a lexicon entry, a stock phrase), never the customer's text.
#pragma once

#include <string>

namespace fr::domain {

struct RuleReason {
  std::string code;     // snake_case, optionally "family:detail" ("sensitive:health")
  std::string message;  // one or two sentences that say what to do

  bool operator==(const RuleReason&) const = default;
};

}  // namespace fr::domain
