#include "nlp/listen/candidate_filter.h"

#include <algorithm>
#include <optional>
#include <set>

namespace fr::nlp {
namespace {

using domain::QueryNode;
using domain::QueryOp;
using LiteralSet = std::set<std::uint32_t>;

struct Context {
  const domain::RuleQuery& query;
  const std::vector<int>& node_atom;
  const std::vector<std::uint32_t>& atom_literal;
  const std::vector<std::string>& literals;

  // How often a set is expected to be found: short literals are found far more often.
  double Cost(const LiteralSet& set) const {
    double sum = 0;
    for (std::uint32_t literal : set) {
      const double length = static_cast<double>(literals[literal].size());
      sum += 1.0 / (length * length * length);
    }
    return sum;
  }

  // Literals at least one of which is found whenever the subtree at `index` is true; nullopt
  // if it can be true without any (fields, NOT).
  std::optional<LiteralSet> Required(int index) const {
    const QueryNode& node = query.nodes[static_cast<size_t>(index)];
    if (const int atom = node_atom[static_cast<size_t>(index)]; atom >= 0) {
      return LiteralSet{atom_literal[static_cast<size_t>(atom)]};
    }
    switch (node.op) {
      case QueryOp::kField:
      case QueryOp::kNot:
        return std::nullopt;
      case QueryOp::kOr: {
        LiteralSet all;
        for (int child : node.children) {
          auto set = Required(child);
          if (!set) return std::nullopt;
          all.insert(set->begin(), set->end());
        }
        return all;
      }
      default: {  // kAnd, kNear: every child must hold, so any one child's set will do
        std::optional<LiteralSet> best;
        for (int child : node.children) {
          auto set = Required(child);
          if (set && (!best || Cost(*set) < Cost(*best))) best = std::move(set);
        }
        return best;
      }
    }
  }
};

}  // namespace

std::vector<std::vector<std::uint32_t>> CandidateSlots(
    const domain::RuleQuery& query, const std::vector<int>& node_atom,
    const std::vector<std::uint32_t>& atom_literal, const std::vector<std::string>& literals) {
  const Context context{query, node_atom, atom_literal, literals};
  const QueryNode& root = query.nodes[static_cast<size_t>(query.root)];
  std::vector<LiteralSet> sets;
  if (root.op == QueryOp::kAnd || root.op == QueryOp::kNear) {
    for (int child : root.children) {
      if (auto set = context.Required(child)) sets.push_back(std::move(*set));
    }
  } else if (auto set = context.Required(query.root)) {
    sets.push_back(std::move(*set));
  }
  std::sort(sets.begin(), sets.end(), [&](const LiteralSet& a, const LiteralSet& b) {
    return context.Cost(a) < context.Cost(b);
  });
  if (sets.size() > static_cast<size_t>(kMaxCandidateSlots)) sets.resize(kMaxCandidateSlots);
  std::vector<std::vector<std::uint32_t>> slots;
  for (const LiteralSet& set : sets) slots.emplace_back(set.begin(), set.end());
  return slots;
}

CandidateIndex::CandidateIndex(const std::vector<std::vector<std::vector<std::uint32_t>>>& slots,
                               std::size_t literal_count) {
  std::vector<std::vector<std::uint32_t>> anchored(literal_count);
  for (std::uint32_t rule = 0; rule < slots.size(); ++rule) {
    rest_start_.push_back(static_cast<std::uint32_t>(rest_.size()));
    if (slots[rule].empty()) continue;
    for (std::uint32_t literal : slots[rule][0]) anchored[literal].push_back(rule);
    for (std::size_t slot = 1; slot < slots[rule].size(); ++slot) {
      rest_.push_back(static_cast<std::uint32_t>(slots[rule][slot].size()));
      rest_.insert(rest_.end(), slots[rule][slot].begin(), slots[rule][slot].end());
    }
  }
  rest_start_.push_back(static_cast<std::uint32_t>(rest_.size()));
  for (const std::vector<std::uint32_t>& rules : anchored) {
    anchored_start_.push_back(static_cast<std::uint32_t>(anchored_.size()));
    anchored_.insert(anchored_.end(), rules.begin(), rules.end());
  }
  anchored_start_.push_back(static_cast<std::uint32_t>(anchored_.size()));
}

}  // namespace fr::nlp
