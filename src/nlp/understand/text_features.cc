#include "nlp/understand/text_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "domain/listen/listen_text.h"
#include "domain/text_normalize.h"

namespace fr::nlp {
namespace {

constexpr int kNegationScope = 3;  // words marked after a negator

// Clause marker put into the text before word splitting; ends a negation scope, never emitted.
constexpr std::string_view kClauseBreak = "xxbrk";

// Inlined, so that the comparison with a literal prefix needs no call to memcmp.
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The emoji whose polarity is plain enough to tell the model.
int EmojiPolarity(UChar32 c) {
  switch (c) {
    case 0x1F600:
    case 0x1F601:
    case 0x1F602:
    case 0x1F603:
    case 0x1F604:
    case 0x1F606:
    case 0x1F60A:
    case 0x1F60D:
    case 0x1F618:
    case 0x1F970:
    case 0x1F929:
    case 0x1F642:
    case 0x263A:
    case 0x1F44D:
    case 0x1F44F:
    case 0x1F64F:
    case 0x1F4AA:
    case 0x1F389:
    case 0x2764:
    case 0x2665:
    case 0x1F495:
    case 0x1F496:
    case 0x1F497:
    case 0x1F499:
    case 0x1F49A:
    case 0x1F49B:
    case 0x1F49C:
    case 0x1F60E:
    case 0x1F917:
    case 0x1F4AF:
    case 0x2705:
    case 0x1F339:
    case 0x1F490:
    case 0x1F609:
    case 0x1F60B:
      return 1;
    case 0x1F620:
    case 0x1F621:
    case 0x1F92C:
    case 0x1F624:
    case 0x1F61E:
    case 0x1F622:
    case 0x1F62D:
    case 0x1F629:
    case 0x1F62B:
    case 0x1F44E:
    case 0x1F494:
    case 0x1F612:
    case 0x1F644:
    case 0x1F614:
    case 0x1F615:
    case 0x1F61F:
    case 0x1F92E:
    case 0x1F922:
    case 0x1F4A9:
    case 0x1F625:
    case 0x1F630:
    case 0x1F631:
    case 0x1F616:
    case 0x1F623:
    case 0x2639:
    case 0x1F641:
    case 0x1F611:
    case 0x1F610:
      return -1;
    default:
      return 0;
  }
}

bool IsEmoji(UChar32 c) {
  return c >= 0x2190 && (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                         u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR));
}

// The bytes at which MarkSpecials can mark nothing, so it steps over them one at a time: ASCII
// other than the start of an emoticon, a URL (h, w), a mention (@) or a marked punctuation
// mark; and the bytes of U+0080..U+07FF (two-byte leads and continuation bytes: no emoji or
// punctuation is there) and stray bytes, which U8_NEXT would step over in the same way.
constexpr std::array<bool, 256> kNothingToMark = [] {
  std::array<bool, 256> plain{};
  for (int b = 0; b < 0xE0; ++b) plain[b] = true;
  for (const char c : std::string_view(":;(<)hw@?!.,\n")) {
    plain[static_cast<unsigned char>(c)] = false;
  }
  return plain;
}();

// Emoticons, longest first within each polarity. Each begins with one of : ; ( < ).
bool MayStartEmoticon(char c) { return c == ':' || c == ';' || c == '(' || c == '<' || c == ')'; }

struct Emoticon {
  std::string_view text;
  std::string_view token;
};
constexpr std::array kEmoticons = {
    Emoticon{":-)", "xxemopos"}, Emoticon{":)", "xxemopos"},  Emoticon{":-D", "xxemopos"},
    Emoticon{":D", "xxemopos"},  Emoticon{";)", "xxemopos"},  Emoticon{"(:", "xxemopos"},
    Emoticon{"<3", "xxemopos"},  Emoticon{":'(", "xxemoneg"}, Emoticon{":-(", "xxemoneg"},
    Emoticon{":(", "xxemoneg"},  Emoticon{":/", "xxemoneg"},  Emoticon{"):", "xxemoneg"},
};

void AddToken(std::string& out, std::string_view token) {
  out += ' ';
  out += token;
  out += ' ';
}

// Writes to `out` (replacing its contents) `text` with what word splitting would lose (URLs,
// mentions, emoji, emoticons, ? ! and clause ends) replaced by placeholder words. Everything
// else is copied unchanged, a run at a time.
void MarkSpecials(std::string_view text, std::string& out) {
  out.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t copied = 0;  // the text before it is in `out`, as itself or as placeholders
  // Puts `token` for the text from `start` to `end` after the text not yet copied before it.
  auto mark = [&](int32_t start, int32_t end, std::string_view token) {
    out.append(text.substr(static_cast<size_t>(copied), static_cast<size_t>(start - copied)));
    AddToken(out, token);
    copied = end;
  };
  for (int32_t i = 0; i < n;) {
    if (kNothingToMark[s[i]]) {
      ++i;
      continue;
    }
    const int32_t start = i;
    const std::string_view rest = text.substr(static_cast<size_t>(i));
    const bool word_start = i == 0 || IsSpace(text[static_cast<size_t>(i) - 1]);
    if (word_start &&
        (StartsWith(rest, "http://") || StartsWith(rest, "https://") || StartsWith(rest, "www."))) {
      while (i < n && !IsSpace(text[static_cast<size_t>(i)])) ++i;
      mark(start, i, "xxurl");
      continue;
    }
    if (text[static_cast<size_t>(i)] == '@' && i + 1 < n &&
        (std::isalnum(static_cast<unsigned char>(text[static_cast<size_t>(i) + 1])) ||
         text[static_cast<size_t>(i) + 1] == '_')) {
      ++i;
      while (i < n && (std::isalnum(static_cast<unsigned char>(text[static_cast<size_t>(i)])) ||
                       text[static_cast<size_t>(i)] == '_')) {
        ++i;
      }
      mark(start, i, "xxuser");
      continue;
    }
    const auto emoticon =
        !MayStartEmoticon(text[static_cast<size_t>(i)])
            ? kEmoticons.end()
            : std::find_if(kEmoticons.begin(), kEmoticons.end(),
                           [&](const Emoticon& e) { return StartsWith(rest, e.text); });
    if (emoticon != kEmoticons.end()) {
      i += static_cast<int32_t>(emoticon->text.size());
      mark(start, i, emoticon->token);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '?') {
      mark(start, i, "xxq");
    } else if (c == '!') {
      mark(start, i, "xxexcl");
    } else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\n') {
      mark(start, i, kClauseBreak);
    } else if (c >= 0 && IsEmoji(c)) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "xxe%x", static_cast<unsigned>(c));
      mark(start, i, hex);
      if (const int polarity = EmojiPolarity(c); polarity != 0) {
        AddToken(out, polarity > 0 ? "xxemopos" : "xxemoneg");
      }
    }
  }
  out.append(text.substr(static_cast<size_t>(copied)));
}

