// VectorscanCompiler: listening rules compiled into one vectorscan database (implements
// ports::MatcherCompiler / ports::MentionMatcher; docs/listening.md).
//
// Every distinct literal of every enabled rule's atoms (atom_pattern.h: a term's longest word,
// a prefix, a tag, an emoji) is one pattern of a single block-mode literal database, scanned
// once per post over domain::ListenText::scan_text(). A rule that cannot be true unless some
// of its literals are found is a candidate only when one of them was: for an AND or NEAR the
// literals of one operand are enough, and the compiler picks the operand least likely to be
// found (longest literals: usually the brand, not the topic words). The other rules (a term
// OR'ed with NOT, field filters alone) are evaluated for every post. Candidates are evaluated with domain::EvaluateQuery: an atom whose literal was found is
// confirmed by an exact test on the post's words (once per post and atom), and NEAR uses the
// same word tests. The answers equal domain::EvaluateReference's
// (rule_matcher_property_test.cc).
//
// The compiler is stateless and thread-safe. A compiled matcher is immutable and thread-safe:
// each thread keeps its own scratch space (cloned from the matcher's on first use).
#pragma once

#include <memory>
#include <span>

#include "ports/mention_matcher.h"

namespace fr::nlp {

class VectorscanCompiler : public ports::MatcherCompiler {
 public:
  // ports::MatcherCompiler. kInvalidArgument "rule ID: column N: ..." for the first rule whose
  // query does not parse, or whose id is invalid or repeated; kInternal if vectorscan refuses
  // the database (a bug).
  Result<std::shared_ptr<const ports::MentionMatcher>> Compile(
      std::span<const domain::ListeningRule> rules) const override;
};

}  // namespace fr::nlp
