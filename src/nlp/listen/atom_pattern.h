// How the compiled matcher finds a rule's atoms (terms, prefixes, tags, emoji) in
// domain::ListenText::scan_text(), where every token is followed by one space: first a byte
// literal that must occur if the atom does (all literals go into one vectorscan literal
// database: fast to compile and to scan, and no `\b`, which vectorscan lacks with UCP), then,
// for terms and prefixes, an exact test on the words. The exact tests follow WordForms
// (domain/text_normalize.h): a term matches a word that is the term itself, or the term after
// 1 to 3 Hebrew prefix letters (ו ה ב כ ל מ ש) when the term has at least 2 letters. Pure;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "domain/listen/rule_query.h"

namespace fr::nlp {

// The literal for atom `node`: a term's longest word followed by a space (the word may carry
// prefix letters in the text), a prefix's letters, " #tag words " / " @handle words " and the
// emoji sequence, which are exact. REQUIRES: IsAtom(node.op).
std::string AtomLiteral(const domain::QueryNode& node);

// True if finding AtomLiteral(node) proves that `node` occurs (tags and emoji).
bool LiteralIsExact(const domain::QueryNode& node);

// True if `term` is one of the forms of the text word `word` (both in matching form).
bool FormEquals(std::string_view word, std::string_view term);
// True if one of the forms of `word` starts with `prefix` (at least 2 letters long).
bool FormStartsWith(std::string_view word, std::string_view prefix);

}  // namespace fr::nlp
