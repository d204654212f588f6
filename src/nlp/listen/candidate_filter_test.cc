#include "nlp/listen/candidate_filter.h"

#include <gtest/gtest.h>

#include <map>

#include "domain/listen/rule_parser.h"
#include "nlp/listen/atom_pattern.h"

namespace fr::nlp {
namespace {

// The slots of `query`, each as its literals (AtomLiteral) in order.
std::vector<std::vector<std::string>> Slots(const std::string& query) {
  const domain::RuleQuery q = domain::ParseRuleQuery(query).value();
  std::vector<int> node_atom;
  std::vector<std::uint32_t> atom_literal;
  std::vector<std::string> literals;
  std::map<std::string, std::uint32_t> ids;
  for (const domain::QueryNode& node : q.nodes) {
    if (!domain::IsAtom(node.op)) {
      node_atom.push_back(-1);
      continue;
    }
    const auto [it, added] = ids.emplace(AtomLiteral(node), static_cast<std::uint32_t>(literals.size()));
    if (added) literals.push_back(it->first);
    node_atom.push_back(static_cast<int>(atom_literal.size()));
    atom_literal.push_back(it->second);
  }
  std::vector<std::vector<std::string>> slots;
  for (const auto& slot : CandidateSlots(q, node_atom, atom_literal, literals)) {
    auto& named = slots.emplace_back();
    for (std::uint32_t literal : slot) named.push_back(literals[literal]);
  }
  return slots;
}

using SlotList = std::vector<std::vector<std::string>>;

TEST(CandidateFilterTest, EachOperandOfATopLevelAndIsASlot) {
  EXPECT_EQ(Slots("cantina"), (SlotList{{"cantina "}}));
  EXPECT_EQ(Slots("(cantina OR קנטינה) (refund OR late)"),
            (SlotList{{"cantina ", "קנטינה "}, {"refund ", "late "}}));
  // Fields and NOT give no slot; NEAR is an AND for this purpose.
  EXPECT_EQ(Slots("cantina lang:he NOT spam"), (SlotList{{"cantina "}}));
  EXPECT_EQ(Slots("cantina NEAR/3 refund*"), (SlotList{{"cantina "}, {"refund"}}));
}

TEST(CandidateFilterTest, InnerAndsNeedOnlyTheirLeastLikelyChild) {
  EXPECT_EQ(Slots("(ab cantina) OR refund"), (SlotList{{"cantina ", "refund "}}));
}

TEST(CandidateFilterTest, QueriesTrueWithoutAnyLiteralHaveNoSlot) {
  EXPECT_TRUE(Slots("cantina OR NOT lang:he").empty());
  EXPECT_TRUE(Slots("author:dana").empty());
}

}  // namespace
}  // namespace fr::nlp
