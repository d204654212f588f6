#include "domain/approval_rules.h"

#include <fmt/format.h>

namespace fr::domain {

SensitiveLexicon DefaultSensitiveLexicon() {
  SensitiveLexicon l;
  l.health = {"הרעלה", "הרעלת מזון", "הרעלות", "הורעלתי", "בחילה", "בחילות", "הקאות", "הקאה",
              "אלרגיה", "אלרגיות", "אלרגי", "אלרגית", "בית חולים", "מיון",
              "poisoning", "food poisoning", "poisoned", "allergic", "allergy", "allergies",
              "hospital", "hospitalized", "hospitalised", "vomiting", "vomited"};
  l.legal = {"עורך דין", "עורכת דין", "עורכי דין", "תביעה", "תביעות", "לתבוע", "אתבע", "נתבע",
             "ייצוגית",
             "lawyer", "lawyers", "attorney", "sue", "sued", "suing", "lawsuit", "class action",
             "legal action"};
  l.safety = {"שריפה", "שרפה", "פציעה", "פציעות", "נפצע", "נפצעה", "נפצעתי", "נפצעו", "חשמל",
              "התחשמלות", "התחשמלתי",
              "fire", "injury", "injuries", "injured", "electric shock", "electrocuted"};
  l.discrimination = {"גזענות", "גזעני", "גזענית", "הפליה", "אפליה",
                      "racism", "racist", "discrimination", "discriminated"};
  l.boycott = {"חרם", "להחרים", "מחרימים", "נחרים",
               "boycott", "boycotting"};
  return l;
}

ApprovalRules::ApprovalRules(const ApprovalPolicy& policy)
    : vip_followers_(policy.vip_followers), verified_is_vip_(policy.verified_is_vip) {
  const SensitiveLexicon& l = policy.lexicon;
  categories_.push_back({"sensitive:health", "health", PhraseList(l.health)});
  categories_.push_back({"sensitive:legal", "legal", PhraseList(l.legal)});
  categories_.push_back({"sensitive:safety", "safety", PhraseList(l.safety)});
  categories_.push_back(
      {"sensitive:discrimination", "discrimination", PhraseList(l.discrimination)});
  categories_.push_back({"sensitive:boycott", "boycott", PhraseList(l.boycott)});
}

std::vector<RuleReason> ApprovalRules::Reasons(const ApprovalInput& in) const {
  std::vector<RuleReason> reasons;
  if (in.author_in_training) {
    reasons.push_back(
        {"trainee", "Replies by agents in training wait for a supervisor's approval."});
  }
  if (in.crisis_mode) {
    reasons.push_back(
        {"crisis", "Crisis mode is on: every reply waits for a supervisor's approval."});
  }
  if (in.customer_followers && *in.customer_followers >= vip_followers_) {
    reasons.push_back(
        {"vip", fmt::format("The customer has {} followers (VIP from {}): a supervisor "
                            "approves replies to them.",
                            *in.customer_followers, vip_followers_)});
  } else if (verified_is_vip_ && in.customer_verified.value_or(false)) {
    reasons.push_back({"vip", "The customer's account is verified: a supervisor approves "
                              "replies to them."});
  }
  const MatchText customer(in.customer_text);
  const MatchText draft(in.draft);
  for (const Category& category : categories_) {
    std::string_view where = "The customer's message";
    std::optional<std::string> found = category.phrases.FirstIn(customer);
    if (!found) {
      where = "The reply";
      found = category.phrases.FirstIn(draft);
    }
    if (!found) continue;
    reasons.push_back(
        {category.code, fmt::format("{} mentions \"{}\", a {} matter: a supervisor approves "
                                    "the reply before it goes out.",
                                    where, *found, category.topic)});
  }
  return reasons;
}

}  // namespace fr::domain
