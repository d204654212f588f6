#include "nlp/listen/literal_index.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "domain/listen/rule_parser.h"

namespace fr::nlp {
namespace {

using domain::QueryOp;

bool IsPrefixLetterAt(std::string_view s, std::size_t i) {
  static const std::set<std::string_view> kLetters = {"ו", "ה", "ב", "כ", "ל", "מ", "ש"};
  return i + 2 <= s.size() && kLetters.count(s.substr(i, 2)) > 0;
}

// True if `start` in the scan text begins a word, or the rest of one after 1 to 3 prefix
// letters when `prefix_letters`.
bool StartsWord(std::string_view scan, std::size_t start, bool prefix_letters) {
  for (int letters = 0; letters <= 3; ++letters) {
    const char before = scan[start - 1];
    if (before == ' ' || before == '#' || before == '@') return true;
    if (!prefix_letters || start < 3 || !IsPrefixLetterAt(scan, start - 2)) return false;
    start -= 2;
  }
  return false;
}

int Letters(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The literals `text` holds, by searching its scan text byte by byte: a term's or prefix's
// where it starts a word (StartsWord; prefix letters allowed before a first word of 2 or more
// letters), a tag's or emoji's anywhere.
std::set<std::uint32_t> BySearch(const std::vector<const domain::QueryNode*>& atoms,
                                 const domain::ListenText& text) {
  std::set<std::uint32_t> found;
  const std::string_view scan = text.scan_text();
  for (std::uint32_t id = 0; id < atoms.size(); ++id) {
    const std::string literal = AtomLiteral(*atoms[id]);
    const bool word = atoms[id]->op == QueryOp::kTerm || atoms[id]->op == QueryOp::kPrefix;
    const std::string_view first =
        std::string_view(literal).substr(0, literal.find(' ') == 0 ? 0 : literal.find(' '));
    for (std::size_t at = scan.find(literal); at != std::string_view::npos;
         at = scan.find(literal, at + 1)) {
      if (!word || StartsWord(scan, at, Letters(first) >= 2)) found.insert(id);
    }
  }
  return found;
}

// Near misses too: "foot" and "שירון" differ from "food" and "שירות" in their last byte only.
const std::vector<std::string> kWords = {"קנטינה", "שירות", "לקוחות",  "בית",    "גן",
                                         "מה",     "ושלום", "cantina", "refund", "ok",
                                         "a",      "food",  "foods",   "foot",   "שירון"};
const std::vector<std::string> kPrefixLetters = {"ו", "ה", "ב", "כ", "ל", "מ", "ש", "א"};
const std::vector<std::string> kEmoji = {"😀", "👍", "👍🏽", "❤️", "🇮🇱"};

TEST(LiteralIndexTest, FindsWhatASearchOfTheScanTextFinds) {
  std::mt19937 rng(20261123);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
    return v[rng() % v.size()];
  };
  std::vector<domain::RuleQuery> queries;
  std::vector<const domain::QueryNode*> atoms;
  std::set<std::string> literals;
  for (const std::string& w : kWords) {
    for (const std::string& query : {w, "\"" + w + " " + pick(kWords) + "\"", "#" + w,
                                     "@" + w + "_" + pick(kWords), w + "*", pick(kEmoji)}) {
      auto parsed = domain::ParseRuleQuery(query);
      if (!parsed.ok()) continue;
      queries.push_back(std::move(parsed).value());
    }
  }
  for (const domain::RuleQuery& q : queries) {
    const domain::QueryNode& node = q.nodes[static_cast<size_t>(q.root)];
    if (domain::IsAtom(node.op) && literals.insert(AtomLiteral(node)).second)
      atoms.push_back(&node);
  }
  const LiteralIndex index(atoms);
  int found_any = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (int i = 0, words = 1 + static_cast<int>(rng() % 8); i < words; ++i) {
      switch (rng() % 8) {
        case 0:
          text += "#";
          break;
        case 1:
          text += "@";
          break;
        case 2:
          text += pick(kEmoji);
          break;
        case 3:
          text += pick(kPrefixLetters) + pick(kPrefixLetters);
          break;
        case 4:
          text += pick(kPrefixLetters);
          break;
        default:
          break;
      }
      text += pick(kWords) + (rng() % 5 ? " " : (rng() % 2 ? "_" : "👍"));
    }
    // Words with room after them in the scan text take LiteralIndex's in-place hashing path;
    // the last ones of a text do not.
    if (rng() % 2) text += " zz zz zz zz zz zz zz zz";
    const domain::ListenText t(text);
    std::set<std::uint32_t> got;
    index.Find(t, [&](std::uint32_t id) { got.insert(id); });
    ASSERT_EQ(got, BySearch(atoms, t)) << text << " | " << t.scan_text();
    found_any += !got.empty();
  }
  EXPECT_GT(found_any, 10000);
}

TEST(LiteralIndexTest, FirstCodePoint) {
  EXPECT_EQ(FirstCodePoint("קנטינה"), "ק");
  EXPECT_EQ(FirstCodePoint("👍🏽"), "👍");
  EXPECT_EQ(FirstCodePoint(""), "");
}

}  // namespace
}  // namespace fr::nlp
