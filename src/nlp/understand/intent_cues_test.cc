#include "nlp/understand/intent_cues.h"

#include <gtest/gtest.h>

#include "nlp/understand/text_features.h"

namespace fr::nlp {
namespace {

using domain::Intent;

std::optional<Intent> CueOf(std::string_view text) {
  const FeatureTokens tokens(FeatureLine(text));
  return HebrewIntentCue(tokens);
}

TEST(HebrewIntentCueTest, QuestionWordsOpenAQuestion) {
  EXPECT_EQ(CueOf("מתי אתם פתוחים מחר?"), Intent::kQuestion);
  EXPECT_EQ(CueOf("איך מבטלים מנוי"), Intent::kQuestion);  // no "?": the opening word decides
  EXPECT_EQ(CueOf("האם יש משלוח לאילת"), Intent::kQuestion);
  EXPECT_EQ(CueOf("ומתי זה יגיע"), Intent::kQuestion);  // the prefix ו
  EXPECT_EQ(CueOf("כמה עולה משלוח? ואיזה חברת שליחויות"), Intent::kQuestion);
  EXPECT_EQ(CueOf("יש לכם את זה במידה 42"), Intent::kQuestion);
  EXPECT_EQ(CueOf("לְמָה זה לוקח כל כך הרבה זמן"), Intent::kQuestion);  // niqqud
}

TEST(HebrewIntentCueTest, ExclamationsAndRelativeClausesAreNoQuestions) {
  // מה, מי, כמה, איזה ask only in a message with a "?".
  EXPECT_EQ(CueOf("איזה כיף שיש שירות כזה!"), std::nullopt);
  EXPECT_EQ(CueOf("כמה יפה"), std::nullopt);
  EXPECT_EQ(CueOf("מה שתגידו, העיקר שיגיע"), std::nullopt);
  EXPECT_EQ(CueOf("איזה צבע יש במלאי?"), Intent::kQuestion);
}

TEST(HebrewIntentCueTest, AskingToKnowIsAQuestion) {
  EXPECT_EQ(CueOf("אפשר לדעת מתי ההזמנה תגיע"), Intent::kQuestion);
  EXPECT_EQ(CueOf("אני רוצה לדעת מה קורה עם ההחזר"), Intent::kQuestion);
  EXPECT_EQ(CueOf("רציתי לשאול לגבי המבצע"), Intent::kQuestion);
}

TEST(HebrewIntentCueTest, RequestOpenersAndPlease) {
  EXPECT_EQ(CueOf("אפשר לבטל את ההזמנה שלי"), Intent::kRequest);
  EXPECT_EQ(CueOf("תחזירו לי את הכסף בבקשה"), Intent::kRequest);
  EXPECT_EQ(CueOf("אני צריכה עזרה עם החשבון"), Intent::kRequest);
  EXPECT_EQ(CueOf("אשמח אם תחזרו אליי"), Intent::kRequest);
  EXPECT_EQ(CueOf("נא לבטל את המנוי"), Intent::kRequest);
  EXPECT_EQ(CueOf("ואפשר גם חשבונית"), Intent::kRequest);
  // בבקשה anywhere, when nothing else is said first.
  EXPECT_EQ(CueOf("החשבונית לא הגיעה, שלחו שוב בבקשה"), Intent::kRequest);
  // A request worded as a question is a request, as in English ("can you …?").
  EXPECT_EQ(CueOf("אפשר לקבל חשבונית?"), Intent::kRequest);
}

TEST(HebrewIntentCueTest, MentionsGreetingsAndEmojiAreSteppedOver) {
  EXPECT_EQ(CueOf("@cellcom היי, מה שעות הפתיחה?"), Intent::kQuestion);
  EXPECT_EQ(CueOf("בוקר טוב, אפשר לבטל את ההזמנה"), Intent::kRequest);
  EXPECT_EQ(CueOf("שלום 🙂 איפה הסניף הכי קרוב"), Intent::kQuestion);
  // A final "?" counts when emoji or "!" follow it.
  EXPECT_EQ(CueOf("הזמנתי לפני שבוע, זה יגיע עד שישי? 🙏"), Intent::kQuestion);
  EXPECT_EQ(CueOf("ההזמנה שלי עוד לא הגיעה?!"), Intent::kQuestion);
}

TEST(HebrewIntentCueTest, NoCue) {
  EXPECT_EQ(CueOf("תודה רבה על השירות המעולה"), std::nullopt);
  EXPECT_EQ(CueOf("השירות גרוע, אני מאוד כועס"), std::nullopt);
  // Only ו counts as a prefix: שמה (her name) and בשמי (in my name) are not מה and מי.
  EXPECT_EQ(CueOf("שמה של הנציגה היה דנה והיא עזרה"), std::nullopt);
  EXPECT_EQ(CueOf("בשמי ובשם המשפחה, תודה"), std::nullopt);
  // Wanting alone is not a request: רציתי only asks before לדעת, לשאול, לברר.
  EXPECT_EQ(CueOf("רציתי להודות לנציגה"), std::nullopt);
  EXPECT_EQ(CueOf("אפשר להגיד שהשירות היה מעולה"), std::nullopt);
  // A "?" inside the message is not its end.
  EXPECT_EQ(CueOf("זה נכון? לא נראה לי"), std::nullopt);
  EXPECT_EQ(CueOf(""), std::nullopt);
}

TEST(HebrewIntentCueTest, EnglishWordsAreNoCue) {
  // English questions and requests are the intent model's: only the final "?" is shared.
  EXPECT_EQ(CueOf("can you cancel my order"), std::nullopt);
  EXPECT_EQ(CueOf("please refund me"), std::nullopt);
  EXPECT_EQ(CueOf("what time do you open"), std::nullopt);
  EXPECT_EQ(CueOf("what time do you open?"), Intent::kQuestion);
}

}  // namespace
}  // namespace fr::nlp
