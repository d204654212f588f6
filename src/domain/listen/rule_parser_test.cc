#include "domain/listen/rule_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace fr::domain {
namespace {

// The query tree written back in prefix form, to compare structure: AND(a,OR(b,"c d")).
std::string Show(const RuleQuery& q, int index) {
  const QueryNode& n = q.nodes[static_cast<size_t>(index)];
  auto words = [&] {
    std::string s;
    for (const std::string& w : n.words) s += (s.empty() ? "" : " ") + w;
    return s;
  };
  auto children = [&](std::string name) {
    name += "(";
    for (size_t i = 0; i < n.children.size(); ++i) name += (i ? "," : "") + Show(q, n.children[i]);
    return name + ")";
  };
  switch (n.op) {
    case QueryOp::kTerm: return n.words.size() == 1 ? words() : "\"" + words() + "\"";
    case QueryOp::kPrefix: return words() + "*";
    case QueryOp::kHashtag: return "#" + words();
    case QueryOp::kHandle: return "@" + words();
    case QueryOp::kEmoji: return "emoji:" + words();
    case QueryOp::kField: return "field";
    case QueryOp::kNot: return children("NOT");
    case QueryOp::kAnd: return children("AND");
    case QueryOp::kOr: return children("OR");
    case QueryOp::kNear: return children("NEAR" + std::to_string(n.near));
  }
  return "?";
}

std::string Parse(std::string_view query) {
  auto parsed = ParseRuleQuery(query);
  if (!parsed.ok()) return "error: " + parsed.status().message();
  return Show(*parsed, parsed->root);
}

TEST(RuleParserTest, Structure) {
  struct Case {
    const char* query;
    const char* shown;
  };
  const Case cases[] = {
      {"cantina", "cantina"},
      {"Cantina קנטינה", "AND(cantina,קנטינה)"},                       // implicit AND
      {"a AND b OR c", "OR(AND(a,b),c)"},                               // AND binds tighter
      {"a OR b c", "OR(a,AND(b,c))"},
      {"a OR b OR c", "OR(a,b,c)"},                                     // flattened
      {"(a OR b) c", "AND(OR(a,b),c)"},
      {"NOT a b", "AND(NOT(a),b)"},                                     // NOT binds tightest
      {"a NOT b", "AND(a,NOT(b))"},
      {"a NEAR/3 b c", "AND(NEAR3(a,b),c)"},                            // NEAR over AND
      {"(a OR bbb*) NEAR/5 \"c d\"", "NEAR5(OR(a,bbb*),\"c d\")"},
      {"\"שירות   לקוחות\"", "\"שירות לקוחות\""},
      {"צה\"ל", "צהל"},                                                 // gershayim inside a word
      {"קָנְטִינָה", "קנטינה"},                                           // niqqud stripped
      {"שלום", "שלומ"},                                                 // final letter folded
      {"CANTI*", "canti*"},
      {"#Cantina @Cantina_IL", "AND(#cantina,@cantina il)"},
      {"👍🏽", "emoji:👍🏽"},
      {"e-mail", "\"e mail\""},
      {"platform:x|facebook lang:he cantina", "AND(field,field,cantina)"},
      {"cantina NOT (lang:ar OR kind:dm)", "AND(cantina,NOT(OR(field,field)))"},
      {"followers:>=1000", "field"},
      {"author:@Dana", "field"},
  };
  for (const Case& c : cases) EXPECT_EQ(Parse(c.query), c.shown) << c.query;
}

TEST(RuleParserTest, FieldValues) {
  auto q = ParseRuleQuery("platform:X|instagram kind:dm|review lang:HE author:@Dana followers:<5");
  ASSERT_TRUE(q.ok()) << q.status().message();
  const auto& n = q->nodes;
  EXPECT_EQ(n[0].field.platforms, (std::vector<Platform>{Platform::kX, Platform::kInstagram}));
  EXPECT_EQ(n[1].field.kinds, (std::vector<MessageKind>{MessageKind::kDm, MessageKind::kReview}));
  EXPECT_EQ(n[2].field.names, std::vector<std::string>{"he"});
  EXPECT_EQ(n[3].field.names, std::vector<std::string>{"dana"});
  EXPECT_EQ(n[4].field.comparison, Comparison::kLess);
  EXPECT_EQ(n[4].field.number, 5);
}

TEST(RuleParserTest, Errors) {
  struct Case {
    std::string query;
    const char* message;
  };
  const Case cases[] = {
      {"", "column 1: the query is empty"},
      {"   ", "column 1: the query is empty"},
      {"(a OR b", "column 8: expected ')'"},
      {"a)", "column 2: ')' without '('"},
      {"a OR", "column 5: expected a term, found the end of the query"},
      {"AND a", "column 1: expected a term, found 'AND'"},
      {"קנטינה OR )", "column 11: expected a term, found ')'"},   // columns count code points
      {"\"open", "column 1: unclosed '\"'"},
      {"ca*", "column 1: prefix 'ca*' is too short: write at least 3 letters before '*'"},
      {"a קנ*", "column 3: prefix 'קנ*' is too short: write at least 3 letters before '*'"},
      {"ca*t", "column 1: 'ca*t': '*' goes at the end of a word"},
      {"a NEAR b", "column 3: NEAR needs a distance in words, e.g. NEAR/5"},
      {"a NEAR/51 b", "column 3: NEAR/51: the distance must be 1 to 50 words"},
      {"a NEAR/0 b", "column 3: NEAR/0: the distance must be 1 to 50 words"},
      {"a NEAR/2 lang:he", "column 3: NEAR works on words, phrases, prefixes and OR groups of them"},
      {"(a NEAR/2 b) NEAR/2 c", "column 14: NEAR works on words, phrases, prefixes and OR groups of them"},
      {"NOT cantina", "column 1: the query has no term or field filter outside NOT, so it would match nearly every post"},
      {"NOT a NOT lang:he", "column 1: the query has no term or field filter outside NOT, so it would match nearly every post"},
      {"platfrom:x", "column 1: unknown field 'platfrom:' (platform, lang, kind, author, followers)"},
      {"platform:myspace", "column 1: unknown platform 'myspace' (x, facebook, messenger, instagram, linkedin, tiktok, rss)"},
      {"kind:tweet", "column 1: unknown kind 'tweet' (post, comment, reply, mention, quote, repost, review, dm)"},
      {"followers:1000", "column 1: followers: needs a comparison, e.g. followers:>1000"},
      {"followers:>lots", "column 1: followers: needs a whole number, e.g. followers:>1000"},
      {"lang:", "column 1: lang: needs a value"},
      {"...", "column 1: '...' has no letters, digits or emoji"},
      {"cantina😀", "column 1: 'cantina😀' mixes letters and emoji: write them as two terms"},
      {"\"a 😀\"", "column 1: a phrase holds words only; write emoji as terms of their own"},
      {"a#b", "column 1: 'a#b': '#' and '@' go at the start of a term"},
      {"a \xFF", "column 3: the query is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    auto q = ParseRuleQuery(c.query);
    ASSERT_FALSE(q.ok()) << c.query;
    EXPECT_EQ(q.status().code(), Errc::kInvalidArgument);
    EXPECT_EQ(q.status().message(), c.message) << c.query;
  }
}

TEST(RuleParserTest, Limits) {
  std::string terms;
  for (int i = 0; i < kMaxQueryAtoms; ++i) terms += "w" + std::to_string(i) + " OR ";
  EXPECT_TRUE(ParseRuleQuery(terms + "last").status().message().starts_with("column "));
  EXPECT_EQ(ParseRuleQuery(terms + "last").status().message(),
            "column " + std::to_string(terms.size() + 1) + ": too many terms: a rule may have at most 64");
  EXPECT_TRUE(ParseRuleQuery(terms.substr(0, terms.size() - 4)).ok());

  EXPECT_TRUE(ParseRuleQuery(std::string(15, '(') + "a" + std::string(15, ')')).ok());
  EXPECT_EQ(ParseRuleQuery(std::string(16, '(') + "a" + std::string(16, ')')).status().message(),
            "column 17: nested too deeply (more than 16 levels)");
  std::string nots;
  for (int i = 0; i < 20; ++i) nots += "NOT ";
  EXPECT_EQ(ParseRuleQuery("a " + nots + "b").status().message(),
            "column 67: nested too deeply (more than 16 levels)");

  EXPECT_EQ(ParseRuleQuery(std::string(kMaxQueryBytes + 1, 'a')).status().message(),
            "the query is 4097 bytes long; at most 4096 are allowed");
  EXPECT_TRUE(ParseRuleQuery(std::string(kMaxQueryBytes, 'a')).ok());
}

}  // namespace
}  // namespace fr::domain
