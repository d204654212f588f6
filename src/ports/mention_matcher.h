// MentionMatcher: the compiled form of all listening rules, asked which rules one post matches
// (nlp/listen implements it with one index of every rule's literals; domain/listen's reference evaluator gives the same
// answers, slowly).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/listen/listening_rule.h"

namespace fr::ports {

class MentionMatcher {
 public:
  virtual ~MentionMatcher() = default;

  // Appends to `*rule_ids` the ids of the enabled rules `post` matches, each once, in the order
  // the rules were given to the compiler. Thread-safe: one matcher serves many threads (each
  // call uses its own scratch space).
  virtual void Match(const domain::ListenPost& post, std::vector<std::string>* rule_ids) const = 0;

  // The enabled rules it matches (disabled ones are validated when compiled, never matched).
  virtual std::size_t rule_count() const = 0;
  // Bytes held by the compiled rule set (the pattern database and the rules' structure).
  virtual std::size_t memory_bytes() const = 0;
};

// Builds a MentionMatcher from rules. Compiling takes time (milliseconds to seconds for
// thousands of rules), so callers do it off the ingest path and swap the result in.
class MatcherCompiler {
 public:
  virtual ~MatcherCompiler() = default;

  // kInvalidArgument naming the first bad rule, e.g. "rule refunds: column 12: expected ')'",
  // or a rule that would blow up the matcher ("rule x: term 'a*' matches too much: a prefix
  // needs at least 2 letters").
  virtual Result<std::shared_ptr<const MentionMatcher>> Compile(
      std::span<const domain::ListeningRule> rules) const = 0;
};

}  // namespace fr::ports
