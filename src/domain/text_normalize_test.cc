#include "domain/text_normalize.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace fr::domain {
namespace {

using Words = std::vector<std::string>;

TEST(TextNormalizeTest, MatchWordsTable) {
  struct Case {
    const char* text;
    Words words;
  };
  const Case cases[] = {
      {"", {}},
      {"  ,.!  ", {}},
      {"Hello, WORLD!", {"hello", "world"}},
      {"Café déjà vu", {"cafe", "deja", "vu"}},
      {"ＦＵＬＬ width", {"full", "width"}},    // compatibility forms
      {"Straße", {"strasse"}},                  // full case folding
      {"don't we’re", {"dont", "were"}},        // apostrophes join
      {"'quoted' words", {"quoted", "words"}},  // ...only between word characters
      {"שָׁלוֹם עוֹלָם", {"שלומ", "עולמ"}},          // niqqud stripped, finals folded
      {"ארץ, כף, ערוך, שלום, גן", {"ארצ", "כפ", "ערוכ", "שלומ", "גנ"}},
      {"צה\"ל וצה״ל ג׳ירפה", {"צהל", "וצהל", "גירפה"}},     // gershayim, geresh
      {"בית־חולים e-mail", {"בית", "חולימ", "e", "mail"}},  // maqaf and hyphen separate
      {"דנ\u200Fה הזמ\u00ADנה", {"דנה", "הזמנה"}},          // RLM and soft hyphen vanish
      {"order #1234 arrived", {"order", "1234", "arrived"}},
      {"ok\xFFno", {"ok", "no"}},  // invalid UTF-8 separates
  };
  for (const Case& c : cases) EXPECT_EQ(MatchWords(c.text), c.words) << c.text;
}

TEST(TextNormalizeTest, EqualSpellingsGiveEqualWords) {
  // Precomposed and decomposed Hebrew with points, and a presentation form (U+FB2A) for שׁ.
  EXPECT_EQ(MatchWords("\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD"), Words{"שלומ"});
  EXPECT_EQ(MatchWords("\uFB2A\u05B8\u05DC\u05D5\u05B9\u05DD"), Words{"שלומ"});
  EXPECT_EQ(MatchWords("E\u0301TE\u0301"), MatchWords("été"));
}

TEST(TextNormalizeTest, WordFormsStripHebrewPrefixes) {
  struct Case {
    const char* word;
    Words forms;
  };
  const Case cases[] = {
      {"שבבית", {"שבבית", "בבית", "בית", "ית"}},  // the ב of בית looks like a prefix too
      {"והרעלה", {"והרעלה", "הרעלה", "רעלה"}},    // stops at ר
      {"ושבהבית", {"ושבהבית", "שבהבית", "בהבית", "הבית"}},  // three letters at most
      {"מיונ", {"מיונ", "יונ"}},
      {"באש", {"באש", "אש"}},  // two letters remain
      {"בה", {"בה"}},          // not one
      {"ארצ", {"ארצ"}},
      {"hello", {"hello"}},
      {"", {""}},
  };
  for (const Case& c : cases) EXPECT_EQ(WordForms(c.word), c.forms) << c.word;
}

TEST(TextNormalizeTest, PhrasesMatchAcrossPrefixesFinalsAndNiqqud) {
  struct Case {
    const char* text;
    const char* phrase;
    bool contains;
  };
  const Case cases[] = {
      {"יש לי הרעלה", "הרעלה", true},
      {"והרעלה קשה", "הרעלה", true},
      {"בהרעלה", "הרעלה", true},
      {"הַרְעָלָה", "הרעלה", true},
      {"היינו שבבית חולים כל הלילה", "בית חולים", true},
      {"הגענו לבית החולים", "בית חולים", true},
      {"בית-חולים", "בית חולים", true},
      {"בית ספר חולים", "בית חולים", false},  // the words must be adjacent
      {"חולים בבית", "בית חולים", false},     // and in order
      {"הזמנתי מהמסעדה", "מסעדה", true},
      {"רעלה", "הרעלה", false},    // a text word never gains letters
      {"אלרגיה", "אלרגי", false},  // nor loses a suffix
      {"I will SUE you", "sue", true},
      {"pursue", "sue", false},
      {"a CLASS-ACTION suit", "class action", true},
      {"Food Poisoning!", "food poisoning", true},
      {"naïve", "naive", true},
      {"anything", "", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MatchText(c.text).Contains(MatchWords(c.phrase)), c.contains)
        << c.text << " / " << c.phrase;
  }
}

TEST(TextNormalizeTest, PhraseListReturnsTheFirstEntryAsGiven) {
  PhraseList list({"", "!!", "Class Action", "תביעה"});
  EXPECT_EQ(list.FirstIn(MatchText("נגיש תביעה ייצוגית, a class action")), "Class Action");
  EXPECT_EQ(list.FirstIn(MatchText("ותביעה")), "תביעה");
  EXPECT_EQ(list.FirstIn(MatchText("nothing here")), std::nullopt);
  EXPECT_EQ(PhraseList({}).FirstIn(MatchText("anything")), std::nullopt);
}

TEST(TextNormalizeTest, PhraseListEntriesSharingAFirstWord) {
  PhraseList list({"class action suit", "class action", "class"});
  EXPECT_EQ(list.FirstIn(MatchText("a class action")), "class action");
  EXPECT_EQ(list.FirstIn(MatchText("class act, then a class action suit")), "class action suit");
  EXPECT_EQ(list.FirstIn(MatchText("first class")), "class");
}

TEST(TextNormalizeTest, PhraseListEntriesInWordsGivesEveryEntryFound) {
  PhraseList list({"", "class action", "תביעה", "class", "nowhere"});
  const std::vector<std::string> words =
      MatchWords("נגיש תביעה ייצוגית, a CLASS action, first class; ותביעה");
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<std::size_t> found;
  list.EntriesIn(views, &found);
  std::sort(found.begin(), found.end());
  // Positions in the list as given (the empty entry counts); once per place found.
  EXPECT_EQ(found, (std::vector<std::size_t>{1, 2, 2, 3, 3}));
  found.clear();
  list.EntriesIn({}, &found);
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace fr::domain
