#include "domain/topics/topic_terms.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "domain/text_normalize.h"

namespace fr::domain::topics {
namespace {

// A shorter form (without prefix letters or an English ending) takes over from a longer one
// when it is written in at least two documents and in at least 1/8 as many as the longer one
// (topic_terms.h). Measured on the Hebrew comments in ../shared/data: at 1/20, הצלחה became
// צלחה and משפחה שפחה.
constexpr std::int64_t kMinAttested = 2;
constexpr std::int64_t kRatio = 8;
// Longer words are junk (keyboard mashing, encoded data), not what a topic is about.
constexpr std::int32_t kMaxWordLetters = 40;
constexpr std::size_t kMinEnglishBase = 3;

// Written naturally; put in matching form once (StopWords).
constexpr std::string_view kStopWords[] = {
    // Hebrew: pronouns and their possessive and object forms, prepositions, particles,
    // question words, greetings, thanks.
    "אני", "אתה", "את", "אתם", "אתן", "הוא", "היא", "הם", "הן", "אנחנו", "אנו", "זה", "זו", "זאת",
    "זהו", "אלה", "אלו", "הזה", "הזאת", "האלה", "שלי", "שלך", "שלו", "שלה", "שלנו", "שלכם", "שלכן",
    "שלהם", "שלהן", "לי", "לך", "לו", "לה", "לנו", "לכם", "להם", "אותי", "אותך", "אותו", "אותה",
    "אותנו", "אתכם", "אותם", "אותן", "בי", "בו", "בה", "בנו", "בהם", "ממני", "ממך", "ממנו", "מהם",
    "אליי", "אלי", "אליכם", "של", "על", "עם", "אל", "עד", "אצל", "בין", "בלי", "ללא", "מול", "כמו",
    "לפי", "אחרי", "לפני", "בגלל", "כדי", "לא", "כן", "גם", "רק", "כי", "אם", "אבל", "או", "אך",
    "אלא", "אז", "כך", "ככה", "מה", "מי", "איך", "למה", "מתי", "איפה", "כמה", "איזה", "איזו", "יש",
    "אין", "היה", "הייתה", "היתה", "היו", "יהיה", "להיות", "כל", "הכל", "עוד", "כבר", "עדיין",
    "עכשיו", "פה", "כאן", "שם", "די", "מאוד", "ממש", "הכי", "יותר", "פחות", "אפילו", "אולי", "שוב",
    "בבקשה", "תודה", "רבה", "שלום", "היי", "הי", "אהלן", "הלו", "בוקר", "ערב", "אף", "אחד", "אחת",
    "בך", "בכם", "עליו", "עליה", "עלינו", "עליכם", "עליהם", "איתי", "איתך", "איתו", "איתה", "איתנו",
    "איתכם", "איתם", "אצלי", "אצלכם", "ממנה", "מכם", "אליו", "אליה", "אלינו", "אליהם", "לכן", "סתם",
    "בעצם", "כאילו",
    // English: articles, pronouns, auxiliaries and their contractions, prepositions,
    // conjunctions, greetings, thanks and chat filler ("amp" is what is left of "&amp;").
    "a", "an", "the", "and", "or", "but", "if", "so", "than", "then", "as", "of", "to", "in", "on",
    "at", "by", "for", "with", "from", "about", "into", "onto", "over", "under", "after", "before",
    "since", "until", "up", "down", "out", "off", "again", "i", "me", "my", "mine", "myself", "you",
    "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "we", "us", "our",
    "ours", "they", "them", "their", "theirs", "this", "that", "these", "those", "there", "here",
    "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "is", "are", "was",
    "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done", "have", "has", "had",
    "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not",
    "no", "nor", "yes", "yeah", "yep", "ok", "okay", "i'm", "i've", "i'd", "i'll", "you're",
    "you've", "it's", "that's", "there's", "we're", "they're", "don't", "doesn't", "didn't",
    "can't", "cannot", "won't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't",
    "wouldn't", "couldn't", "shouldn't", "just", "also", "very", "too", "any", "some", "all",
    "more", "most", "such", "only", "own", "same", "other", "each", "both", "now", "even", "still",
    "really", "got", "get", "please", "pls", "plz", "thanks", "thank", "thx", "ty", "hi", "hello",
    "hey", "dear", "guys", "lol", "amp", "via", "rt", "u", "ur", "im", "ive", "id", "gonna",
    "wanna", "gotta", "let", "let's", "like", "look", "looks", "know", "want", "need", "make", "go",
    "going", "see", "say", "think", "thing", "things", "way", "one", "well", "much", "many",
    "every", "ever", "already", "yet", "though", "actually", "anyone", "someone", "something",
    "anything", "everything", "nothing", "always"};

const std::unordered_set<std::string>& StopWords() {
  static const auto* const words = [] {
    auto* set = new std::unordered_set<std::string>;
    for (std::string_view w : kStopWords) {
      for (std::string& word : MatchWords(w)) set->insert(std::move(word));
    }
    return set;
  }();
  return *words;
}

bool IsAsciiHandleChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool StartsWithNoCase(std::string_view text, std::size_t at, std::string_view lower) {
  if (text.size() - at < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// The first kMaxTextBytes of `text` with its URLs (up to the next space) and @handles blanked.
std::string WithoutLinksAndMentions(std::string_view text) {
  std::string out(text.substr(0, kMaxTextBytes));
  for (std::size_t i = 0; i < out.size();) {
    const bool boundary = i == 0 || !IsAsciiHandleChar(out[i - 1]);
    std::size_t end = i;
    if (boundary && (StartsWithNoCase(out, i, "http://") || StartsWithNoCase(out, i, "https://") ||
                     StartsWithNoCase(out, i, "www."))) {
      while (end < out.size() && !IsAsciiSpace(out[end])) ++end;
    } else if (out[i] == '@' && i + 1 < out.size() && IsAsciiHandleChar(out[i + 1])) {
      end = i + 1;
      while (end < out.size() && IsAsciiHandleChar(out[end])) ++end;
    }
    if (end == i) {
      ++i;
      continue;
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(i),
              out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    i = end;
  }
  return out;
}

// The code points of a UTF-8 string (invalid bytes count one each).
std::int32_t Letters(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  std::int32_t count = 0;
  for (std::int32_t i = 0; i < n; ++count) U8_FWD_1(p, i, n);
  return count;
}

// True for a MatchWords word that may be a term: two to kMaxWordLetters letters, not digits
// only, and no stop word among its forms.
bool IsTermWord(const std::string& word) {
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  std::int32_t letters = 0;
  bool alphabetic = false;
  for (std::int32_t i = 0; i < n; ++letters) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    alphabetic = alphabetic || (c >= 0 && u_isalpha(c));
  }
  if (letters < 2 || letters > kMaxWordLetters || !alphabetic) return false;
  const std::unordered_set<std::string>& stop = StopWords();
  const std::vector<std::string> forms = WordForms(word);
  return std::none_of(forms.begin(), forms.end(),
                      [&](const std::string& f) { return stop.count(f) > 0; });
}

// `piece` without niqqud, other marks and invisible format characters, and without the
// characters before its first and after its last letter or digit.
std::string Trimmed(std::string_view piece) {
  const auto* p = reinterpret_cast<const uint8_t*>(piece.data());
  const auto n = static_cast<std::int32_t>(piece.size());
  std::string kept;
  std::size_t last_alnum_end = 0;
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || IsDroppedMark(static_cast<char32_t>(c)) || u_charType(c) == U_FORMAT_CHAR) {
      continue;
    }
    const bool alnum = u_isalnum(c);
    if (kept.empty() && !alnum) continue;
    kept.append(piece.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    if (alnum) last_alnum_end = kept.size();
  }
  kept.resize(last_alnum_end);
  return kept;
}

// כ מ נ פ צ at the end of a word as ך ם ן ף ץ (each sits one code point after its final form).
std::string WithFinalLetter(std::string word) {
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  auto end = static_cast<std::int32_t>(word.size());
  if (end == 0) return word;
  std::int32_t start = end;
  UChar32 c;
  U8_PREV(p, 0, start, c);
  if (c == 0x05DB || c == 0x05DE || c == 0x05E0 || c == 0x05E4 || c == 0x05E6) {
    char buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c - 1);
    word.replace(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start), buffer,
                 static_cast<std::size_t>(length));
  }
  return word;
}

std::int64_t Capitals(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  std::int64_t count = 0;
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    count += c >= 0 && u_isupper(c) ? 1 : 0;
  }
  return count;
}

