#include "domain/approval_rules.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

std::vector<std::string> Codes(const std::vector<RuleReason>& reasons) {
  std::vector<std::string> codes;
  for (const RuleReason& r : reasons) codes.push_back(r.code);
  return codes;
}

ApprovalInput Plain(std::string_view customer_text = "ההזמנה לא הגיעה",
                    std::string_view draft = "בדקנו, היא תגיע מחר") {
  ApprovalInput in;
  in.customer_text = customer_text;
  in.draft = draft;
  in.customer_followers = 120;
  in.customer_verified = false;
  return in;
}

TEST(ApprovalRulesTest, PlainReplyNeedsNoApproval) {
  EXPECT_TRUE(ApprovalRules(ApprovalPolicy{}).Reasons(Plain()).empty());
}

TEST(ApprovalRulesTest, EveryReasonInOrder) {
  ApprovalInput in = Plain("הייתה לי הרעלה, אני אתבע אתכם", "נבדוק. אין צורך בחרם");
  in.author_in_training = true;
  in.crisis_mode = true;
  in.customer_followers = 50'000;
  EXPECT_EQ(Codes(ApprovalRules(ApprovalPolicy{}).Reasons(in)),
            (std::vector<std::string>{"trainee", "crisis", "vip", "sensitive:health",
                                      "sensitive:legal", "sensitive:boycott"}));
  in = Plain("יש שריפה במטבח, וזו גזענות", "");
  EXPECT_EQ(Codes(ApprovalRules(ApprovalPolicy{}).Reasons(in)),
            (std::vector<std::string>{"sensitive:safety", "sensitive:discrimination"}));
}

TEST(ApprovalRulesTest, TraineeAndCrisisMessages) {
  ApprovalInput in = Plain();
  in.author_in_training = true;
  EXPECT_EQ(ApprovalRules(ApprovalPolicy{}).Reasons(in),
            (std::vector<RuleReason>{
                {"trainee", "Replies by agents in training wait for a supervisor's approval."}}));
  in = Plain();
  in.crisis_mode = true;
  EXPECT_EQ(ApprovalRules(ApprovalPolicy{}).Reasons(in),
            (std::vector<RuleReason>{
                {"crisis", "Crisis mode is on: every reply waits for a supervisor's approval."}}));
}

