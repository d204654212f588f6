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

TEST(LanguageIdTest, OtherLanguagesKeepTheirCode) {
  EXPECT_EQ(IdentifyLanguage("Bonjour, ma commande n'est jamais arrivée et personne ne répond au "
                             "téléphone depuis deux semaines.")
                .language,
            "fr");
}

}  // namespace
}  // namespace fr::nlp
