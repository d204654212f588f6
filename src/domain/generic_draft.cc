#include "domain/generic_draft.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "domain/topics/topic_terms.h"

namespace fr::domain {
namespace {

// Every form of every content word of `text`.
std::unordered_set<std::string> ContentForms(const MatchText& text) {
  std::unordered_set<std::string> forms;
  for (const std::vector<std::string>& word : text.words()) {
    if (std::any_of(word.begin(), word.end(), [](const auto& f) { return topics::IsStopWord(f); })) {
      continue;
    }
    forms.insert(word.begin(), word.end());
  }
  return forms;
}

bool SharesContentWord(const MatchText& a, const MatchText& b) {
  const std::unordered_set<std::string> b_forms = ContentForms(b);
  const std::unordered_set<std::string> a_forms = ContentForms(a);
  return std::any_of(a_forms.begin(), a_forms.end(),
                     [&](const std::string& f) { return b_forms.count(f) > 0; });
}

std::set<std::string> Shingles(std::string_view text) {
  const std::vector<std::string> words = MatchWords(text);
  std::set<std::string> shingles;
  if (words.size() == 1) shingles.insert(words[0]);
  for (size_t i = 0; i + 1 < words.size(); ++i) shingles.insert(words[i] + ' ' + words[i + 1]);
  return shingles;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  const auto common = static_cast<double>(
      std::count_if(a.begin(), a.end(), [&](const std::string& s) { return b.count(s) > 0; }));
  const double all = static_cast<double>(a.size() + b.size()) - common;
  return all == 0 ? 0 : common / all;
}

}  // namespace

std::vector<std::string> DefaultStockPhrases() {
  return {
      "מתנצלים על אי הנוחות",
      "מצטערים על אי הנוחות",
      "סליחה על אי הנוחות",
      "נשמח לעזור",
      "פנו אלינו בפרטי",
      "שלחו לנו הודעה פרטית",
      "שלחו לנו הודעה בפרטי",
      "תודה על הפנייה",
      "תודה שפנית אלינו",
      "פנייתך חשובה לנו",
      "אנחנו בודקים את הנושא",
      "נבדוק ונחזור אליך",
      "we apologize for any inconvenience",
      "we apologise for any inconvenience",
      "sorry for any inconvenience",
      "sorry for the inconvenience",
      "please DM us",
      "please send us a DM",
      "please send us a direct message",
      "thank you for reaching out",
      "thanks for reaching out",
      "we are looking into it",
      "we're looking into it",
      "your feedback is important to us",
      "we understand your frustration",
  };
}

double ReplySimilarity(std::string_view a, std::string_view b) {
  return Jaccard(Shingles(a), Shingles(b));
}

GenericDraftCheck::GenericDraftCheck(const GenericDraftPolicy& policy)
    : stock_phrases_(policy.stock_phrases),
      duplicate_similarity_(policy.duplicate_similarity),
      duplicate_min_count_(std::max(1, policy.duplicate_min_count)) {}

std::vector<RuleReason> GenericDraftCheck::Warnings(
    std::string_view draft, std::string_view customer_text,
    const std::vector<std::string>& recent_replies) const {
  std::vector<RuleReason> warnings;
  const MatchText draft_text(draft);
  if (std::optional<std::string> phrase = stock_phrases_.FirstIn(draft_text);
      phrase && !SharesContentWord(draft_text, MatchText(customer_text))) {
    warnings.push_back(
        {"stock_phrase",
         fmt::format("The reply uses the stock phrase \"{}\" and nothing the customer wrote; "
                     "answer what they told you so it does not read as a template.",
                     *phrase)});
  }
  const std::set<std::string> draft_shingles = Shingles(draft);
  const auto alike = std::count_if(
      recent_replies.begin(), recent_replies.end(), [&](const std::string& reply) {
        return Jaccard(draft_shingles, Shingles(reply)) >= duplicate_similarity_;
      });
  if (alike >= duplicate_min_count_) {
    warnings.push_back(
        {"near_duplicate",
         fmt::format("The reply is nearly the same as {} of the last {} replies; write this "
                     "one for this customer.",
                     alike, recent_replies.size())});
  }
  return warnings;
}

}  // namespace fr::domain
