// Language identification of one message: CLD2's verdict, with the script of the letters as a
// hint where CLD2 cannot tell (short texts); text in Hebrew letters alone is Hebrew. Pure;
// thread-safe (CLD2 keeps no mutable state: its tables are read-only and every call works on
// the stack).
#pragma once

#include <string>
#include <string_view>

namespace fr::nlp {

struct LanguageGuess {
  // ISO 639-1 code: "he", "en", "fr" ...; "und" when the text has too few letters to tell.
  std::string language = "und";
  // A second language holding at least kOtherLanguageShare of the text (Hebrew with English
  // product names), else empty.
  std::string other_language;
};

// The share of the text's letters (in percent) a second language must hold to be reported.
inline constexpr int kOtherLanguageShare = 20;

// Identifies the language of `text` (UTF-8; invalid bytes are ignored). A text whose letters
// are all Hebrew letters (א..ת, finals included; niqqud is not a letter) is "he" with no other
// language, without asking CLD2: the customer-care languages are Hebrew and English, and CLD2
// calls a few such Hebrew texts Yiddish. Yiddish written with its own letters (the digraphs
// װ ױ ײ, U+05F0..U+05F2) or with rafe (פֿ, U+05BF) still goes to CLD2. For every other text,
// CLD2's verdict; its old code "iw" comes back as "he". When CLD2 is not reliable (a few words)
// the script decides: mostly Hebrew letters → "he", mostly Latin letters → "en", mostly other
// letters → CLD2's best guess. Texts with fewer than two letters are "und".
LanguageGuess IdentifyLanguage(std::string_view text);

}  // namespace fr::nlp
