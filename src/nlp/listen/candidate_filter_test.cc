#include "nlp/listen/candidate_filter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

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
    const auto [it, added] =
        ids.emplace(AtomLiteral(node), static_cast<std::uint32_t>(literals.size()));
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

// CandidateIndex returns exactly the rules whose every slot holds a found literal.
TEST(CandidateFilterTest, IndexFindsTheRulesWithEverySlotFilled) {
  constexpr std::uint32_t kLiterals = 40;
  std::mt19937 rng(5);
  std::vector<std::vector<std::vector<std::uint32_t>>> rules(300);
  for (auto& slots : rules) {
    for (int slot = static_cast<int>(rng() % 4); slot > 0; --slot) {  // some rules have none
      std::set<std::uint32_t> literals;
      for (int n = 1 + static_cast<int>(rng() % 3); n > 0; --n) {
        literals.insert(static_cast<std::uint32_t>(rng() % kLiterals));
      }
      slots.emplace_back(literals.begin(), literals.end());
    }
  }
  const CandidateIndex index(rules, kLiterals);
  for (int post = 0; post < 2000; ++post) {
    std::vector<bool> found(kLiterals);
    std::vector<std::uint32_t> found_list;
    for (std::uint32_t literal = 0; literal < kLiterals; ++literal) {
      found[literal] = rng() % 4 == 0;
      if (found[literal]) found_list.push_back(literal);
    }
    std::vector<std::uint32_t> got;
    index.Find(
        found_list, [&](std::uint32_t literal) { return static_cast<bool>(found[literal]); }, &got);
    std::set<std::uint32_t> expected;
    for (std::uint32_t rule = 0; rule < rules.size(); ++rule) {
      bool all = !rules[rule].empty();
      for (const auto& slot : rules[rule]) {
        all = all && std::any_of(slot.begin(), slot.end(),
                                 [&](std::uint32_t literal) { return found[literal]; });
      }
      if (all) expected.insert(rule);
    }
    ASSERT_EQ(std::set<std::uint32_t>(got.begin(), got.end()), expected) << "post " << post;
  }
}

}  // namespace
}  // namespace fr::nlp
