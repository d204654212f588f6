#include "nlp/understand/sensitive_topics.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/understanding.h"
#include "nlp/understand/recipe.h"

namespace fr::nlp {
namespace {

TEST(SensitiveTopicsTest, NamesTheTopicsInLexiconOrder) {
  const SensitiveTopics topics(domain::DefaultSensitiveLexicon());
  EXPECT_EQ(topics.In("אני פונה לעורך דין, והילד הגיע לבית החולים"),
            (std::vector<std::string>{"health", "legal"}));
  EXPECT_TRUE(topics.In("thanks, all good").empty());
  EXPECT_TRUE(topics.In("").empty());
}

// The byte loop's words and the first-word index must find what ICU's words and a plain scan
// of every entry (MatchText::Contains) find, on every validation text.
TEST(SensitiveTopicsTest, EqualsAPlainScanOnSharedData) {
  const domain::SensitiveLexicon lexicon = domain::DefaultSensitiveLexicon();
  const std::vector<const std::vector<std::string>*> lists = {
      &lexicon.health, &lexicon.legal, &lexicon.safety, &lexicon.discrimination,
      &lexicon.boycott};
  const SensitiveTopics topics(lexicon);
  auto sets = ValidationSets(FR_SHARED_DIR "/data");
  ASSERT_TRUE(sets.ok()) << sets.status().ToString();
  size_t flagged = 0;
  for (const ValidationSet& set : *sets) {
    for (const Example& e : set.examples) {
      const domain::MatchText match(e.text);
      std::vector<std::string> expected;
      for (size_t i = 0; i < lists.size(); ++i) {
        if (std::any_of(lists[i]->begin(), lists[i]->end(), [&](const std::string& entry) {
              return match.Contains(domain::MatchWords(entry));
            })) {
          expected.emplace_back(domain::SensitivityNames()[i]);
        }
      }
      ASSERT_EQ(topics.In(e.text), expected) << e.text;
      flagged += expected.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(flagged, 10u);
}

}  // namespace
}  // namespace fr::nlp
