// RuleMatcherCompiler: listening rules compiled into one index of literals (implements
// ports::MatcherCompiler / ports::MentionMatcher; docs/listening.md).
//
// Every atom of every enabled rule (a term, phrase, prefix, tag or emoji) has a literal that
// must occur in domain::ListenText::scan_text() if the atom does (atom_pattern.h: a term's
// longest word, a prefix, a tag, an emoji), and all the distinct literals form one
// LiteralIndex, which finds a post's literals by looking its words (and their forms without
// Hebrew prefix letters) up in hash tables: a few lookups per word, whatever the number of
// rules. A rule is evaluated only when every one of its candidate slots (candidate_filter.h:
// one per operand of a top-level AND or NEAR) has a found literal, so a rule about a brand and
// a topic costs nothing on posts that have the topic but not the brand. Rules that can match
// without any literal (a term OR'ed with NOT, field filters alone) are evaluated for every post.
// Candidates are evaluated with domain::EvaluateQuery: one-word terms, prefixes, tags and emoji
// are proven by their found literal; phrases are confirmed on the post's words (once per post
// and atom), and NEAR uses the same word tests. Per-post tables are reset through lists of what
// was touched, so a post costs no allocation once a thread is warm. The answers equal
// domain::EvaluateReference's (rule_matcher_property_test.cc).
//
// The compiler is stateless and thread-safe. A compiled matcher is immutable and thread-safe:
// each thread keeps its own per-post tables (made on its first post for that matcher).
#pragma once

#include <memory>
#include <span>

#include "ports/mention_matcher.h"

namespace fr::nlp {

class RuleMatcherCompiler : public ports::MatcherCompiler {
 public:
  // ports::MatcherCompiler. kInvalidArgument "rule ID: column N: ..." for the first rule whose
  // query does not parse, or whose id is invalid or repeated.
  Result<std::shared_ptr<const ports::MentionMatcher>> Compile(
      std::span<const domain::ListeningRule> rules) const override;
};

}  // namespace fr::nlp
