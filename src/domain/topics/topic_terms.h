// Topic terms: the words of customers' messages that topics are made of and named by, in Hebrew
// and English (docs of the finder: topic_finder.h). Pure; the functions are thread-safe, the
// classes thread-compatible.
//
// A text's term words are its words in matching form (domain/text_normalize.h: NFKC casefold,
// niqqud removed, Hebrew final letters folded), after dropping
//  * URLs (http://, https://, www.) and @mentions, before the text is split into words;
//  * words of digits only ("2017", "404"), words of one letter and words of more than 40
//    (junk);
//  * stop words: short function words, pronouns, greetings and thanks in both languages
//    ("the", "please", "של", "שלום", "תודה"). A word is a stop word when any of its prefix
//    forms (WordForms) is one, so ותודה, כשאני and שלא are too. This also drops the few content
//    words whose prefix-less rest is a two-letter function word (מלא → לא, כלי → לי); topics
//    rarely hinge on them.
//
// Hebrew writes ו ה ב כ ל מ ש onto the next word. Which of a word's forms is its term is
// decided by the corpus it comes from (TermVocabulary). Going through its forms from the
// longest, the next shorter one takes over while
//  * it is written on its own in at least two documents and in at least 1/8 as many as the
//    form it replaces: with ההזמנה and הזמנה common, ההזמנה is the term הזמנה, but זמנה ("her
//    time"), rare beside הזמנה, does not take it; הרעלה stays הרעלה because רעלה is (nearly)
//    never written; and
//  * the form it replaces is not itself written after ה, ב or ל (the article and the
//    prepositions that swallow it) in two documents or more: המספר and במספר show that the מ of
//    מספר is part of the word, so מספר never becomes ספר, however common ספר is.
// A rare form stops the walk (שבהזמנה stays while בהזמנה is rare). Every word that reaches
// הזמנה ends there. Of the 150 commonest changes in the Hebrew comments of ../shared/data, ten
// are wrong, mostly an infinitive's ל (לחשוב → חשוב, לשנות → שנות) or a two-letter rest
// (מיד → יד); such a term also holds the other word's texts and reads without that letter.
//
// English inflections go the same way: a word in -s, -es, -ies, -ed, -ied or -ing becomes the
// first of its likely bases that the first rule accepts (crashes, crashed, crashing → crash;
// charged → charge; stopped → stop; replies → reply), if any. Short tweets about one problem
// rarely use the same form of its verb.
//
// Terms are keys in matching form ("משלוח", "הזמנתי", "crash"). What a supervisor reads is the
// term's display form (DisplayForms): the spelling most often written, with its case, real final
// letters and apostrophes, without niqqud and without the prefix letters the term lost ("Login",
// "iOS", "don't", "המשלוח" → "משלוח", and "crashes" when that is the usual writing of crash).
// A Hebrew display form always ends in a final letter.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fr::domain::topics {

// At most this many leading bytes of a text are read (tweets and comments are far shorter; a
// pasted document adds no topic its first 4 KiB do not show). Cutting inside a UTF-8 sequence
// only turns that character into a word break.
inline constexpr std::size_t kMaxTextBytes = 4096;

// True if `word`, a word in matching form (as MatchWords returns it), is one of the built-in
// Hebrew or English stop words itself. (TermWords also drops words with a stop word among
// their prefix forms.)
bool IsStopWord(std::string_view word);

// The term words of `text` (see above), in matching form and text order, repeats kept. Reads
// at most kMaxTextBytes. Never fails: invalid UTF-8 separates words.
std::vector<std::string> TermWords(std::string_view text);

// The Jaccard index of two term lists taken as sets, |A ∩ B| / |A ∪ B|: 1 for the same terms,
// 0 for none in common or when either is empty.
template <typename Term>
double TermSetSimilarity(std::vector<Term> a, std::vector<Term> b) {
  for (auto* v : {&a, &b}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  if (a.empty() || b.empty()) return 0;
  std::vector<Term> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) /
         static_cast<double>(a.size() + b.size() - common.size());
}

// A word of a text as it was written, next to its matching form.
struct WrittenWord {
  std::string word;     // matching form, as TermWords gives it
  std::string written;  // the same word as written: case and final letters kept, marks removed
  bool operator==(const WrittenWord&) const = default;
};

// The words of `text` (URLs and @mentions left out, at most kMaxTextBytes read) with how they
// were written: each whitespace-separated piece that holds exactly one word, without the
// punctuation around it. Pieces holding several words ("login/password") are left out; this is
// for display forms, where a few missing samples do not matter. Never fails.
std::vector<WrittenWord> WrittenWords(std::string_view text);

// The words of a corpus and how often each is written, to choose each word's term.
class TermVocabulary {
 public:
  // Counts the distinct words of `words` (TermWords of one text) as one document.
  void AddDocument(const std::vector<std::string>& words);

  // The term of `word` (matching form; it need not have been counted), by the rules above:
  // `word` itself when no shorter form is written often enough.
  std::string TermOf(std::string_view word) const;

  // The number of documents `word` occurs in, as written (0 if none).
  std::int64_t DocumentCount(std::string_view word) const;

 private:
  // True if `shorter` may stand for a word written in `longer_count` documents (the ratio rule).
  bool Attested(std::string_view shorter, std::int64_t longer_count) const;
  // True if `word` is written after ה, ב or ל often enough that its own first letter cannot
  // be a prefix (the stem rule).
  bool TakesPrefixes(const std::string& word) const;

  std::unordered_map<std::string, std::int64_t> documents_;
};

// The display form of terms, from samples of how their words were written.
class DisplayForms {
 public:
  // Counts one writing of `term`: `written` (a WrittenWord's) whose matching form `word` has
  // `term` as its term (TermVocabulary::TermOf). The letters `word` has before `term` (Hebrew
  // prefixes) are left off; an inflected English writing counts as it is.
  void Add(std::string_view term, std::string_view word, std::string_view written);

  // The display form of `term`: the writing counted most often (ties: fewest capitals, then
  // byte order), with a Hebrew last letter in its final form; `term` itself if none was counted.
  std::string Of(std::string_view term) const;

 private:
  std::unordered_map<std::string, std::map<std::string, std::int64_t>> writings_;
};

}  // namespace fr::domain::topics
