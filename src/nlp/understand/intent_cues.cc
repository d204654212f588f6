#include "nlp/understand/intent_cues.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "domain/text_normalize.h"

namespace fr::nlp {
namespace {

using domain::Intent;

// The lists are in matching form: Hebrew final letters folded (איך → איכ, לכם → לכמ).
constexpr std::array<std::string_view, 10> kQuestionWords = {
    "מתי", "איכ", "למה", "האמ", "איפה", "היכנ", "מדוע", "לאנ", "מאיפה", "מאימתי"};
// Question words that also open exclamations ("איזה כיף!", "כמה יפה") and relative clauses ("מה
// שתגידו", "מי שרוצה"): they ask only in a message with a "?".
constexpr std::array<std::string_view, 10> kQuestionWordsWithMark = {
    "מה", "מהי", "מהו", "מי", "כמה", "איזה", "איזו", "אילו", "מאיזה", "מאיזו"};
// Asking to know: "אפשר לדעת", "רציתי לשאול".
constexpr std::array<std::string_view, 3> kToKnowWords = {"לדעת", "לשאול", "לברר"};
// After אפשר, a way of speaking, not a request: "אפשר להגיד שזה היה מעולה".
constexpr std::array<std::string_view, 2> kToSayWords = {"להגיד", "לומר"};
// Opening words that want something, before לדעת/לשאול/לברר only (alone they are not
// requests: "רציתי להודות לכם" thanks).
constexpr std::array<std::string_view, 2> kWantToKnowWords = {"רציתי", "ארצה"};
// Opening words that ask for something to be done: polite openers and plural or singular
// imperatives in the future form, which Hebrew uses for requests. Past-tense twins
// ("שלחו", "החזירו": they sent, they returned) are left out.
constexpr std::array<std::string_view, 40> kRequestWords = {
    "אפשר",   "אפשרי",  "אשמח",  "נא",     "אנא",   "בבקשה",  "אבקש",  "תוכלו", "תוכל",  "תוכלי",
    "תבטלו",  "תבטל",   "תבטלי", "תחזירו", "תחזיר", "תחזירי", "תשלחו", "תשלח",  "תשלחי", "תעדכנו",
    "תעדכנ",  "תחליפו", "תחליפ", "תסדרו",  "תתקנו", "תבדקו",  "תבדוק", "תחזרו", "תחזור", "תחזרי",
    "תתקשרו", "תתקשר",  "תעזרו", "תעזור",  "תזכו",  "תעבירו", "תשנו",  "תסגרו", "תאשרו", "תנו"};
// After "אני": "אני רוצה", "אני צריכה", "אני מבקש".
constexpr std::array<std::string_view, 7> kIWantWords = {"רוצה",  "צריכ",    "צריכה",   "מבקש",
                                                         "מבקשת", "מעוניינ", "מעוניינת"};
constexpr std::array<std::string_view, 8> kGreetingWords = {"שלומ", "היי", "הי",    "הלו",
                                                            "אהלנ", "hi",  "hello", "hey"};
constexpr std::array<std::string_view, 4> kTimesOfDay = {"בוקר", "ערב", "צהריימ", "לילה"};
constexpr std::array<std::string_view, 2> kGood = {"טוב", "טובימ"};

template <size_t N>
bool Listed(std::string_view word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// True if `word`, or `word` without a leading ו, is in `list`.
template <size_t N>
bool ListedOrAnd(std::string_view word, const std::array<std::string_view, N>& list) {
  if (Listed(word, list)) return true;
  std::string_view forms[domain::kMaxWordForms];
  return word.starts_with("ו") && domain::WordFormsOf(word, forms) > 1 && Listed(forms[1], list);
}

// FeatureLine's markers (xxuser, xxq, xxe1f621 …): no word begins with "xx" in a line, but
// English words such as "xxx" would; they are not openers either way.
bool IsMarker(std::string_view token) { return token.starts_with("xx"); }

// Emoji (xxe1f621), their polarity (xxemopos) and "!" (xxexcl): what may follow a final "?".
bool MayFollowFinalQuestionMark(std::string_view token) {
  return token.starts_with("xxe") && token != "xxelong";
}

// The words of a feature line, one after another: a word's prefix-stripped forms, its neg_
// prefix and its xxelong mark are stepped over with it.
class Words {
 public:
  explicit Words(const FeatureTokens& tokens) : tokens_(&tokens), end_(tokens.size() - 1) {}

  // The word at the cursor, without neg_; empty at the end or at a marker.
  std::string_view word() const {
    if (at_ >= end_ || IsMarker(tokens_->token(at_))) return {};
    std::string_view word = tokens_->token(at_);
    if (word.starts_with("neg_")) word.remove_prefix(4);
    return word;
  }
  bool at_marker() const { return at_ < end_ && IsMarker(tokens_->token(at_)); }

  // Moves past the word or marker at the cursor.
  void Next() {
    if (at_ >= end_) return;
    std::string_view forms[domain::kMaxWordForms];
    const std::string_view current = word();
    at_ += current.empty() ? 1 : static_cast<size_t>(domain::WordFormsOf(current, forms));
    if (!current.empty() && at_ < end_ && tokens_->token(at_) == "xxelong") ++at_;
  }

 private:
  const FeatureTokens* tokens_;
  size_t end_;  // the end-of-line token
  size_t at_ = 0;
};

// True if `token` is one of the line's tokens.
bool Holds(const FeatureTokens& tokens, std::string_view token) {
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens.token(i) == token) return true;
  }
  return false;
}

// Moves `words` to the message's opening word: past markers and greetings.
void SkipToOpening(Words& words) {
  for (;;) {
    if (words.at_marker() || Listed(words.word(), kGreetingWords)) {
      words.Next();
    } else if (Listed(words.word(), kTimesOfDay)) {
      Words after = words;
      after.Next();
      if (!Listed(after.word(), kGood)) return;
      words = after;
      words.Next();
    } else {
      return;
    }
  }
}

// The cue of the opening words (rules 1–3 of the header), if any.
std::optional<Intent> OpeningCue(const FeatureTokens& tokens) {
  Words words(tokens);
  SkipToOpening(words);
  std::string_view first = words.word();
  words.Next();
  const bool i_want = first == "אני" && Listed(words.word(), kIWantWords);
  if (i_want) {
    first = words.word();
    words.Next();
  }
  const std::string_view second = words.word();
  if (!i_want && (ListedOrAnd(first, kQuestionWords) ||
                  (ListedOrAnd(first, kQuestionWordsWithMark) && Holds(tokens, "xxq")))) {
    return Intent::kQuestion;
  }
  if (first == "יש" && (second == "לכמ" || second == "אפשרות")) return Intent::kQuestion;
  const bool wants = i_want || ListedOrAnd(first, kRequestWords);
  if ((wants || ListedOrAnd(first, kWantToKnowWords)) && Listed(second, kToKnowWords)) {
    return Intent::kQuestion;
  }
  if (wants && !Listed(second, kToSayWords)) return Intent::kRequest;
  return std::nullopt;
}

bool EndsWithQuestionMark(const FeatureTokens& tokens) {
  for (size_t i = tokens.size() - 1; i > 0; --i) {  // token size()-1 is the end of line
    const std::string_view token = tokens.token(i - 1);
    if (token == "xxq") return true;
    if (!MayFollowFinalQuestionMark(token)) return false;
  }
  return false;
}

}  // namespace

std::optional<Intent> HebrewIntentCue(const FeatureTokens& tokens) {
  if (auto cue = OpeningCue(tokens)) return cue;
  if (EndsWithQuestionMark(tokens)) return Intent::kQuestion;
  if (Holds(tokens, "בבקשה")) return Intent::kRequest;
  return std::nullopt;
}

}  // namespace fr::nlp
