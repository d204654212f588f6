// Evaluating a parsed query (rule_query.h) against one post. EvaluateQuery holds the boolean
// structure, field filters and NEAR once; what the atoms (terms, prefixes, tags, emoji) match
// comes from an AtomFacts, so the reference evaluator here and nlp/listen's compiled matcher
// share it and differ only in how they find the atoms. Pure functions; thread-safe as long as
// each call has its own AtomFacts.
//
// Word spans: a term matches the words [first, last] of the text (last > first for a phrase).
// Two spans are within n words when the gap between them (the next span's first word minus
// the earlier span's last word; 0 if they overlap) is at most n: "a b" has gap 1.
#pragma once

#include <vector>

#include "domain/listen/listening_rule.h"
#include "domain/listen/rule_query.h"

namespace fr::domain {

struct WordSpan {
  int first = 0;
  int last = 0;
};

class AtomFacts {
 public:
  virtual ~AtomFacts() = default;
  // True if the atom nodes[index] occurs in the post's text.
  virtual bool Matches(const RuleQuery& query, int index) = 0;
  // Appends where the kTerm or kPrefix node nodes[index] occurs, in any order.
  virtual void Spans(const RuleQuery& query, int index, std::vector<WordSpan>* spans) = 0;
};

// True if `query` matches `post`, the atoms answered by `facts`.
bool EvaluateQuery(const RuleQuery& query, const ListenPost& post, AtomFacts& facts);

// True if the field filter `test` holds for `post`.
bool FieldMatches(const FieldTest& test, const ListenPost& post);

// The reference evaluator: finds the atoms with domain::MatchText (words, phrases, prefixes)
// and ListenText (tags, emoji), without any precomputation. Slow and obviously right: the
// oracle for the compiled matcher.
bool EvaluateReference(const RuleQuery& query, const ListenPost& post);

}  // namespace fr::domain
