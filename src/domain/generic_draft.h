// Generic drafts: warnings shown to an agent whose reply reads like a template (customers'
// most common complaint about brand accounts). Warnings, never errors: the agent may send
// anyway. Words are compared in the matching form of domain/text_normalize.h. Pure; a
// GenericDraftCheck is immutable after construction and safe to share between threads.
//
// The warnings (RuleReason codes):
//  * "stock_phrase": the draft contains a stock phrase of the policy's list AND shares no
//    content word with the customer's message. A polite formula in a reply that also answers
//    what the customer said is fine; one that could go to anyone is not. Content words are the
//    words that are not stop words (the topics' Hebrew and English list,
//    domain/topics/topic_terms.h; a word is a stop word when any of its prefix forms is, so
//    ואני and כשאני are too), and two words are shared
//    when their forms (WordForms) meet, so בהזמנה and ההזמנה share הזמנה.
//  * "near_duplicate": the draft is nearly the same text as at least `duplicate_min_count` of
//    the recent replies the caller passes (ReplySimilarity >= `duplicate_similarity`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/rule_reason.h"
#include "domain/text_normalize.h"

namespace fr::domain {

// The built-in stock phrases, Hebrew and English ("we apologize for any inconvenience",
// "מתנצלים על אי הנוחות", "please DM us", "פנו אלינו בפרטי", ...).
std::vector<std::string> DefaultStockPhrases();

struct GenericDraftPolicy {
  std::vector<std::string> stock_phrases = DefaultStockPhrases();
  double duplicate_similarity = 0.8;
  int duplicate_min_count = 2;
};

// How alike two replies are, from 0 (no word pair in common) to 1 (the same word pairs): the
// Jaccard index of their sets of word 2-shingles (each pair of adjacent words in matching
// form; a one-word text is its own shingle; a text without words has none and scores 0).
// Pairs rather than single words keep word order; pairs rather than the usual 3-shingles let a
// template with one word swapped (a name, an order number) still count: in a 20-word reply
// one swapped word leaves 0.81 with pairs but 0.71 with triples.
double ReplySimilarity(std::string_view a, std::string_view b);

class GenericDraftCheck {
 public:
  explicit GenericDraftCheck(const GenericDraftPolicy& policy);

  // Returns the warnings for `draft` answering `customer_text`, in the order stock_phrase,
  // near_duplicate; empty when the draft reads as written for this customer. `recent_replies`
  // are the texts of earlier replies to compare with (the agent's or the team's latest, as the
  // caller chooses), in the same form as the draft: all with their signatures or all without.
  std::vector<RuleReason> Warnings(std::string_view draft, std::string_view customer_text,
                                   const std::vector<std::string>& recent_replies) const;

 private:
  PhraseList stock_phrases_;
  double duplicate_similarity_;
  int duplicate_min_count_;
};

}  // namespace fr::domain
