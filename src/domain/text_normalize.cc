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

constexpr int kMaxPrefixLetters = 3;  // ושב, וכש: longer chains are rare
constexpr int kMinStemLetters = 2;    // the shortest Hebrew words (דם, אש) keep their meaning

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
  const icu::UnicodeString decomposed = Apply(
      nfd, Apply(casefold, icu::UnicodeString::fromUTF8(icu::StringPiece(
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

bool IsWordChar(UChar32 c) {
  return u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK;
}

// ' ’ " ׳ ״: inside a word they mark a contraction or an abbreviation, not a boundary.
bool IsJoiner(UChar32 c) {
  return c == u'\'' || c == u'"' || c == 0x2019 || c == 0x05F3 || c == 0x05F4;
}

// ו ה ב כ ל מ ש
bool IsPrefixLetter(UChar32 c) {
  switch (c) {
    case 0x05D5: case 0x05D4: case 0x05D1: case 0x05DB: case 0x05DC: case 0x05DE: case 0x05E9:
      return true;
    default:
      return false;
  }
}

}  // namespace

// ך ם ן ף ץ sit one code point before their regular forms כ מ נ פ צ.
char32_t FoldFinalLetter(char32_t c) {
  switch (c) {
    case 0x05DA: case 0x05DD: case 0x05DF: case 0x05E3: case 0x05E5: return c + 1;
    default: return c;
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
    } else if (!(IsJoiner(c) && !word.isEmpty() && i < s.length() &&
                 IsWordChar(s.char32At(i)))) {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> WordForms(std::string_view word) {
  std::vector<std::string> forms{std::string(word)};
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  int letters = 0;
  for (int32_t i = 0; i < n; ++letters) U8_FWD_1(s, i, n);
  int32_t i = 0;
  for (int removed = 1; removed <= kMaxPrefixLetters && letters - removed >= kMinStemLetters;
       ++removed) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (!IsPrefixLetter(c)) break;
    forms.emplace_back(word.substr(static_cast<size_t>(i)));
  }
  return forms;
}

MatchText::MatchText(std::string_view text) {
  for (const std::string& word : MatchWords(text)) words_.push_back(WordForms(word));
}

MatchText MatchText::OfWords(const std::vector<std::string_view>& words) {
  MatchText text;
  text.words_.reserve(words.size());
  for (const std::string_view word : words) text.words_.push_back(WordForms(word));
  return text;
}

bool MatchText::ContainsAt(const std::vector<std::string>& phrase, size_t start) const {
  auto is_form = [](const std::string& wanted, const std::vector<std::string>& forms) {
    return std::find(forms.begin(), forms.end(), wanted) != forms.end();
  };
  return start + phrase.size() <= words_.size() &&
         std::equal(phrase.begin(), phrase.end(), words_.begin() + static_cast<long>(start),
                    is_form);
}

bool MatchText::Contains(const std::vector<std::string>& phrase) const {
  if (phrase.empty()) return false;
  for (size_t start = 0; start + phrase.size() <= words_.size(); ++start) {
    if (ContainsAt(phrase, start)) return true;
  }
  return false;
}

PhraseList::PhraseList(const std::vector<std::string>& phrases) {
  for (const std::string& given : phrases) {
    std::vector<std::string> words = MatchWords(given);
    if (words.empty()) continue;
    by_first_word_[words.front()].push_back(entries_.size());
    entries_.push_back(Entry{given, std::move(words)});
  }
}

std::optional<std::string> PhraseList::FirstIn(const MatchText& text) const {
  size_t first = entries_.size();  // the earliest entry found so far
  for (size_t start = 0; start < text.words_.size(); ++start) {
    for (const std::string& form : text.words_[start]) {
      const auto found = by_first_word_.find(form);
      if (found == by_first_word_.end()) continue;
      for (const size_t entry : found->second) {
        if (entry >= first) break;
        if (text.ContainsAt(entries_[entry].words, start)) first = entry;
      }
    }
  }
  if (first == entries_.size()) return std::nullopt;
  return entries_[first].given;
}

}  // namespace fr::domain
