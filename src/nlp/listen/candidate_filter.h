// Which literals a rule needs before it is worth evaluating (nlp/listen's prefilter). A rule's
// query becomes a few *slots*, each a set of literals (atom_pattern.h) at least one of which
// must be found for the query to be true: the operands of a top-level AND or NEAR give one slot
// each (an operand that can be true without any literal, a NOT or a field, gives none), and any
// other query gives one slot. Inside an operand, an OR needs the union of its children's
// literals and an AND the literals of its child least likely to be found (longest literals).
// The matcher evaluates a rule only when every slot has a found literal, so a rule about a
// brand and a topic is evaluated when both the brand and a topic word occur, not either.
// Pure; thread-safe. CandidateIndex below applies the slots to a post's found literals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "domain/listen/rule_query.h"

namespace fr::nlp {

inline constexpr int kMaxCandidateSlots = 16;

// The slots of `query` (at most kMaxCandidateSlots, the least likely kept), each as indexes
// into `literals`; empty if the query can be true without any literal (then it is evaluated
// for every post). `node_atom` gives each node's atom or -1, `atom_literal` each atom's literal.
std::vector<std::vector<std::uint32_t>> CandidateSlots(
    const domain::RuleQuery& query, const std::vector<int>& node_atom,
    const std::vector<std::uint32_t>& atom_literal, const std::vector<std::string>& literals);

// The rules all of whose slots have a found literal, from a post's found literals. Each rule is
// listed only under the literals of its first slot (CandidateSlots puts the least likely
// first), and its other slots are checked when one of those is found: most posts hold a rule's
// topic words but not its brand, and then cost nothing for it. Immutable; thread-safe.
class CandidateIndex {
 public:
  // `slots[rule]` is CandidateSlots for rule index `rule`, with literal ids < `literal_count`.
  // Rules without slots are never candidates here (the caller evaluates them for every post).
  CandidateIndex(const std::vector<std::vector<std::vector<std::uint32_t>>>& slots,
                 std::size_t literal_count);

  // Appends to `rules` each rule whose every slot holds a literal for which is_found(literal)
  // is true, given `found`: the literals is_found is true for, each once. In no particular
  // order; a rule may be appended more than once.
  template <typename IsFound>
  void Find(std::span<const std::uint32_t> found, IsFound&& is_found,
            std::vector<std::uint32_t>* rules) const;

  std::size_t memory_bytes() const {
    return (anchored_start_.capacity() + anchored_.capacity() + rest_start_.capacity() +
            rest_.capacity()) *
           sizeof(std::uint32_t);
  }

 private:
  std::vector<std::uint32_t>
      anchored_start_;  // per literal (and one past the last): its rules in anchored_
  std::vector<std::uint32_t> anchored_;  // the rules whose first slot holds the literal
  std::vector<std::uint32_t>
      rest_start_;                   // per rule (and one past the last): its other slots in rest_
  std::vector<std::uint32_t> rest_;  // each of those slots: its size, then its literals
};

template <typename IsFound>
void CandidateIndex::Find(std::span<const std::uint32_t> found, IsFound&& is_found,
                          std::vector<std::uint32_t>* rules) const {
  for (const std::uint32_t literal : found) {
    for (std::uint32_t a = anchored_start_[literal]; a < anchored_start_[literal + 1]; ++a) {
      const std::uint32_t rule = anchored_[a];
      bool all = true;
      for (std::uint32_t at = rest_start_[rule]; all && at < rest_start_[rule + 1];) {
        const std::uint32_t size = rest_[at++];
        bool any = false;
        for (std::uint32_t i = 0; !any && i < size; ++i) any = is_found(rest_[at + i]);
        all = any;
        at += size;
      }
      if (all) rules->push_back(rule);
    }
  }
}

}  // namespace fr::nlp
