#include "nlp/listen/atom_pattern.h"

#include <algorithm>
#include <cstdint>

namespace fr::nlp {
namespace {

constexpr int kMaxPrefixLetters = 3;  // as domain::WordForms

int CodePoints(std::string_view s) {
  int count = 0;
  for (char c : s) count += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::string AtomLiteral(const domain::QueryNode& node) {
  switch (node.op) {
    case domain::QueryOp::kTerm: {
      const auto longest = std::max_element(
          node.words.begin(), node.words.end(),
          [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
      return *longest + ' ';
    }
    case domain::QueryOp::kHashtag:
    case domain::QueryOp::kHandle: {
      std::string literal(1, ' ');
      literal.push_back(node.op == domain::QueryOp::kHashtag ? '#' : '@');
      for (const std::string& word : node.words) literal += word + ' ';
      return literal;
    }
    default:
      return node.words[0];  // kPrefix, kEmoji
  }
}

bool LiteralIsExact(const domain::QueryNode& node) {
  return node.op != domain::QueryOp::kTerm || node.words.size() == 1;
}

bool FormEquals(std::string_view word, std::string_view term) {
  if (word == term) return true;
  if (word.size() <= term.size() || !word.ends_with(term) || CodePoints(term) < 2) return false;
  const size_t prefix_bytes = word.size() - term.size();
  if (prefix_bytes % 2 != 0 || prefix_bytes > 2 * kMaxPrefixLetters) return false;
  for (size_t i = 0; i < prefix_bytes; i += 2) {
    if (!domain::IsPrefixLetterAt(word, i)) return false;
  }
  return true;
}

bool FormStartsWith(std::string_view word, std::string_view prefix) {
  for (int removed = 0;; ++removed) {
    const std::string_view form = word.substr(static_cast<size_t>(2 * removed));
    if (removed > 0 && CodePoints(form) < 2) return false;
    if (form.starts_with(prefix)) return true;
    if (removed == kMaxPrefixLetters ||
        !domain::IsPrefixLetterAt(word, static_cast<size_t>(2 * removed))) {
      return false;
    }
  }
}

void AtomSpans(const domain::QueryNode& node, const domain::ListenText& text,
               std::vector<domain::WordSpan>* spans) {
  const size_t length = node.words.size();
  for (size_t start = 0; start + length <= text.word_count(); ++start) {
    bool match = true;
    for (size_t j = 0; j < length && match; ++j) {
      match = node.op == domain::QueryOp::kPrefix
                  ? FormStartsWith(text.word(start + j), node.words[j])
                  : FormEquals(text.word(start + j), node.words[j]);
    }
    if (match) spans->push_back({static_cast<int>(start), static_cast<int>(start + length - 1)});
  }
}

}  // namespace fr::nlp