bool IsAsciiLower(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The words an English word in -s, -es, -ies, -ed, -ied or -ing may be an inflection of, most
// likely first: crashes → crashe, crash; charged → charg, charge; stopped → stopp, stop;
// replies → reply; charging → charg, charge. Bases shorter than three letters or that are stop
// words are left out; no bases for other words.
std::vector<std::string> EnglishBases(std::string_view word) {
  std::vector<std::string> bases;
  if (!IsAsciiLower(word)) return bases;
  const auto add = [&](std::string_view stem, std::string_view ending) {
    std::string base = std::string(stem) + std::string(ending);
    if (base.size() >= kMinEnglishBase && !IsStopWord(base)) bases.push_back(std::move(base));
  };
  // A doubled consonant before -ed or -ing is the verb's own single one (stopped, cancelling).
  const auto add_undoubled = [&](std::string_view stem) {
    const std::size_t n = stem.size();
    if (n >= 2 && stem[n - 1] == stem[n - 2] &&
        std::string_view("aeiouy").find(stem[n - 1]) == std::string_view::npos) {
      add(stem.substr(0, n - 1), "");
    }
  };
  const auto ends = [&](std::string_view ending) {
    return word.size() > ending.size() + 2 && word.ends_with(ending);
  };
  if (ends("ies") || ends("ied")) {
    add(word.substr(0, word.size() - 3), "y");
  } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    add(word.substr(0, word.size() - 1), "");
    if (ends("es")) add(word.substr(0, word.size() - 2), "");
  } else if (ends("ed")) {
    const std::string_view stem = word.substr(0, word.size() - 2);
    add(stem, "");
    add(stem, "e");
    add_undoubled(stem);
  } else if (ends("ing")) {
    const std::string_view stem = word.substr(0, word.size() - 3);
    add(stem, "");
    add(stem, "e");
    add_undoubled(stem);
  }
  return bases;
}

}  // namespace

