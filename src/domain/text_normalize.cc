#include "domain/text_normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fr::domain {
namespace {

// ICU's normalisation data is compiled into libicudata, which fr_base links, and normalising a
// valid UnicodeString fails only when memory runs out: either is a broken process, not bad
// input, so it stops like running out of memory would.
[[noreturn]] void IcuFailed(UErrorCode err) {
  std::fprintf(stderr, "fatal: ICU normalisation failed: %s\n", u_errorName(err));
  std::abort();
}

const icu::Normalizer2& Load(const icu::Normalizer2* (*get)(UErrorCode&)) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = get(err);
  if (U_FAILURE(err)) IcuFailed(err);
  return *normalizer;
}

icu::UnicodeString Apply(const icu::Normalizer2& normalizer, const icu::UnicodeString& s) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString out = normalizer.normalize(s, err);
  if (U_FAILURE(err)) IcuFailed(err);
  return out;
}

// The matching form of a whole text (see the header), before it is split into words.
icu::UnicodeString MatchingFormIcu(std::string_view text) {
  static const icu::Normalizer2& casefold = Load(&icu::Normalizer2::getNFKCCasefoldInstance);
  static const icu::Normalizer2& nfd = Load(&icu::Normalizer2::getNFDInstance);
  static const icu::Normalizer2& nfc = Load(&icu::Normalizer2::getNFCInstance);
  const icu::UnicodeString decomposed =
      Apply(nfd, Apply(casefold, icu::UnicodeString::fromUTF8(icu::StringPiece(
                                     text.data(), static_cast<int32_t>(text.size())))));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (IsDroppedMark(static_cast<char32_t>(c))) continue;
    kept.append(static_cast<UChar32>(FoldFinalLetter(static_cast<char32_t>(c))));
  }
  return Apply(nfc, kept);
}

bool IsWordChar(UChar32 c) { return u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK; }

// ' ’ " ׳ ״: inside a word they mark a contraction or an abbreviation, not a boundary.
bool IsJoiner(UChar32 c) {
  return c == u'\'' || c == u'"' || c == 0x2019 || c == 0x05F3 || c == 0x05F4;
}

// True if the phrase `words` (not empty) occurs in `text` from its word `start` on, each equal
// to one of the forms of its text word.
bool PhraseAt(const std::vector<std::string>& words, std::span<const std::string_view> text,
              size_t start) {
  if (start + words.size() > text.size()) return false;
  for (size_t j = 0; j < words.size(); ++j) {
    std::string_view forms[kMaxWordForms];
    const int count = WordFormsOf(text[start + j], forms);
    if (std::find(forms, forms + count, words[j]) == forms + count) return false;
  }
  return true;
}

}  // namespace

// ך ם ן ף ץ sit one code point before their regular forms כ מ נ פ צ.
char32_t FoldFinalLetter(char32_t c) {
  switch (c) {
    case 0x05DA:
    case 0x05DD:
    case 0x05DF:
    case 0x05E3:
    case 0x05E5:
      return c + 1;
    default:
      return c;
  }
}

bool IsDroppedMark(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK;
}

std::string MatchingForm(std::string_view text) {
  std::string out;
  MatchingFormIcu(text).toUTF8String(out);
  return out;
}

std::vector<std::string> MatchWords(std::string_view text) {
  const icu::UnicodeString s = MatchingFormIcu(text);
  std::vector<std::string> words;
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    word.toUTF8String(words.emplace_back());
    word.remove();
  };
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (IsWordChar(c)) {
      word.append(c);
    } else if (!(IsJoiner(c) && !word.isEmpty() && i < s.length() && IsWordChar(s.char32At(i)))) {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> WordForms(std::string_view word) {
  std::string_view forms[kMaxWordForms];
  const int count = WordFormsOf(word, forms);
  return std::vector<std::string>(forms, forms + count);
}

MatchText::MatchText(std::string_view text) {
  for (const std::string& word : MatchWords(text)) words_.push_back(WordForms(word));
}

bool MatchText::Contains(const std::vector<std::string>& phrase) const {
  if (phrase.empty()) return false;
  std::vector<std::string_view> words;
  words.reserve(words_.size());
  for (const std::vector<std::string>& forms : words_) words.push_back(forms.front());
  for (size_t start = 0; start + phrase.size() <= words.size(); ++start) {
    if (PhraseAt(phrase, words, start)) return true;
  }
  return false;
}

PhraseList::PhraseList(const std::vector<std::string>& phrases) {
  for (size_t position = 0; position < phrases.size(); ++position) {
    std::vector<std::string> words = MatchWords(phrases[position]);
    if (words.empty()) continue;
    first_word_filter_.set(FilterSlot(words.front()));
    by_first_word_[words.front()].push_back(entries_.size());
    entries_.push_back(Entry{phrases[position], std::move(words), position});
  }
}

size_t PhraseList::FilterSlot(std::string_view word) {
  const auto byte = [word](size_t i) {
    return static_cast<size_t>(static_cast<unsigned char>(word[i]));
  };
  return (word.size() * 769 + byte(word.size() / 2) * 31 + byte(word.size() - 1)) % kFilterBits;
}

template <typename Found>
void PhraseList::ForEachIn(std::span<const std::string_view> words, Found&& found) const {
  for (size_t start = 0; start < words.size(); ++start) {
    std::string_view forms[kMaxWordForms];
    const int count = WordFormsOf(words[start], forms);
    for (int f = 0; f < count; ++f) {
      if (forms[f].empty() || !first_word_filter_[FilterSlot(forms[f])]) continue;
      const auto candidates = by_first_word_.find(forms[f]);
      if (candidates == by_first_word_.end()) continue;
      for (const size_t entry : candidates->second) {
        if (PhraseAt(entries_[entry].words, words, start)) found(entry);
      }
    }
  }
}

std::optional<std::string> PhraseList::FirstIn(const MatchText& text) const {
  std::vector<std::string_view> words;
  words.reserve(text.words().size());
  for (const std::vector<std::string>& forms : text.words()) words.push_back(forms.front());
  size_t first = entries_.size();  // the earliest entry found
  ForEachIn(words, [&first](size_t entry) { first = std::min(first, entry); });
  if (first == entries_.size()) return std::nullopt;
  return entries_[first].given;
}

void PhraseList::EntriesIn(std::span<const std::string_view> words,
                           std::vector<size_t>* found) const {
  ForEachIn(words, [this, found](size_t entry) { found->push_back(entries_[entry].position); });
}

}  // namespace fr::domain