TEST(ApprovalRulesTest, VipByFollowersOrVerification) {
  struct Case {
    std::optional<std::int64_t> followers;
    std::optional<bool> verified;
    bool verified_is_vip;
    bool vip;
  };
  const Case cases[] = {
      {9'999, false, true, false},
      {10'000, false, true, true},
      {2'000'000, std::nullopt, true, true},
      {std::nullopt, std::nullopt, true, false},
      {std::nullopt, true, true, true},
      {12, true, true, true},
      {12, true, false, false},
      {10'000, true, false, true},
  };
  for (const Case& c : cases) {
    ApprovalPolicy policy;
    policy.verified_is_vip = c.verified_is_vip;
    ApprovalInput in = Plain();
    in.customer_followers = c.followers;
    in.customer_verified = c.verified;
    EXPECT_EQ(Codes(ApprovalRules(policy).Reasons(in)),
              c.vip ? std::vector<std::string>{"vip"} : std::vector<std::string>{})
        << c.followers.value_or(-1) << " " << c.verified.value_or(false);
  }
  ApprovalInput in = Plain();
  in.customer_followers = 10'000;
  EXPECT_EQ(ApprovalRules(ApprovalPolicy{}).Reasons(in)[0].message,
            "The customer has 10000 followers (VIP from 10000): a supervisor approves replies "
            "to them.");
  in.customer_followers = 600;
  ApprovalPolicy low;
  low.vip_followers = 500;
  EXPECT_EQ(Codes(ApprovalRules(low).Reasons(in)), std::vector<std::string>{"vip"});
}

TEST(ApprovalRulesTest, DefaultLexiconMatchesHebrewAndEnglishForms) {
  struct Case {
    const char* text;
    const char* code;  // nullptr: nothing sensitive
  };
  const Case cases[] = {
      {"יש לי הרעלה", "sensitive:health"},
      {"והרעלה קשה", "sensitive:health"},
      {"מסתיים בהרעלה", "sensitive:health"},
      {"הַרְעָלָה", "sensitive:health"},
      {"הייתי שבבית חולים", "sensitive:health"},
      {"הגענו לבית החולים", "sensitive:health"},
      {"קיבלתי הרעלת מזון", "sensitive:health"},
      {"הבן שלי אלרגי", "sensitive:health"},
      {"נסענו למיון", "sensitive:health"},
      {"FOOD POISONING!!", "sensitive:health"},
      {"my son is Allergic", "sensitive:health"},
      {"נגיש תביעה ייצוגית", "sensitive:legal"},
      {"אני אתבע אתכם", "sensitive:legal"},
      {"עורך הדין שלי יפנה אליכם", "sensitive:legal"},
      {"I'll call my lawyer", "sensitive:legal"},
      {"a class-action suit", "sensitive:legal"},
      {"we will SUE", "sensitive:legal"},
      {"יש שריפה", "sensitive:safety"},
      {"נפצעתי מהמכשיר", "sensitive:safety"},
      {"קיבלתי מכה בחשמל", "sensitive:safety"},
      {"someone got injured", "sensitive:safety"},
      {"זו גזענות", "sensitive:discrimination"},
      {"זו הפליה", "sensitive:discrimination"},
      {"racist staff", "sensitive:discrimination"},
      {"בואו נחרים", "sensitive:boycott"},
      {"החרם מתחיל היום", "sensitive:boycott"},
      {"#Boycott", "sensitive:boycott"},
      // Near misses: a word is matched whole, never inside another.
      {"רעלה", nullptr},
      {"pursue", nullptr},
      {"firefly", nullptr},
      {"חשמלאי", nullptr},
      {"מזון טעים", nullptr},
  };
  const ApprovalRules rules{ApprovalPolicy{}};
  for (const Case& c : cases) {
    EXPECT_EQ(Codes(rules.Reasons(Plain(c.text, ""))),
              c.code ? std::vector<std::string>{c.code} : std::vector<std::string>{})
        << c.text;
  }
}

TEST(ApprovalRulesTest, MessageSaysWhereAndWhat) {
  const ApprovalRules rules{ApprovalPolicy{}};
  EXPECT_EQ(rules.Reasons(Plain("והרעלה קשה", "")),
            (std::vector<RuleReason>{
                {"sensitive:health",
                 "The customer's message mentions \"הרעלה\", a health matter: a supervisor "
                 "approves the reply before it goes out."}}));
  EXPECT_EQ(rules.Reasons(Plain("why so slow", "Our lawyers say no"))[0].message,
            "The reply mentions \"lawyers\", a legal matter: a supervisor approves the reply "
            "before it goes out.");
  // Named once per category, from the customer's message first.
  const std::vector<RuleReason> both = rules.Reasons(Plain("I'll sue", "please don't sue"));
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].message.rfind("The customer's message mentions \"sue\"", 0), 0u);
}

TEST(ApprovalRulesTest, LexiconIsEditable) {
  ApprovalPolicy policy;
  policy.lexicon = SensitiveLexicon{};
  EXPECT_TRUE(ApprovalRules(policy).Reasons(Plain("הרעלה ותביעה", "")).empty());
  // Entries typed without final letters or with niqqud still match.
  policy.lexicon.health = {"קורונה"};
  policy.lexicon.legal = {"עורכ דינ"};
  policy.lexicon.boycott = {"חֵרֶם"};
  EXPECT_EQ(Codes(ApprovalRules(policy).Reasons(Plain("נדבקתי בקורונה, יש לי עורך דין", "חרם"))),
            (std::vector<std::string>{"sensitive:health", "sensitive:legal",
                                      "sensitive:boycott"}));
}

}  // namespace
}  // namespace fr::domain
