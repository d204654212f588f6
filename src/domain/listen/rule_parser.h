// The listening-rule query language (docs/listening.md has the grammar and examples): terms,
// "phrases", prefix*, #hashtags, @handles, emoji, field filters (platform: lang: kind: author:
// followers:), NOT, NEAR/n, AND (or nothing between two operands), OR and parentheses, in that
// order of precedence. Pure; thread-safe.
//
// A query that would blow up the matcher or match nearly every post is refused, each with its
// own message: see the limits below.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"
#include "domain/listen/rule_query.h"

namespace fr::domain {

inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr int kMaxQueryAtoms = 64;      // terms, phrases, prefixes, tags and emoji
inline constexpr int kMaxQueryDepth = 16;      // parentheses and NOTs inside each other
inline constexpr int kMaxNearDistance = 50;
inline constexpr int kMinPrefixLetters = 3;    // before '*'

// Parses `query`. On failure returns kInvalidArgument (reason "bad_rule_query") with a message
// "column N: what is wrong", N counted in code points from 1: "column 12: expected ')'",
// "column 5: prefix 'ca*' is too short: write at least 3 letters before '*'".
Result<RuleQuery> ParseRuleQuery(std::string_view query);

}  // namespace fr::domain