bool IsNumber(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Sets `kept` to `word` with runs of three or more equal code points squeezed to two: `word`
// itself when it has no such run, else the squeezed word, written to `out`. Returns true if it
// squeezed any. The bytes between squeezed code points are copied a run at a time.
bool SqueezeElongation(std::string_view word, std::string& out, std::string_view& kept) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  out.clear();
  UChar32 previous = -1;
  int run = 0;
  int32_t copied = 0;  // the word before it is in `out` or squeezed away
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    run = c == previous ? run + 1 : 1;
    previous = c;
    if (run > 2) {
      out.append(word.substr(static_cast<size_t>(copied), static_cast<size_t>(start - copied)));
      copied = i;
    }
  }
  if (copied == 0) {  // nothing squeezed
    kept = word;
    return false;
  }
  out.append(word.substr(static_cast<size_t>(copied)));
  kept = out;
  return true;
}

// Negators in matching form (apostrophes joined, Hebrew finals folded: אין → אינ).
bool IsNegator(std::string_view w) {
  static constexpr std::array<std::string_view, 34> kNegators = {
      "not",    "no",      "never",  "dont",    "doesnt", "didnt",   "isnt",     "wasnt",   "arent",
      "werent", "cant",    "cannot", "couldnt", "wont",   "wouldnt", "shouldnt", "havent",  "hasnt",
      "hadnt",  "nothing", "nobody", "none",    "nor",    "without", "aint",     "neither", "לא",
      "אינ",    "בלי",     "אפ",     "אינו",    "אינה",   "אינני",   "איננו"};
  // The byte that tells words apart first: the second byte of a Hebrew letter (D7 xx), else
  // the first. Most words fail on it, before any comparison.
  static constexpr auto lead = [](std::string_view word) {
    return static_cast<unsigned char>(
        word.size() > 1 && static_cast<unsigned char>(word[0]) == 0xD7 ? word[1] : word[0]);
  };
  static constexpr std::array<bool, 256> kLeads = [] {
    std::array<bool, 256> leads{};
    for (const std::string_view negator : kNegators) leads[lead(negator)] = true;
    return leads;
  }();
  if (w.empty() || !kLeads[lead(w)]) return false;
  return std::any_of(kNegators.begin(), kNegators.end(), [w](std::string_view negator) {
    return negator.size() == w.size() && negator == w;
  });
}

