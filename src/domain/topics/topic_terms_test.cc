#include "domain/topics/topic_terms.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/text_normalize.h"

namespace fr::domain::topics {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The matching form of one word, as the vocabulary and the stop list see it.
std::string M(std::string_view word) { return MatchWords(word).at(0); }

TermVocabulary VocabularyOf(const std::vector<std::string>& texts) {
  TermVocabulary v;
  for (const std::string& t : texts) v.AddDocument(TermWords(t));
  return v;
}

TEST(TopicTermsTest, TermWordsDropLinksMentionsNumbersAndShortWords) {
  EXPECT_THAT(TermWords("@AmazonHelp my order 112-334 never came https://t.co/x1Y2 #fail x"),
              ElementsAre("order", "never", "came", "fail"));
  EXPECT_THAT(TermWords("see www.example.com/a?b=1 or HTTP://EXAMPLE.COM now"), IsEmpty());
  EXPECT_THAT(TermWords("iOS 11 broke 5G"), ElementsAre("ios", "broke", "5g"));
}

TEST(TopicTermsTest, TermWordsDropStopWordsInBothLanguagesWithTheirPrefixes) {
  EXPECT_THAT(TermWords("Hi, thanks! Please fix the app"), ElementsAre("fix", "app"));
  EXPECT_THAT(TermWords("שלום, ותודה! כשאני מזמין שלא מגיע"), ElementsAre(M("מזמין"), "מגיע"));
  EXPECT_TRUE(IsStopWord(M("שלום")));
  EXPECT_TRUE(IsStopWord("dont"));
  EXPECT_FALSE(IsStopWord(M("משלוח")));
}

TEST(TopicTermsTest, TermWordsReadNiqqudFinalsAndCaseAsMatchingForm) {
  EXPECT_THAT(TermWords("הַמִּשְׁלוֹחַ LOGIN"), ElementsAre("המשלוח", "login"));
  EXPECT_THAT(TermWords("הטלפון"), ElementsAre("הטלפונ"));
}

TEST(TopicTermsTest, TermWordsSurviveInvalidUtf8AndHugeTexts) {
  EXPECT_THAT(TermWords("app\xff\xfe crash\xc3"), ElementsAre("app", "crash"));
  const std::string huge(1'000'000, 'a');
  EXPECT_THAT(TermWords(huge), IsEmpty());  // its first kMaxTextBytes: one overlong word
  EXPECT_THAT(TermWords(std::string(kMaxTextBytes, ' ') + "invisible"), IsEmpty());
}

TEST(TopicTermsTest, PrefixLettersComeOffWhileTheShorterFormIsCommonEnough) {
  std::vector<std::string> texts = {"ההזמנה שלי",   "ההזמנה לא הגיעה", "בהזמנה הייתה טעות",
                                    "שבהזמנה",      "זמנה עבר",        "זמנה הגיע",
                                    "הרעלה במסעדה", "הרעלה קשה",       "רעלה"};
  for (int i = 0; i < 17; ++i) texts.push_back("הזמנה חדשה");
  const TermVocabulary v = VocabularyOf(texts);
  EXPECT_EQ(v.TermOf(M("ההזמנה")), M("הזמנה"));
  EXPECT_EQ(v.TermOf(M("הזמנה")), M("הזמנה"));  // זמנה: 2 documents beside 17
  EXPECT_EQ(v.TermOf(M("הרעלה")), M("הרעלה"));  // רעלה: written once
  EXPECT_EQ(v.TermOf(M("בהזמנה")), M("הזמנה"));
  EXPECT_EQ(v.TermOf(M("שבהזמנה")), M("שבהזמנה"));  // the walk stops at בהזמנה, written once
  EXPECT_EQ(v.TermOf(M("שהגיעה")), M("שהגיעה"));    // not in the corpus at all
  EXPECT_EQ(v.DocumentCount(M("ההזמנה")), 2);
  EXPECT_EQ(v.DocumentCount(M("הזמנה")), 17);
}

TEST(TopicTermsTest, AWordWrittenAfterTheArticleOrBetOrLamedKeepsItsFirstLetter) {
  // מספר (number) is written as המספר and במספר, so its מ is not "from": it does not become
  // ספר (book), however common ספר is. המשלוח is never written after ה, ב or ל.
  const TermVocabulary v =
      VocabularyOf({"המספר שלי", "המספר לא עובד", "במספר הזה", "מספר", "מספר טלפון", "ספר",
                    "ספר חדש", "ספר טוב", "המשלוח", "משלוח", "משלוח מהיר"});
  EXPECT_EQ(v.TermOf(M("מספר")), M("מספר"));
  EXPECT_EQ(v.TermOf(M("המספר")), M("מספר"));
  EXPECT_EQ(v.TermOf(M("המשלוח")), M("משלוח"));
}

TEST(TopicTermsTest, EnglishInflectionsJoinTheirBaseWhenTheBaseIsWritten) {
  const TermVocabulary v = VocabularyOf({"app crash", "crash report", "app crashes",
                                         "crashing again", "card charged twice", "another charge",
                                         "charge back", "order stopped", "no replies", "one reply",
                                         "reply soon", "evening flight", "even worse", "delays"});
  EXPECT_EQ(v.TermOf("crashes"), "crash");
  EXPECT_EQ(v.TermOf("crashing"), "crash");
  EXPECT_EQ(v.TermOf("charged"), "charge");
  EXPECT_EQ(v.TermOf("replies"), "reply");
  EXPECT_EQ(v.TermOf("stopped"), "stopped");  // "stop" is never written here
  EXPECT_EQ(v.TermOf("evening"), "evening");  // "even" is a stop word
  EXPECT_EQ(v.TermOf("delays"), "delays");
}

TEST(TopicTermsTest, WrittenWordsKeepCaseAndFinalsWithoutMarksOrPunctuation) {
  EXPECT_THAT(WrittenWords("\"Login\" fails, can't pay!! (הַטֶּלֶפוֹן) @brand a/b"),
              ElementsAre(WrittenWord{"login", "Login"}, WrittenWord{"fails", "fails"},
                          WrittenWord{"pay", "pay"}, WrittenWord{"הטלפונ", "הטלפון"}));
}

TEST(TopicTermsTest, DisplayFormIsTheCommonestWritingWithoutPrefixes) {
  DisplayForms d;
  d.Add("login", "login", "Login");
  d.Add("login", "login", "login");
  d.Add("login", "login", "login");
  d.Add("ios", "ios", "iOS");
  d.Add("ios", "ios", "IOS");
  d.Add(M("משלוח"), M("המשלוח"), "המשלוח");
  d.Add(M("משלוח"), M("והמשלוח"), "והמשלוח");
  d.Add(M("טלפון"), M("הטלפון"), "בטלפון");  // does not start with its prefix: not counted
  d.Add("crash", "crashes", "crashes");
  EXPECT_EQ(d.Of("login"), "login");
  EXPECT_EQ(d.Of("ios"), "iOS");  // a tie: fewer capitals
  EXPECT_EQ(d.Of(M("משלוח")), "משלוח");
  EXPECT_EQ(d.Of(M("טלפון")), "טלפון");
  EXPECT_EQ(d.Of("crash"), "crashes");
  EXPECT_EQ(d.Of("unseen"), "unseen");
}

TEST(TopicTermsTest, HebrewDisplayFormsEndInAFinalLetter) {
  DisplayForms d;
  d.Add(M("שלום"), M("שלום"), "שלומ");
  EXPECT_EQ(d.Of(M("שלום")), "שלום");
  EXPECT_EQ(d.Of(M("החשבון")), "החשבון");
}

TEST(TopicTermsTest, TermSetSimilarityIsJaccardOfTheSets) {
  using V = std::vector<std::string>;
  EXPECT_DOUBLE_EQ(TermSetSimilarity(V{"late", "delivery"}, V{"delivery", "late", "late"}), 1.0);
  EXPECT_DOUBLE_EQ(TermSetSimilarity(V{"late", "delivery"}, V{"late", "flight"}), 1.0 / 3);
  EXPECT_DOUBLE_EQ(TermSetSimilarity(V{}, V{"late"}), 0.0);
}

}  // namespace
}  // namespace fr::domain::topics
