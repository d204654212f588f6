#include "domain/crisis/crisis.h"

#include <gtest/gtest.h>

namespace fr::domain::crisis {
namespace {

Crisis Boycott() {
  Crisis c;
  c.name = "חרם קנטינה";
  c.terms = {"חרם", "להחרים", "boycott", "בית חולים"};
  c.rule_ids = {"cantina-boycott"};
  c.holding_statement = "אנחנו בודקים את הפרסומים ונעדכן היום.";
  c.started_at = 1'000'000;
  return c;
}

TEST(CrisisTest, ValidatesWhatPeopleGiveIt) {
  EXPECT_TRUE(ValidateCrisis(Boycott()).ok());
  Crisis c = Boycott();
  c.name.clear();
  EXPECT_EQ(ValidateCrisis(c).reason(), "name_required");
  c = Boycott();
  c.terms.push_back("!!!");
  EXPECT_EQ(ValidateCrisis(c).reason(), "term_without_words");
  c = Boycott();
  c.terms.assign(kMaxTerms + 1, "x");
  EXPECT_EQ(ValidateCrisis(c).reason(), "too_many_terms");
  c = Boycott();
  c.holding_statement = std::string(kMaxStatementBytes + 1, 'a');
  EXPECT_EQ(ValidateCrisis(c).reason(), "statement_too_long");
  c = Boycott();
  c.name = "\xff";
  EXPECT_EQ(ValidateCrisis(c).reason(), "invalid_utf8");
  c = Boycott();
  c.raise_to = Priority::kNormal;
  EXPECT_EQ(ValidateCrisis(c).reason(), "raise_to");
}

TEST(CrisisTest, MatchesTermsInAnySpellingAndRules) {
  const CrisisMatcher m(Boycott());
  EXPECT_TRUE(m.Matches("קוראים לכולם להחרים את הרשת", {}));
  EXPECT_TRUE(m.Matches("והחרם ימשיך", {}));                // prefix letters
  EXPECT_TRUE(m.Matches("BOYCOTT now", {}));                 // case
  EXPECT_TRUE(m.Matches("הגענו לבֵּית הַחוֹלִים אחרי הארוחה", {}));  // niqqud, prefix, phrase
  EXPECT_TRUE(m.Matches("nothing here", {"other", "cantina-boycott"}));
  EXPECT_FALSE(m.Matches("ההזמנה מאחרת", {"other"}));
  EXPECT_FALSE(m.Matches("בית ספר חולים", {}));  // the phrase's words must be adjacent

  Crisis all;
  all.name = "brand-wide";
  EXPECT_TRUE(CrisisMatcher(all).Matches("anything at all", {}));
}

TEST(CrisisTest, SummarizesCasesMessagesAndThePeakHour) {
  constexpr std::int64_t kHour = 3'600'000;
  const Crisis c = Boycott();
  const UnixMillis t0 = 10 * kHour;
  std::vector<RelatedCase> cases = {
      {1, t0, t0 + 10 * 60'000, 2},
      {2, t0 + kHour, t0 + kHour + 30 * 60'000, 1},
      {3, t0 + kHour, std::nullopt, 0},
  };
  std::vector<RelatedMessage> messages = {
      {t0 + 1, true}, {t0 + kHour + 5, true}, {t0 + kHour + 6, false}, {t0 + 2 * kHour - 1, true}};
  const CrisisSummary s = Summarize(c, cases, messages, c.started_at + 3 * kHour);
  EXPECT_EQ(s.cases, 3);
  EXPECT_EQ(s.messages, 4);
  EXPECT_EQ(s.negative, 3);
  EXPECT_EQ(s.replies_sent, 3);
  EXPECT_EQ(s.cases_answered, 2);
  EXPECT_EQ(s.median_first_reply_ms, 20 * 60'000);  // of 10 and 30 minutes
  EXPECT_EQ(s.peak_hour, t0 + kHour);
  EXPECT_EQ(s.peak_hour_messages, 3);
  EXPECT_EQ(s.duration_ms, 3 * kHour);

  const CrisisSummary empty = Summarize(c, {}, {}, c.started_at - 5);
  EXPECT_EQ(empty.cases, 0);
  EXPECT_FALSE(empty.median_first_reply_ms);
  EXPECT_FALSE(empty.peak_hour);
  EXPECT_EQ(empty.duration_ms, 0);
}

}  // namespace
}  // namespace fr::domain::crisis
