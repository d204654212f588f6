// Approval rules: does a reply wait for a supervisor before it goes to the outbox, and why?
// Pure; an ApprovalRules is immutable after construction and safe to share between threads.
//
// The reasons, each a RuleReason code, in the order they are reported (who writes, then the
// situation, then who reads, then what is said):
//  1. "trainee": the author is in training (User::in_training).
//  2. "crisis": the reply is about the running crisis (engine/crisis/crisis_desk.h).
//  3. "vip": the customer has at least `vip_followers` followers, or is verified and
//     `verified_is_vip` holds.
//  4. "sensitive:health", "sensitive:legal", "sensitive:safety", "sensitive:discrimination",
//     "sensitive:boycott", in that order: the customer's message or the draft contains a word
//     or phrase of that category's lexicon, matched in the form of domain/text_normalize.h
//     (case, diacritics, niqqud, final letters and Hebrew prefixes do not matter: והרעלה,
//     בהרעלה and הַרְעָלָה all match הרעלה; a phrase's words must be adjacent). One reason per
//     category, naming the first lexicon entry found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/rule_reason.h"
#include "domain/text_normalize.h"

namespace fr::domain {

// Words and phrases per sensitive topic, Hebrew and English, editable in configuration.
// Exact words: list inflections that matter (נפצע, נפצעתי; lawyer, lawyers).
struct SensitiveLexicon {
  std::vector<std::string> health;
  std::vector<std::string> legal;
  std::vector<std::string> safety;
  std::vector<std::string> discrimination;
  std::vector<std::string> boycott;

  bool operator==(const SensitiveLexicon&) const = default;
};

// The built-in lexicon: for health הרעלה, הרעלת מזון, בחילה, הקאות, אלרגיה, אלרגי, בית
// חולים, מיון, poisoning, allergic, hospital, vomiting...; legal עורך דין, תביעה, ייצוגית,
// lawyer, sue, lawsuit, class action...; safety שריפה, פציעה, נפצע, חשמל, fire, injury,
// injured...; discrimination גזענות, הפליה, racism, discrimination...; boycott חרם, להחרים,
// boycott..., each with a few common inflections and spellings.
SensitiveLexicon DefaultSensitiveLexicon();

struct ApprovalPolicy {
  std::int64_t vip_followers = 10000;
  bool verified_is_vip = true;
  SensitiveLexicon lexicon = DefaultSensitiveLexicon();
};

// One reply to judge. The views must outlive the call only.
struct ApprovalInput {
  std::string_view draft;
  std::string_view customer_text;  // the message the reply answers
  std::optional<std::int64_t> customer_followers;  // Author::followers
  std::optional<bool> customer_verified;            // Author::verified
  bool author_in_training = false;                  // User::in_training
  bool crisis_mode = false;
};

class ApprovalRules {
 public:
  explicit ApprovalRules(const ApprovalPolicy& policy);

  // Returns every reason `in` needs a supervisor's approval, in the order above; empty when
  // the reply may go straight to the outbox. The first is the one to record
  // (Reply::approval_reason); the others are shown to the supervisor.
  std::vector<RuleReason> Reasons(const ApprovalInput& in) const;

 private:
  struct Category {
    std::string code;   // "sensitive:health"
    std::string topic;  // "health", for messages
    PhraseList phrases;
  };

  std::int64_t vip_followers_;
  bool verified_is_vip_;
  std::vector<Category> categories_;
};

}  // namespace fr::domain