bool IsStopWord(std::string_view word) { return StopWords().count(std::string(word)) > 0; }

std::vector<std::string> TermWords(std::string_view text) {
  std::vector<std::string> words = MatchWords(WithoutLinksAndMentions(text));
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const std::string& w) { return !IsTermWord(w); }),
              words.end());
  return words;
}

std::vector<WrittenWord> WrittenWords(std::string_view text) {
  const std::string cleaned = WithoutLinksAndMentions(text);
  std::vector<WrittenWord> out;
  const auto* p = reinterpret_cast<const uint8_t*>(cleaned.data());
  const auto n = static_cast<std::int32_t>(cleaned.size());
  std::int32_t piece_start = 0;
  auto flush = [&](std::int32_t piece_end) {
    const std::string_view piece(cleaned.data() + piece_start,
                                 static_cast<std::size_t>(piece_end - piece_start));
    if (piece.empty()) return;
    std::vector<std::string> words = MatchWords(piece);
    if (words.size() != 1 || !IsTermWord(words[0])) return;
    std::string written = Trimmed(piece);
    if (!written.empty()) out.push_back({std::move(words[0]), std::move(written)});
  };
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      flush(start);
      piece_start = i;
    }
  }
  flush(n);
  return out;
}

void TermVocabulary::AddDocument(const std::vector<std::string>& words) {
  std::vector<const std::string*> distinct;
  distinct.reserve(words.size());
  for (const std::string& w : words) distinct.push_back(&w);
  std::sort(distinct.begin(), distinct.end(), [](const auto* a, const auto* b) { return *a < *b; });
  distinct.erase(std::unique(distinct.begin(), distinct.end(),
                             [](const auto* a, const auto* b) { return *a == *b; }),
                 distinct.end());
  for (const std::string* w : distinct) ++documents_[*w];
}

std::int64_t TermVocabulary::DocumentCount(std::string_view word) const {
  const auto found = documents_.find(std::string(word));
  return found == documents_.end() ? 0 : found->second;
}

bool TermVocabulary::Attested(std::string_view shorter, std::int64_t longer_count) const {
  const std::int64_t count = DocumentCount(shorter);
  return count >= kMinAttested && kRatio * count >= longer_count;
}

bool TermVocabulary::TakesPrefixes(const std::string& word) const {
  // ה ב ל: the article, and the prepositions that swallow it (בבית, not בהבית).
  static constexpr std::string_view kBefore[] = {"\u05D4", "\u05D1", "\u05DC"};
  std::int64_t count = 0;
  for (std::string_view letter : kBefore) count += DocumentCount(std::string(letter) + word);
  return count >= kMinAttested;
}

std::string TermVocabulary::TermOf(std::string_view word) const {
  std::vector<std::string> forms = WordForms(word);
  std::size_t chosen = 0;
  while (chosen + 1 < forms.size() && !TakesPrefixes(forms[chosen]) &&
         Attested(forms[chosen + 1], DocumentCount(forms[chosen]))) {
    ++chosen;
  }
  const std::int64_t count = DocumentCount(forms[chosen]);
  for (std::string& base : EnglishBases(forms[chosen])) {
    if (Attested(base, count)) return std::move(base);
  }
  return std::move(forms[chosen]);
}

void DisplayForms::Add(std::string_view term, std::string_view word, std::string_view written) {
  // An inflected English word is shown as written ("crashes" for crash). The prefix letters a
  // Hebrew word has before its term are plain letters, spelled the same in the writing; a
  // writing that does not start with them is not counted.
  const std::string_view prefix =
      word.ends_with(term) ? word.substr(0, word.size() - term.size()) : "";
  if (!written.starts_with(prefix) || Letters(written) < Letters(prefix) + 2) return;
  ++writings_[std::string(term)][std::string(written.substr(prefix.size()))];
}

std::string DisplayForms::Of(std::string_view term) const {
  const auto found = writings_.find(std::string(term));
  if (found == writings_.end()) return WithFinalLetter(std::string(term));
  const auto rank = [](const std::pair<const std::string, std::int64_t>& w) {
    return std::make_tuple(-w.second, Capitals(w.first), std::string_view(w.first));
  };
  const auto best =
      std::min_element(found->second.begin(), found->second.end(),
                       [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return WithFinalLetter(best->first);
}

}  // namespace fr::domain::topics
