// Text normalisation for word matching in Hebrew and English: the one place that decides when
// two spellings are the same word. The reply rules use it (stock phrases, sensitive words,
// shared words, near-duplicate replies); listening rules will too. Pure; thread-safe.
//
// A text is put in matching form, then split into words:
//  * NFKC with Unicode case folding: "DANA" = "dana", full-width and ligature letters become
//    plain ones, and invisible format characters (LRM/RLM, ZWJ, soft hyphen) disappear, so
//    they cannot hide a word;
//  * nonspacing marks removed after canonical decomposition: Hebrew niqqud and cantillation
//    (שָׁלוֹם = שלום) and Latin diacritics (café = cafe);
//  * Hebrew final letters folded to their regular form (ך ם ן ף ץ → כ מ נ פ צ), so a word
//    matches whether or not a suffix follows the letter;
//  * NFC again.
// A word is a run of letters, digits and spacing marks. An apostrophe, geresh or gershayim
// (' ’ " ׳ ״) between two word characters joins them ("don't" → "dont", צה"ל → צהל); every
// other character separates words (maqaf and hyphen too: בית־חולים is two words).
//
// Hebrew writes the one-letter prefixes ו ה ב כ ל מ ש onto the next word (והרעלה, שבבית).
// Stripping them blindly would ruin words that begin with those letters (מיון, הרעלה, שריפה),
// so a text word is given several forms instead: itself and itself without one, two or three
// leading prefix letters while at least two letters remain (WordForms). A dictionary word
// matches a text word when it equals one of its forms.
#pragma once

#include <bitset>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fr::domain {

// The whole of `text` in matching form (before it is split into words), as UTF-8. Invalid
// UTF-8 bytes become U+FFFD. For fast paths that fold text themselves (domain/listen), and
// the reference they are tested against.
std::string MatchingForm(std::string_view text);
// True if matching form drops `c`: a nonspacing or enclosing mark (niqqud, cantillation,
// Latin diacritics after decomposition).
bool IsDroppedMark(char32_t c);
// Hebrew final letters ך ם ן ף ץ as their regular forms כ מ נ פ צ; any other code point as is.
char32_t FoldFinalLetter(char32_t c);

// Returns the words of `text` in matching form, in text order. Bytes that are not valid UTF-8
// separate words. Never fails.
std::vector<std::string> MatchWords(std::string_view text);

// Returns the forms of `word` (one MatchWords result): `word` itself first, then `word`
// without its first 1, 2 and 3 letters for as long as each removed letter is a Hebrew prefix
// letter (ו ה ב כ ל מ ש) and at least two letters remain. והרעלה → {והרעלה, הרעלה, רעלה}.
std::vector<std::string> WordForms(std::string_view word);

// A word and itself without 1, 2 and 3 prefix letters (ושב, וכש: longer chains are rare).
inline constexpr int kMaxWordForms = 4;

// True if word[at, at + 2) is one of the Hebrew prefix letters ו ה ב כ ל מ ש (U+05D5, 05D4,
// 05D1, 05DB, 05DC, 05DE, 05E9; D7 95, 94, 91, 9B, 9C, 9E, A9 in UTF-8).
inline bool IsPrefixLetterAt(std::string_view word, std::size_t at) {
  if (at + 1 >= word.size() || static_cast<unsigned char>(word[at]) != 0xD7) return false;
  switch (static_cast<unsigned char>(word[at + 1])) {
    case 0x91:
    case 0x94:
    case 0x95:
    case 0x9B:
    case 0x9C:
    case 0x9E:
    case 0xA9:
      return true;
    default:
      return false;
  }
}

// WordForms without allocating: writes the forms of `word`, in the same order, to `forms` as
// views into `word` (each form is a suffix of the word) and returns how many there are.
// Inline: the listening matcher calls it for every word of every post.
inline int WordFormsOf(std::string_view word, std::string_view (&forms)[kMaxWordForms]) {
  forms[0] = word;
  int count = 1;
  for (std::size_t at = 0; count < kMaxWordForms && IsPrefixLetterAt(word, at); at += 2) {
    const std::string_view rest = word.substr(at + 2);
    std::size_t letters = 0;  // at least 2 must remain: the shortest words (דם, אש) mean something
    for (std::size_t i = 0; i < rest.size() && letters < 2; ++i) {
      letters += (static_cast<unsigned char>(rest[i]) & 0xC0) != 0x80;
    }
    if (letters < 2) break;
    forms[count++] = rest;
  }
  return count;
}

// A text prepared for matching: its words, each with its forms.
class MatchText {
 public:
  explicit MatchText(std::string_view text);

  // True if the words of `phrase` (in matching form, as MatchWords returns them) occur in this
  // text one after the other, each equal to one of the forms of its text word. The prefix rule
  // applies to every word of the phrase ("בית חולים" occurs in "שבבית החולים"). False for an
  // empty phrase.
  bool Contains(const std::vector<std::string>& phrase) const;

  // The words in text order; words()[i] holds WordForms of the i-th word (the word first).
  const std::vector<std::vector<std::string>>& words() const { return words_; }

 private:
  std::vector<std::vector<std::string>> words_;
};

// A list of words and phrases (a lexicon, stock phrases), put in matching form once. Entries
// without any word (empty, punctuation only) never match.
class PhraseList {
 public:
  explicit PhraseList(const std::vector<std::string>& phrases);

  // Returns the first entry of the list, as it was given, that `text` contains; nullopt if
  // none does.
  std::optional<std::string> FirstIn(const MatchText& text) const;

  // For a text given as its words in matching form (as MatchWords gives them; so are
  // ListenText's words), without building a MatchText: appends to `found` the position in the
  // given list of each entry the text contains, once for each place it occurs, in no
  // particular order. Allocates nothing when `found` has room.
  void EntriesIn(std::span<const std::string_view> words, std::vector<std::size_t>* found) const;

 private:
  struct Entry {
    std::string given;
    std::vector<std::string> words;
    std::size_t position;  // in the list as given (entries without words are left out)
  };
  // Hashes a word for by_first_word_'s lookups by std::string_view.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const {
      return std::hash<std::string_view>{}(word);
    }
  };
  static constexpr std::size_t kFilterBits = 4096;
  // The bit of first_word_filter_ for `word` (not empty): from its size and two of its bytes.
  static std::size_t FilterSlot(std::string_view word);

  // Calls found(entry) for each entry (an index into entries_) at each place `words` contain it.
  template <typename Found>
  void ForEachIn(std::span<const std::string_view> words, Found&& found) const;

  std::vector<Entry> entries_;
  // The entries (indexes into entries_, ascending) by their first word, so a text's word forms
  // are looked up instead of trying every entry at every word.
  std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>>
      by_first_word_;
  // A bit per FilterSlot of the first words: most text words' forms are ruled out by it
  // without hashing them.
  std::bitset<kFilterBits> first_word_filter_;
};

}  // namespace fr::domain