bool IsHebrewWord(std::string_view w) {
  return !w.empty() && static_cast<unsigned char>(w[0]) == 0xD7;
}

// Writes to `line` (replacing its contents) the feature line of the words of a marked text
// (MarkSpecials), in matching form: `count` words, word(i) the i-th.
template <typename Word>
void LineOfWords(size_t count, Word word, std::string& line) {
  line.clear();
  auto emit = [&](std::string_view token, bool negated) {
    if (!line.empty()) line += ' ';
    if (negated) line += "neg_";
    line += token;
  };
  thread_local std::string squeezed;
  int negation_left = 0;
  for (size_t w = 0; w < count; ++w) {
    const std::string_view given = word(w);
    if (given == kClauseBreak) {
      negation_left = 0;
      continue;
    }
    if (StartsWith(given, "xx")) {
      if (given == "xxq" || given == "xxexcl") negation_left = 0;
      emit(given, false);
      continue;
    }
    if (IsNumber(given)) {
      emit("xxnum", false);
      continue;
    }
    std::string_view kept;
    const bool elongated = SqueezeElongation(given, squeezed, kept);
    const bool negated = negation_left > 0;
    if (negated) --negation_left;
    if (IsHebrewWord(kept)) {
      std::string_view forms[domain::kMaxWordForms];
      const int count_forms = domain::WordFormsOf(kept, forms);
      for (int f = 0; f < count_forms; ++f) emit(forms[f], negated);
    } else {
      emit(kept, negated);
    }
    if (elongated) emit("xxelong", false);
    if (IsNegator(kept)) negation_left = kNegationScope;
  }
}

}  // namespace

void FeatureLine(std::string_view text, std::string& line) {
  thread_local std::string marked;
  thread_local domain::ListenText words;
  MarkSpecials(text, marked);
  words.Reset(marked);
  LineOfWords(
      words.word_count(), [](size_t i) { return words.word(i); }, line);
}

std::string FeatureLine(std::string_view text) {
  std::string line;
  FeatureLine(text, line);
  return line;
}

std::string FeatureLineWithIcuForTest(std::string_view text) {
  std::string marked;
  MarkSpecials(text, marked);
  const std::vector<std::string> words = domain::MatchWords(marked);
  std::string line;
  LineOfWords(
      words.size(), [&](size_t i) { return std::string_view(words[i]); }, line);
  return line;
}

}  // namespace fr::nlp
