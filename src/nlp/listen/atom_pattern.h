// A rule's atoms (terms, prefixes, tags, emoji) as the compiled matcher finds them: each has a
// literal that must occur in domain::ListenText::scan_text() (where every token is followed by
// one space) if the atom does, found by LiteralIndex (literal_index.h); one-word terms,
// prefixes, tags and emoji are proven by their literal, phrases get an exact test on the
// words. The word tests follow WordForms (domain/text_normalize.h): a term matches a word that
// is the term itself, or the term after 1 to 3 Hebrew prefix letters (ו ה ב כ ל מ ש) when the
// term has at least 2 letters. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "domain/listen/listen_text.h"
#include "domain/listen/rule_eval.h"
#include "domain/listen/rule_query.h"
#include "domain/text_normalize.h"

namespace fr::nlp {

// The literal for atom `node`: a term's longest word followed by a space (the word may carry
// prefix letters in the text), a prefix's letters, " #tag words " / " @handle words " and the
// emoji sequence, which are exact. REQUIRES: IsAtom(node.op).
std::string AtomLiteral(const domain::QueryNode& node);

// True if AtomLiteral(node), found as LiteralIndex finds it, proves that `node` occurs:
// one-word terms, prefixes, tags, handles and emoji; not phrases.
bool LiteralIsExact(const domain::QueryNode& node);

inline constexpr std::size_t kFormCountReads = 16;  // bytes FormCount reads from word.data()

// How many forms domain::WordFormsOf(word) gives, without a loop or a branch (whether a word has
// prefix letters is too irregular to be predicted): its forms are then `word` without its first 0,
// 2, 4, 6 bytes. REQUIRES: `word` is valid UTF-8 (matching form is) and at most 16 bytes;
// kFormCountReads bytes can be read from word.data() (the word and what follows it).
inline int FormCount(std::string_view word) {
  const auto load = [&](std::size_t at) {
    std::uint64_t v;
    std::memcpy(&v, word.data() + at, sizeof v);
    return v;
  };
  // One bit per byte that starts a letter (is not 10xxxxxx), bit i for byte i.
  const auto starts = [](std::uint64_t v) {
    const std::uint64_t continuation = v & ~(v << 1) & 0x8080808080808080ull;
    const std::uint64_t high = ~continuation & 0x8080808080808080ull;
    return ((high >> 7) * 0x0102040810204080ull) >> 56;  // gathers the 8 high bits
  };
  const std::uint64_t low = load(0), high = load(8);
  const std::uint64_t letters =
      (starts(low) | starts(high) << 8) & ((std::uint64_t{1} << word.size()) - 1);
  // Bit x - 0x80 for the second bytes x of ו ה ב כ ל מ ש (D7 xx).
  constexpr std::uint64_t kPrefixSecond = (1ull << 0x11) | (1ull << 0x14) | (1ull << 0x15) |
                                          (1ull << 0x1B) | (1ull << 0x1C) | (1ull << 0x1E) |
                                          (1ull << 0x29);
  const auto prefix_letter = [&](int at) {  // at 0, 2, 4: bytes at, at + 1 of `low`
    const auto first = static_cast<std::uint8_t>(low >> (8 * at));
    const auto second = static_cast<std::uint8_t>(low >> (8 * at + 8));
    return (first == 0xD7) & ((second & 0xC0) == 0x80) &
           static_cast<bool>((kPrefixSecond >> (second & 0x3F)) & 1);
  };
  const auto two_letters_from = [&](int at) {  // at least 2 letters start at or after byte `at`
    const std::uint64_t rest = letters >> at;
    return (rest & (rest - 1)) != 0;
  };
  const bool p0 = prefix_letter(0), p1 = p0 & prefix_letter(2), p2 = p1 & prefix_letter(4);
  return 1 + (p0 & two_letters_from(2)) + (p1 & two_letters_from(4)) + (p2 & two_letters_from(6));
}

// True if `term` is one of the forms of the text word `word` (both in matching form).
bool FormEquals(std::string_view word, std::string_view term);
// True if one of the forms of `word` starts with `prefix` (at least 2 letters long).
bool FormStartsWith(std::string_view word, std::string_view prefix);

// Appends where the kTerm or kPrefix `node` occurs among `text`'s words, by FormEquals and
// FormStartsWith, in text order (domain::AtomFacts::Spans).
void AtomSpans(const domain::QueryNode& node, const domain::ListenText& text,
               std::vector<domain::WordSpan>* spans);

}  // namespace fr::nlp
