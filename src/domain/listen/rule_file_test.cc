#include "domain/listen/rule_file.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

TEST(RuleFileTest, ParsesRulesCommentsAndBlankLines) {
  auto rules = ParseRulesFile(
      "# brand mentions\n"
      "\n"
      "cantina: cantina OR קנטינה\r\n"
      "  refunds.he :  (קנטינה) NEAR/3 החזר*   \n"
      "tags: #cantina",
      "rules.txt");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_EQ(rules->size(), 3u);
  EXPECT_EQ((*rules)[0].id, "cantina");
  EXPECT_EQ((*rules)[0].query, "cantina OR קנטינה");
  EXPECT_EQ((*rules)[1].id, "refunds.he");
  EXPECT_EQ((*rules)[1].query, "(קנטינה) NEAR/3 החזר*   ");
  EXPECT_EQ((*rules)[2].query, "#cantina");
  EXPECT_TRUE((*rules)[2].enabled);
}

TEST(RuleFileTest, Errors) {
  struct Case {
    const char* content;
    const char* message;
  };
  const Case cases[] = {
      {"ok: a\nno colon here\n", "r.txt:2:1: expected 'id: query'"},
      {"bad id: a", "r.txt:1:1: invalid rule id 'bad id': use 1 to 64 letters, digits, '_', '.' or '-'"},
      {"a: x\n\nb: y\n  a: z", "r.txt:4:3: duplicate rule id 'a' (first on line 1)"},
      {"x: (a OR b", "r.txt:1:11: rule x: expected ')'"},
      {"קנטינה_1: a", "r.txt:1:1: invalid rule id 'קנטינה_1': use 1 to 64 letters, digits, '_', '.' or '-'"},
      {"he:   קנטינה OR (", "r.txt:1:18: rule he: expected a term, found the end of the query"},
      {"x:", "r.txt:1:3: rule x: the query is empty"},
  };
  for (const Case& c : cases) {
    auto rules = ParseRulesFile(c.content, "r.txt");
    ASSERT_FALSE(rules.ok()) << c.content;
    EXPECT_EQ(rules.status().message(), c.message) << c.content;
  }
}

}  // namespace
}  // namespace fr::domain
