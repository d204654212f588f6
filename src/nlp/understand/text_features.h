// The text the sentiment and intent models read: one function, used both to write the training
// files and at prediction time, so the two can never drift apart. Pure; thread-safe.
//
// A message becomes a line of space-separated tokens:
//  * words in the matching form of domain/text_normalize.h (NFKC case folding, niqqud and
//    diacritics removed, Hebrew final letters folded), so שָׁלוֹם, שלום and ＳＨＡＬＯＭ-style
//    variants are one token;
//  * Hebrew words with one-letter prefixes (ו ה ב כ ל מ ש) are followed by their prefix-stripped
//    forms (והשירות → והשירות השירות שירות), so a model learns שירות once;
//  * URLs → xxurl, @mentions → xxuser, numbers → xxnum;
//  * emoji and emoticons → one token each (xxe1f621 for 😡), followed by xxemopos or xxemoneg
//    for the common ones whose polarity is plain (":)" is xxemopos alone);
//  * "?" → xxq, "!" → xxexcl;
//  * an elongated word ("soooo", "טוווב") is squeezed to two repeats ("soo") and followed by
//    xxelong;
//  * up to three words after a negator (not, never, don't, no ...; לא, אין, בלי, אף) until
//    the end of the clause (. , ; : ? ! or a new line) carry a neg_ prefix: "not good at all"
//    → "not neg_good neg_at neg_all".
#pragma once

#include <string>
#include <string_view>

namespace fr::nlp {

// Returns the token line of `text` (UTF-8, any bytes): tokens separated by single spaces, no
// label, no newline. Empty when the text has nothing to read. Never fails.
// The words come from domain::ListenText's byte loop (equal to domain::MatchWords).
std::string FeatureLine(std::string_view text);
// FeatureLine(text) written to `line`, replacing its contents: allocates nothing once `line`
// (and the calling thread's scratch buffers) have room.
void FeatureLine(std::string_view text, std::string& line);
// FeatureLine with its words from domain::MatchWords (ICU): the reference the byte loop is
// tested against.
std::string FeatureLineWithIcuForTest(std::string_view text);

}  // namespace fr::nlp
