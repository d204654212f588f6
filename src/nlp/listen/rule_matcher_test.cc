#include "nlp/listen/rule_matcher.h"

#include <gtest/gtest.h>

#include <thread>

namespace fr::nlp {
namespace {

using Ids = std::vector<std::string>;

domain::ListeningRule Rule(std::string id, std::string query, bool enabled = true) {
  domain::ListeningRule rule;
  rule.id = std::move(id);
  rule.query = std::move(query);
  rule.enabled = enabled;
  return rule;
}

std::shared_ptr<const ports::MentionMatcher> Compile(const std::vector<domain::ListeningRule>& rules) {
  auto matcher = RuleMatcherCompiler().Compile(rules);
  EXPECT_TRUE(matcher.ok()) << matcher.status().message();
  return matcher.ok() ? *matcher : nullptr;
}

Ids Match(const ports::MentionMatcher& m, std::string_view text) {
  domain::ListenPost post;
  post.text = text;
  Ids ids;
  m.Match(post, &ids);
  return ids;
}

TEST(RuleMatcherTest, HebrewPrefixesFinalsAndNiqqud) {
  auto m = Compile({Rule("he", "קנטינה"), Rule("shalom", "שלום")});
  for (const char* text : {"לקנטינה", "אני והקנטינה", "שבקנטינה", "קַנְטִינָה טובה", "ושבקנטינה!"}) {
    EXPECT_EQ(Match(*m, text), Ids{"he"}) << text;
  }
  EXPECT_EQ(Match(*m, "קנטינות אקנטינה ושבהקנטינה"), Ids{});
  EXPECT_EQ(Match(*m, "שָׁלוֹם ולקנטינה"), (Ids{"he", "shalom"}));
  EXPECT_EQ(Match(*m, "בשלומ"), Ids{"shalom"});
}

TEST(RuleMatcherTest, PhrasesNearAndPrefixes) {
  auto m = Compile({Rule("phrase", "\"שירות לקוחות\""), Rule("near", "cantina NEAR/2 (food OR אוכל)"),
                    Rule("prefix", "refund*"), Rule("heprefix", "החזר*")});
  EXPECT_EQ(Match(*m, "בשירות הלקוחות"), Ids{"phrase"});
  EXPECT_EQ(Match(*m, "שירות גרוע ללקוחות"), Ids{});
  EXPECT_EQ(Match(*m, "Cantina, great food"), Ids{"near"});
  EXPECT_EQ(Match(*m, "food at the cantina"), Ids{});
  EXPECT_EQ(Match(*m, "cantina והאוכל"), Ids{"near"});
  EXPECT_EQ(Match(*m, "REFUNDED? ובהחזרים"), (Ids{"prefix", "heprefix"}));
  EXPECT_EQ(Match(*m, "refun"), Ids{});
}

TEST(RuleMatcherTest, HashtagsHandlesEmoji) {
  auto m = Compile({Rule("tag", "#cantina"), Rule("handle", "@cantina_il"), Rule("thumbs", "👍"),
                    Rule("flag", "🇮🇱")});
  EXPECT_EQ(Match(*m, "#Cantina rocks"), Ids{"tag"});
  EXPECT_EQ(Match(*m, "cantina rocks"), Ids{});
  EXPECT_EQ(Match(*m, "hi @Cantina_IL 👍🏽"), (Ids{"handle", "thumbs"}));
  EXPECT_EQ(Match(*m, "go 🇮🇱!"), Ids{"flag"});
}

TEST(RuleMatcherTest, FieldsAndRulesWithoutAtoms) {
  auto m = Compile({Rule("vip", "followers:>=10000"), Rule("he-x", "cantina platform:x lang:he"),
                    Rule("or-not", "cantina OR NOT lang:he")});
  domain::ListenPost post;
  post.text = "nothing here";
  post.language = "he";
  Ids ids;
  m->Match(post, &ids);
  EXPECT_EQ(ids, Ids{});
  post.followers = 20000;
  post.text = "the cantina";
  m->Match(post, &ids);
  EXPECT_EQ(ids, (Ids{"vip", "he-x", "or-not"}));
  ids.clear();
  post.platform = domain::Platform::kFacebook;
  post.language = "en";
  post.text = "none";
  m->Match(post, &ids);
  EXPECT_EQ(ids, (Ids{"vip", "or-not"}));
}

TEST(RuleMatcherTest, OrderOnceAndDisabledRules) {
  auto m = Compile({Rule("b", "cantina cantina OR cantina"), Rule("off", "cantina", false), Rule("a", "cantina")});
  EXPECT_EQ(Match(*m, "cantina cantina"), (Ids{"b", "a"}));
  EXPECT_EQ(m->rule_count(), 2u);
  EXPECT_GT(m->memory_bytes(), 0u);
}

TEST(RuleMatcherTest, NoRules) {
  auto m = Compile({});
  EXPECT_EQ(Match(*m, "anything"), Ids{});
  EXPECT_EQ(m->rule_count(), 0u);
}

TEST(RuleMatcherTest, CompileErrorsNameTheRule) {
  auto bad = RuleMatcherCompiler().Compile(std::vector{Rule("ok", "a"), Rule("refunds", "(refund OR החזר")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Errc::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "rule refunds: column 16: expected ')'");
  bad = RuleMatcherCompiler().Compile(std::vector{Rule("x", "a"), Rule("x", "b")});
  EXPECT_EQ(bad.status().message(), "rule x: the id is used by an earlier rule");
  bad = RuleMatcherCompiler().Compile(std::vector{Rule("x y", "a")});
  EXPECT_EQ(bad.status().message(), "rule x y: invalid id: use 1 to 64 letters, digits, '_', '.' or '-'");
  bad = RuleMatcherCompiler().Compile(std::vector{Rule("off", "ab*", false)});
  EXPECT_EQ(bad.status().message(),
            "rule off: column 1: prefix 'ab*' is too short: write at least 3 letters before '*'");
}

TEST(RuleMatcherTest, ManyThreadsShareOneMatcher) {
  auto m = Compile({Rule("he", "קנטינה"), Rule("en", "cantina NEAR/3 food")});
  auto other = Compile({Rule("x", "food")});
  auto work = [&] {
    for (int i = 0; i < 2000; ++i) {
      ASSERT_EQ(Match(*m, "בקנטינה food cantina"), (Ids{"he", "en"}));
      ASSERT_EQ(Match(*other, "food"), Ids{"x"});  // switching matchers on one thread
    }
  };
  std::thread t1(work), t2(work);
  t1.join();
  t2.join();
}

}  // namespace
}  // namespace fr::nlp
