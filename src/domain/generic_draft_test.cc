#include "domain/generic_draft.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

std::vector<std::string> Codes(const std::vector<RuleReason>& reasons) {
  std::vector<std::string> codes;
  for (const RuleReason& r : reasons) codes.push_back(r.code);
  return codes;
}

// "w0 w1 ... w19" with word `swap` replaced by `with`.
std::string Template(int swap = -1, const std::string& with = "") {
  std::string text;
  for (int i = 0; i < 20; ++i) {
    if (i > 0) text += ' ';
    text += i == swap ? with : "w" + std::to_string(i);
  }
  return text;
}

TEST(GenericDraftTest, StockPhraseWithNothingFromTheCustomer) {
  struct Case {
    const char* draft;
    const char* customer;
    bool stock;
  };
  const Case cases[] = {
      {"מתנצלים על אי הנוחות, נשמח לעזור", "ההזמנה שלי לא הגיעה", true},
      {"מתנצלים על אי הנוחות, ההזמנה שלך יצאה היום", "ההזמנה שלי לא הגיעה", false},
      // A prefix and a final letter do not hide the shared word: לסניף / סניף.
      {"נשמח לעזור, מאיזה סניף התקשרת?", "התקשרתי לסניף ולא ענו", false},
      {"We apologize for any inconvenience. Please DM us.", "My package never arrived", true},
      {"We apologize for any inconvenience: your PACKAGE left today.", "my package never came",
       false},
      // Stop words do not count as taken from the customer (thanks, you, we; ואני and כשאני are
      // אני with prefixes).
      {"Thanks, we apologize for any inconvenience", "thanks, you are the worst", true},
      {"נשמח לעזור ואני כאן", "כשאני מחכה", true},
      // Niqqud, prefixes and apostrophes in the stock phrase itself.
      {"נִשְׂמַח לַעֲזוֹר", "איפה החבילה", true},
      {"ונשמח לעזור", "איפה החבילה", true},
      {"We’re looking into it", "refund?", true},
      {"please dm us", "", true},
      // No stock phrase: no warning, shared words or not.
      {"Great to hear!", "Loved the pizza", false},
      {"בשמחה", "", false},
  };
  const GenericDraftCheck check{GenericDraftPolicy{}};
  for (const Case& c : cases) {
    const std::vector<RuleReason> got = check.Warnings(c.draft, c.customer, {});
    EXPECT_EQ(Codes(got), c.stock ? std::vector<std::string>{"stock_phrase"}
                                  : std::vector<std::string>{})
        << c.draft << " / " << c.customer;
  }
}

TEST(GenericDraftTest, StockPhraseMessageNamesThePhrase) {
  const GenericDraftCheck check{GenericDraftPolicy{}};
  EXPECT_EQ(check.Warnings("Sorry for the inconvenience!", "where is my order", {}),
            (std::vector<RuleReason>{
                {"stock_phrase",
                 "The reply uses the stock phrase \"sorry for the inconvenience\" and nothing "
                 "the customer wrote; answer what they told you so it does not read as a "
                 "template."}}));
}

TEST(GenericDraftTest, StockPhrasesAreEditable) {
  GenericDraftPolicy policy;
  policy.stock_phrases = {"have a nice day"};
  const GenericDraftCheck check(policy);
  EXPECT_TRUE(check.Warnings("please DM us", "order 12", {}).empty());
  EXPECT_EQ(Codes(check.Warnings("Have a NICE day!", "order 12", {})),
            std::vector<std::string>{"stock_phrase"});
}

TEST(GenericDraftTest, ReplySimilarityIsJaccardOverWordPairs) {
  EXPECT_EQ(ReplySimilarity("Your order is on its way", "your ORDER is on its way!"), 1.0);
  EXPECT_EQ(ReplySimilarity("הזמנתך בדרך", "הַזְמָנָתֵךְ בדרך"), 1.0);
  EXPECT_EQ(ReplySimilarity("a b c d", "e f g h"), 0.0);
  EXPECT_EQ(ReplySimilarity("a b c d", "c d a b"), 0.5);  // {ab,bc,cd} vs {cd,da,ab}
  EXPECT_EQ(ReplySimilarity("a b c d e f", "a b c d e"), 0.8);
  EXPECT_EQ(ReplySimilarity("thanks", "Thanks!"), 1.0);  // one word is its own shingle
  EXPECT_EQ(ReplySimilarity("", "!!"), 0.0);
  // One word swapped inside a 20-word template: 17 shared pairs of 21.
  EXPECT_DOUBLE_EQ(ReplySimilarity(Template(), Template(10, "dana")), 17.0 / 21.0);
}

TEST(GenericDraftTest, NearDuplicateOfRecentReplies) {
  const std::vector<std::string> recent = {Template(10, "dana"), Template(10, "yossi"),
                                           "something else entirely"};
  const GenericDraftCheck check{GenericDraftPolicy{}};  // 0.8, at least 2
  EXPECT_EQ(check.Warnings(Template(10, "noa"), "w1", recent),
            (std::vector<RuleReason>{
                {"near_duplicate",
                 "The reply is nearly the same as 2 of the last 3 replies; write this one for "
                 "this customer."}}));
  // One alike reply is below the default count; two swapped words are below 0.8.
  EXPECT_TRUE(check.Warnings(Template(10, "noa"), "w1", {recent[0], recent[2]}).empty());
  std::string two_swaps = Template(10, "noa");
  two_swaps.replace(0, 2, "hello");
  EXPECT_TRUE(check.Warnings(two_swaps, "w1", recent).empty());
  EXPECT_TRUE(check.Warnings("", "w1", {"", ""}).empty());
}

TEST(GenericDraftTest, DuplicateThresholdsAreInclusiveAndEditable) {
  const std::vector<std::string> recent = {"a b c d e", "a b c d e"};
  GenericDraftPolicy policy;
  EXPECT_EQ(Codes(GenericDraftCheck(policy).Warnings("a b c d e f", "", recent)),
            std::vector<std::string>{"near_duplicate"});  // exactly 0.8 counts
  policy.duplicate_similarity = 0.81;
  EXPECT_TRUE(GenericDraftCheck(policy).Warnings("a b c d e f", "", recent).empty());
  policy.duplicate_similarity = 0.8;
  policy.duplicate_min_count = 3;
  EXPECT_TRUE(GenericDraftCheck(policy).Warnings("a b c d e f", "", recent).empty());
  policy.duplicate_min_count = 0;  // counts as 1: no recent replies, no warning
  EXPECT_TRUE(GenericDraftCheck(policy).Warnings("a b c d e f", "", {}).empty());
  EXPECT_EQ(Codes(GenericDraftCheck(policy).Warnings("a b c d e f", "", {recent[0]})),
            std::vector<std::string>{"near_duplicate"});
}

TEST(GenericDraftTest, BothWarningsInOrder) {
  const std::string stock = "מתנצלים על אי הנוחות, נבדוק ונחזור אליך בהקדם";
  const GenericDraftCheck check{GenericDraftPolicy{}};
  EXPECT_EQ(Codes(check.Warnings(stock, "המשלוח מאחר", {stock, stock})),
            (std::vector<std::string>{"stock_phrase", "near_duplicate"}));
}

}  // namespace
}  // namespace fr::domain
