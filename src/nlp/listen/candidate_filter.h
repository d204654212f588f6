// Which literals a rule needs before it is worth evaluating (nlp/listen's prefilter). A rule's
// query becomes a few *slots*, each a set of literals (atom_pattern.h) at least one of which
// must be found for the query to be true: the operands of a top-level AND or NEAR give one slot
// each (an operand that can be true without any literal, a NOT or a field, gives none), and any
// other query gives one slot. Inside an operand, an OR needs the union of its children's
// literals and an AND the literals of its child least likely to be found (longest literals).
// The matcher evaluates a rule only when every slot has a found literal, so a rule about a
// brand and a topic is evaluated when both the brand and a topic word occur, not either.
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/listen/rule_query.h"

namespace fr::nlp {

inline constexpr int kMaxCandidateSlots = 16;

// The slots of `query` (at most kMaxCandidateSlots, the least likely kept), each as indexes
// into `literals`; empty if the query can be true without any literal (then it is evaluated
// for every post). `node_atom` gives each node's atom or -1, `atom_literal` each atom's literal.
std::vector<std::vector<std::uint32_t>> CandidateSlots(const domain::RuleQuery& query, const std::vector<int>& node_atom,
                                                      const std::vector<std::uint32_t>& atom_literal,
                                                      const std::vector<std::string>& literals);

}  // namespace fr::nlp
