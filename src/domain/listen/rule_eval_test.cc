#include "domain/listen/rule_eval.h"

#include <gtest/gtest.h>

#include "domain/listen/rule_parser.h"

namespace fr::domain {
namespace {

bool Matches(std::string_view query, const ListenPost& post) {
  auto q = ParseRuleQuery(query);
  EXPECT_TRUE(q.ok()) << query << ": " << q.status().message();
  return q.ok() && EvaluateReference(*q, post);
}

bool Matches(std::string_view query, std::string_view text) {
  ListenPost post;
  post.text = text;
  return Matches(query, post);
}

TEST(RuleEvalTest, HebrewPrefixesFinalsAndNiqqud) {
  for (const char* text : {"קנטינה", "הייתי לקנטינה אתמול", "והקנטינה סגורה", "שבקנטינה יש תור",
                           "מהקנטינה", "קַנְטִינָה", "ושבקנטינה"}) {
    EXPECT_TRUE(Matches("קנטינה", text)) << text;
  }
  EXPECT_FALSE(Matches("קנטינה", "קנטינות"));
  EXPECT_FALSE(Matches("קנטינה", "אקנטינה"));           // א is no prefix letter
  EXPECT_FALSE(Matches("קנטינה", "ושבהקנטינה"));        // four prefix letters
  EXPECT_TRUE(Matches("שלום", "שלום לכם"));
  EXPECT_TRUE(Matches("שלומ", "שלום לכם"));             // final and regular forms are one letter
  EXPECT_TRUE(Matches("\"שירות לקוחות\"", "בשירות הלקוחות שלכם"));
  EXPECT_FALSE(Matches("\"שירות לקוחות\"", "שירות גרוע ללקוחות"));
}

TEST(RuleEvalTest, LatinIsCaseAndDiacriticInsensitive) {
  EXPECT_TRUE(Matches("cafe", "Best CAFÉ in town"));
  EXPECT_TRUE(Matches("Café", "cafe"));
  EXPECT_FALSE(Matches("cafe", "cafes"));
  EXPECT_TRUE(Matches("\"customer service\"", "Your Customer   Service is great"));
  EXPECT_FALSE(Matches("\"customer service\"", "service for the customer"));
}

TEST(RuleEvalTest, PrefixTerms) {
  EXPECT_TRUE(Matches("refund*", "I want my REFUNDS"));
  EXPECT_TRUE(Matches("refund*", "refund"));
  EXPECT_FALSE(Matches("refund*", "a refun"));
  EXPECT_TRUE(Matches("קנטינ*", "בקנטינות"));
}

TEST(RuleEvalTest, BooleanStructure) {
  EXPECT_TRUE(Matches("cantina OR קנטינה", "went to the cantina"));
  EXPECT_FALSE(Matches("cantina קנטינה", "went to the cantina"));
  EXPECT_TRUE(Matches("cantina NOT job*", "cantina food"));
  EXPECT_FALSE(Matches("cantina NOT job*", "cantina jobs open"));
  EXPECT_TRUE(Matches("(cantina OR קנטינה) (refund OR החזר)", "בקנטינה ביקשתי החזר"));
}

TEST(RuleEvalTest, Near) {
  EXPECT_TRUE(Matches("cantina NEAR/1 food", "cantina food"));
  EXPECT_TRUE(Matches("cantina NEAR/1 food", "food cantina"));          // either order
  EXPECT_FALSE(Matches("cantina NEAR/1 food", "cantina good food"));
  EXPECT_TRUE(Matches("cantina NEAR/2 food", "cantina good food"));
  EXPECT_TRUE(Matches("\"tel aviv\" NEAR/2 (cantina OR קנטינה)", "בקנטינה של tel aviv"));
  EXPECT_FALSE(Matches("\"tel aviv\" NEAR/2 (cantina OR קנטינה)", "בקנטינה הכי טובה של tel aviv"));
  EXPECT_TRUE(Matches("refund* NEAR/3 late", "refunds were late"));
  EXPECT_FALSE(Matches("cantina NEAR/5 food", "cantina is here; soup"));
}

TEST(RuleEvalTest, HashtagsHandlesEmoji) {
  EXPECT_TRUE(Matches("#cantina", "love #Cantina"));
  EXPECT_FALSE(Matches("#cantina", "love cantina"));
  EXPECT_TRUE(Matches("cantina", "love #cantina"));                    // a tag's word is a word
  EXPECT_FALSE(Matches("#cantina", "love #cantinas"));
  EXPECT_TRUE(Matches("#קנטינה", "אוהבים את ＃קנטינה"));
  EXPECT_TRUE(Matches("@cantina_il", "thanks @Cantina_IL!"));
  EXPECT_FALSE(Matches("@cantina_il", "thanks @Cantina"));
  EXPECT_TRUE(Matches("👍", "great 👍🏽👍"));
  EXPECT_TRUE(Matches("👍🏽", "great 👍🏽"));
  EXPECT_FALSE(Matches("👍🏽", "great 👍"));
  EXPECT_TRUE(Matches("❤️", "love it ❤"));                             // variation selector ignored
}

TEST(RuleEvalTest, Fields) {
  ListenPost post;
  post.text = "the cantina";
  post.platform = Platform::kInstagram;
  post.language = "en";
  post.kind = MessageKind::kComment;
  post.author_handle = "Dana_IL";
  post.followers = 5000;
  EXPECT_TRUE(Matches("cantina platform:instagram|facebook", post));
  EXPECT_FALSE(Matches("cantina platform:x", post));
  EXPECT_TRUE(Matches("cantina lang:en|he", post));
  EXPECT_FALSE(Matches("cantina NOT lang:en", post));
  EXPECT_TRUE(Matches("kind:comment cantina", post));
  EXPECT_TRUE(Matches("author:dana_il", post));
  EXPECT_TRUE(Matches("followers:>4999 cantina", post));
  EXPECT_TRUE(Matches("followers:>=5000 cantina", post));
  EXPECT_FALSE(Matches("followers:>5000 cantina", post));
  EXPECT_TRUE(Matches("followers:<=5000 cantina", post));
  EXPECT_FALSE(Matches("followers:<5000 cantina", post));
  post.followers.reset();
  EXPECT_FALSE(Matches("followers:<5000 cantina", post));               // unknown: no match
}

}  // namespace
}  // namespace fr::domain
