#include "nlp/understand/language_id.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>  // CLD2's header uses FILE without including it

namespace CLD2 {
const char* LanguageCode(Language lang);  // lang_script.h, which is internal
}  // namespace CLD2

namespace fr::nlp {
namespace {

struct ScriptCounts {
  int hebrew = 0;
  int latin = 0;
  int other = 0;         // letters of any other script (Yiddish digraphs װ ױ ײ included)
  bool yiddish = false;  // a Yiddish digraph or rafe (U+05F0..U+05F2, U+05BF)
};

// Counts `c` (negative for an invalid byte) in `counts`: ASCII letters and Latin letters with
// diacritics (U+00C0..U+024F) are Latin.
void CountCodePoint(UChar32 c, ScriptCounts& counts) {
  if (c < 0x80) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++counts.latin;
  } else if (c >= 0x05D0 && c <= 0x05EA) {
    ++counts.hebrew;
  } else if ((c >= 0x00C0 && c <= 0x024F)) {
    ++counts.latin;
  } else if (c >= 0x0370 && c < 0x2000 && !(c >= 0x0591 && c <= 0x05C7)) {
    ++counts.other;  // Greek, Cyrillic, Arabic ... (niqqud is not a letter)
    counts.yiddish |= c >= 0x05F0 && c <= 0x05F2;
  } else {
    counts.yiddish |= c == 0x05BF;
  }
}

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts counts;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    // ASCII and the Hebrew block (D7 80..D7 BF) without U8_NEXT: most of what customers write.
    if (s[i] < 0x80) {
      CountCodePoint(s[i++], counts);
    } else if (s[i] == 0xD7 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      CountCodePoint(0x05C0 + (s[i + 1] & 0x3F), counts);
      i += 2;
    } else {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      CountCodePoint(c, counts);
    }
  }
  return counts;
}

std::string Code(CLD2::Language lang) {
  if (lang == CLD2::HEBREW) return "he";
  const char* code = CLD2::LanguageCode(lang);
  return code == nullptr ? "und" : code;
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text) {
  LanguageGuess guess;
  const ScriptCounts counts = CountScripts(text);
  const int letters = counts.hebrew + counts.latin + counts.other;
  if (letters < 2) return guess;
  if (counts.hebrew == letters && !counts.yiddish) {
    guess.language = "he";
    return guess;
  }

  // CLD2 leaves these as they are when the text is not interchange-valid UTF-8 (C1 controls,
  // as in mojibake such as "â€œ"): it then knows nothing.
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0, 0, 0};
  int text_bytes = 0;
  int valid_prefix_bytes = 0;
  bool reliable = false;
  const CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::ExtDetectLanguageSummaryCheckUTF8(text.data(), static_cast<int>(text.size()),
                                          /*is_plain_text=*/true, &hints, CLD2::kCLDFlagBestEffort,
                                          language3, percent3, scores3, nullptr, &text_bytes,
                                          &reliable, &valid_prefix_bytes);

  const bool cld2_knows =
      language3[0] != CLD2::UNKNOWN_LANGUAGE && language3[0] != CLD2::TG_UNKNOWN_LANGUAGE;
  if (reliable && cld2_knows) {
    guess.language = Code(language3[0]);
  } else if (counts.hebrew >= counts.latin && counts.hebrew >= counts.other) {
    guess.language = "he";
  } else if (counts.latin > counts.other) {
    guess.language = "en";
  } else {
    guess.language = cld2_knows ? Code(language3[0]) : "und";
  }

  // The second language: CLD2's when it holds a share; else the other of Hebrew and Latin
  // letters when they hold one (CLD2 drops short runs, such as a brand name, from its summary).
  if (language3[1] != CLD2::UNKNOWN_LANGUAGE && language3[1] != CLD2::TG_UNKNOWN_LANGUAGE &&
      percent3[1] >= kOtherLanguageShare && Code(language3[1]) != guess.language) {
    guess.other_language = Code(language3[1]);
  } else if (guess.language == "he" && counts.latin * 100 >= kOtherLanguageShare * letters) {
    guess.other_language = "en";
  } else if (guess.language != "he" && counts.hebrew * 100 >= kOtherLanguageShare * letters) {
    guess.other_language = "he";
  }
  return guess;
}

}  // namespace fr::nlp
