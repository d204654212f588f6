// A parsed listening-rule query (docs/listening.md): a small tree of terms, field filters and
// boolean operators, stored flat. ParseRuleQuery (rule_parser.h) builds it; the reference
// evaluator (rule_eval.h) and nlp/listen's compiled matcher read it. Plain values; immutable
// once built, so safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/message.h"
#include "domain/platform.h"

namespace fr::domain {

enum class QueryOp {
  // Atoms: what is looked for in the text. `words` are in matching form (text_normalize.h).
  kTerm,     // one word, or a phrase of adjacent words; Hebrew prefixes may be attached to each
  kPrefix,   // words[0]*: a word (or one of its prefix-stripped forms) starting with words[0]
  kHashtag,  // #words[0] (words[1..] follow it, joined by '_' in the tag): no prefix stripping
  kHandle,   // @words[0] likewise, a mention of an account in the text
  kEmoji,    // words[0] is an emoji sequence, found anywhere in the text's emoji
  // Field filters: about the post, not its text.
  kField,
  // Operators over `children`.
  kNot,   // 1 child
  kAnd,   // 2 or more
  kOr,    // 2 or more
  kNear,  // 2: both match within `near` words of each other (words, phrases, prefixes, ORs)
};

enum class QueryField { kPlatform, kLang, kKind, kAuthor, kFollowers };
enum class Comparison { kGreater, kGreaterEqual, kLess, kLessEqual };

struct FieldTest {
  QueryField field = QueryField::kPlatform;
  std::vector<Platform> platforms;  // kPlatform: any of these
  std::vector<MessageKind> kinds;   // kKind: any of these
  std::vector<std::string> names;   // kLang (lower case codes), kAuthor (lower case, no '@')
  Comparison comparison = Comparison::kGreater;  // kFollowers
  std::int64_t number = 0;                       // kFollowers
};

struct QueryNode {
  QueryOp op = QueryOp::kTerm;
  std::vector<std::string> words;  // atoms
  FieldTest field;                 // kField
  int near = 0;                    // kNear: the largest allowed distance in words (1 = adjacent)
  std::vector<int> children;       // operators: indices into RuleQuery::nodes
  int column = 0;                  // where the node starts in the query, in code points, 1-based
};

struct RuleQuery {
  std::vector<QueryNode> nodes;  // children come before their parents
  int root = -1;
};

// True for the ops that look at the text (kTerm .. kEmoji).
inline bool IsAtom(QueryOp op) { return op <= QueryOp::kEmoji; }

}  // namespace fr::domain
