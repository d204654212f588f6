#include "nlp/understand/language_id.h"

#include <gtest/gtest.h>

namespace fr::nlp {
namespace {

TEST(LanguageIdTest, HebrewIsHeNotIw) {
  const auto guess = IdentifyLanguage("שלום, ההזמנה שלי לא הגיעה כבר שבועיים ואף אחד לא עונה לי");
  EXPECT_EQ(guess.language, "he");
  EXPECT_EQ(guess.other_language, "");
}

TEST(LanguageIdTest, English) {
  const auto guess =
      IdentifyLanguage("My order never arrived and nobody answers the phone. Terrible service.");
  EXPECT_EQ(guess.language, "en");
  EXPECT_EQ(guess.other_language, "");
}

TEST(LanguageIdTest, MixedHebrewWithEnglishReportsBoth) {
  const auto guess = IdentifyLanguage(
      "קניתי את ה iPhone החדש אצלכם והוא לא נטען בכלל, the charger is broken and it does not work");
  EXPECT_EQ(guess.language, "he");
  EXPECT_EQ(guess.other_language, "en");
}

TEST(LanguageIdTest, ShortTextsUseTheScript) {
  EXPECT_EQ(IdentifyLanguage("תודה").language, "he");
  EXPECT_EQ(IdentifyLanguage("שָׁלוֹם").language, "he");
  EXPECT_EQ(IdentifyLanguage("thanks!").language, "en");
}

TEST(LanguageIdTest, NoLettersIsUnd) {
  EXPECT_EQ(IdentifyLanguage("").language, "und");
  EXPECT_EQ(IdentifyLanguage("👍👍 123 !!").language, "und");
  EXPECT_EQ(IdentifyLanguage("\xff\xfe\xfd").language, "und");
}

// CLD2 calls these Hebrew texts (from shared/data) Yiddish; text in Hebrew letters alone is
// Hebrew without asking it.
TEST(LanguageIdTest, HebrewLettersAloneAreHebrew) {
  for (const char* text : {"אין נחמה", "וואו !", "שמאלני", "סוזי שוקד דיין 123 👍"}) {
    const auto guess = IdentifyLanguage(text);
    EXPECT_EQ(guess.language, "he") << text;
    EXPECT_EQ(guess.other_language, "") << text;
  }
}

// Yiddish written with its own digraphs or with rafe still goes to CLD2.
TEST(LanguageIdTest, YiddishDigraphsAndRafeGoToCld2) {
  EXPECT_EQ(IdentifyLanguage("איך װײס נישט װאָס צו טאָן מיט דעם").language, "yi");
  EXPECT_EQ(IdentifyLanguage("פֿון דער שטאָט").language, "yi");
}

// CLD2 refuses text with C1 controls (mojibake of curly quotes: "â€œ" holds U+0080 and
// U+009C) without filling in its results: the script decides, and no other language is made up.
TEST(LanguageIdTest, TextCld2RefusesFallsBackToTheScript) {
  const auto guess = IdentifyLanguage(
      "Thx Adam. Confirmed from your DM, pls proceed as per the \u00e2\u0080\u009cReporting "
      "Suspicious SMS Messages\u00e2\u0080\u009d from our website you quoted");
  EXPECT_EQ(guess.language, "en");
  EXPECT_EQ(guess.other_language, "");
}

TEST(LanguageIdTest, OtherLanguagesKeepTheirCode) {
  EXPECT_EQ(IdentifyLanguage("Bonjour, ma commande n'est jamais arrivée et personne ne répond au "
                             "téléphone depuis deux semaines.")
                .language,
            "fr");
}

}  // namespace
}  // namespace fr::nlp
