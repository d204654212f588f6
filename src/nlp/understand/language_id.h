// Language identification of one message: CLD2's verdict, with the script of the letters as a
// hint where CLD2 cannot tell (short texts). Pure; thread-safe (CLD2 keeps no mutable state:
// its tables are read-only and every call works on the stack).
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

// Identifies the language of `text` (UTF-8; invalid bytes are ignored). CLD2's old code "iw"
// comes back as "he". When CLD2 is not reliable (a few words) the script decides: mostly
// Hebrew letters → "he", mostly Latin letters → "en" (the customer-care languages are Hebrew
// and English), mostly other letters → CLD2's best guess. Texts with fewer than two letters
// are "und".
LanguageGuess IdentifyLanguage(std::string_view text);

}  // namespace fr::nlp
