// LiteralIndex: finds which of the rules' literals (atom_pattern.h) occur in a post, by looking
// the post's words up rather than scanning its bytes. A literal counts where it would be found
// in domain::ListenText::scan_text() starting a word, perhaps after 1 to 3 Hebrew prefix
// letters (for terms and prefixes), or anywhere (tags, which begin with " #" / " @", and
// emoji). That is:
//  * a term's literal (its longest word and a space): some form (domain::WordFormsOf) of some
//    word is it;
//  * a prefix's literal: some form of some word starts with it (looked up by its first bytes,
//    as many as the shortest prefix has, then compared);
//  * a tag's or handle's literal: a word written after that mark is its first word and the
//    next words, unmarked, are the rest;
//  * an emoji literal: an emoji run holds it (looked up by its first code point).
// Per post this is a few hash lookups per word, independent of the number of rules, and it
// allocates nothing. literal_index_test.cc checks it against a byte search of the scan text.
// Immutable once built; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "domain/listen/listen_text.h"
#include "domain/listen/rule_parser.h"
#include "domain/listen/rule_query.h"
#include "nlp/listen/atom_pattern.h"
#include "nlp/listen/word_table.h"

namespace fr::nlp {

class LiteralIndex {
 public:
  // `literals[id]` is an atom whose AtomLiteral is literal `id`. REQUIRES: the literals are
  // distinct.
  explicit LiteralIndex(const std::vector<const domain::QueryNode*>& literals);

  // Calls found(id) for each literal `text` holds, once or more.
  template <typename Found>
  void Find(const domain::ListenText& text, Found&& found) const;

  std::size_t memory_bytes() const;

 private:
  // Literals that share a lookup key (prefixes by first three letters, tags by their marked
  // first word, emoji by first code point): entries [start, end) of members_.
  struct Member {
    std::uint32_t id;
    std::uint32_t offset;  // of what must follow the key, in tails_
    std::uint32_t size;
  };
  struct Group {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
  };
  class GroupBuilder;

  std::string_view Tail(const Member& m) const {
    return std::string_view(tails_).substr(m.offset, m.size);
  }
  // True if the `size` bytes at `p` start with Tail(m). REQUIRES: 16 bytes can be read from p.
  bool StartsWithTail(const char* p, std::size_t size, const Member& m) const {
    if (m.size > 16) return std::string_view(p, size).starts_with(Tail(m));
    return (size >= m.size) & WordTable::HeadsEqual(p, tails_.data() + m.offset, m.size);
  }

  // The bytes prefixes are grouped by: the first prefix_key_bytes_[0] of `s` if it starts with
  // ASCII, else the first prefix_key_bytes_[1]; empty if `s` is shorter. Each count is the
  // byte length of the shortest prefix starting that way (at most 8), so a word that starts
  // with a prefix has the prefix's key.
  std::string_view PrefixKey(std::string_view s) const {
    if (s.empty()) return {};
    const std::size_t size = KeyBytes(s[0]);
    return s.size() < size ? std::string_view() : s.substr(0, size);
  }
  // The size of the PrefixKey of a word that starts with `first` and is long enough.
  std::size_t KeyBytes(char first) const {
    return prefix_key_bytes_[static_cast<unsigned char>(first) >> 7];
  }

  WordTable terms_;     // a term's literal word -> literal id
  WordTable prefixes_;  // a prefix's PrefixKey -> index into groups_
  std::size_t prefix_key_bytes_[2] = {8, 8};
  WordTable tags_;   // mark and first word -> index into groups_
  WordTable emoji_;  // first code point -> index into groups_
  std::vector<Group> groups_;
  std::vector<Member> members_;
  // Prefixes whole; tags' later words, each after a space; emoji whole; then 16 bytes of
  // padding (StartsWithTail reads 16 bytes).
  std::string tails_;
};

// The bytes of the first code point of `s` (empty if `s` is).
inline std::string_view FirstCodePoint(std::string_view s) {
  std::size_t end = s.empty() ? 0 : 1;
  while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  return s.substr(0, end);
}

template <typename Found>
void LiteralIndex::Find(const domain::ListenText& text, Found&& found) const {
  // Word forms are hashed first and kept, without a branch, when the bit filter lets them
  // through (a third of them are terms: a branch on it would be mispredicted often); then the
  // batch's table buckets are prefetched and probed, so the cache misses overlap. Every form is
  // read 16 bytes at a time (WordTable::HashPadded, ProbePadded): a word too near the end of
  // the scan text for that is copied into `near_end` first.
  constexpr int kBatch = 32;
  struct Pending {  // plain fields: the arrays are not zeroed on each call
    const char* data;
    std::size_t size;
    std::uint64_t hash;
  };
  Pending terms[kBatch + domain::kMaxWordForms];
  Pending keys[kBatch + domain::kMaxWordForms];  // forms and the hash of their PrefixKey
  int term_count = 0;
  int key_count = 0;
  auto probe = [&] {
    for (int b = 0; b < term_count; ++b) terms_.Prefetch(terms[b].hash);
    for (int b = 0; b < key_count; ++b) {
      const Pending& key = keys[b];
      if (const std::int64_t g = prefixes_.ProbePadded(key.data, KeyBytes(key.data[0]), key.hash);
          g >= 0) {
        for (std::uint32_t m = groups_[g].start; m < groups_[g].end; ++m) {
          if (StartsWithTail(key.data, key.size, members_[m])) found(members_[m].id);
        }
      }
    }
    for (int b = 0; b < term_count; ++b) {
      if (const std::int64_t id = terms_.ProbePadded(terms[b].data, terms[b].size, terms[b].hash);
          id >= 0) {
        found(static_cast<std::uint32_t>(id));
      }
    }
    term_count = 0;
    key_count = 0;
  };
  const bool any_prefix = prefixes_.size() > 0;
  // Queues a form of `size` bytes at `p` where the filters let it through. REQUIRES: 16 bytes
  // can be read from p; `hash` is its Hash.
  auto queue = [&](const char* p, std::size_t size, std::uint64_t hash) {
    terms[term_count] = Pending{p, size, hash};
    term_count += terms_.MayHave(hash);
    const std::size_t key_size = KeyBytes(p[0]);
    const std::uint64_t key_hash = WordTable::HashPadded(p, key_size);
    keys[key_count] = Pending{p, size, key_hash};
    key_count += any_prefix & (size >= key_size) & prefixes_.MayHave(key_hash);
  };
  // Bytes read from a word: FormCount's, or 16 from its last form.
  constexpr std::size_t kReads = 2 * (domain::kMaxWordForms - 1) + 16;
  static_assert(kReads >= kFormCountReads);
  char near_end[kReads + 16] = {};
  const char* const end = text.scan_text().data() + text.scan_text().size();
  const std::size_t words = text.word_count();
  for (std::size_t i = 0; i < words; ++i) {
    const std::string_view word = text.word(i);
    const char* data = word.data();
    const bool near = end - data < static_cast<std::ptrdiff_t>(kReads);
    if (near) data = static_cast<const char*>(std::memcpy(near_end, data, word.size()));
    if (word.size() <= 16) {
      const int count = static_cast<unsigned char>(data[0]) == 0xD7
                            ? FormCount(std::string_view(data, word.size()))
                            : 1;
      for (int k = 0; k < count; ++k) {
        const char* form = data + 2 * k;
        const std::size_t size = word.size() - 2 * static_cast<std::size_t>(k);
        queue(form, size, WordTable::HashPadded(form, size));
      }
    } else {
      std::string_view forms[domain::kMaxWordForms];
      const int count = domain::WordFormsOf(std::string_view(data, word.size()), forms);
      for (int k = 0; k < count; ++k) {
        queue(forms[k].data(), forms[k].size(), WordTable::Hash(forms[k]));
      }
    }
    if (near || term_count >= kBatch || key_count >= kBatch) probe();  // near_end is reused
    if (text.mark(i) == 0 || tags_.size() == 0) continue;
    // The mark stands right before the word in the scan text: the key is both.
    const std::string_view marked(word.data() - 1, word.size() + 1);
    if (const std::int64_t g = tags_.Find(marked); g >= 0) {
      // What follows the word in the scan text: " next words ...".
      const std::string_view after = std::string_view(text.scan_text())
                                         .substr(static_cast<std::size_t>(
                                             word.data() + word.size() - text.scan_text().data()));
      for (std::uint32_t m = groups_[g].start; m < groups_[g].end; ++m) {
        if (after.starts_with(Tail(members_[m]))) found(members_[m].id);
      }
    }
  }
  probe();
  if (emoji_.size() == 0) return;
  for (const std::string_view run : text.emoji()) {
    for (std::size_t at = 0; at < run.size();) {
      const std::string_view first = FirstCodePoint(run.substr(at));
      if (const std::int64_t g = emoji_.Find(first); g >= 0) {
        for (std::uint32_t m = groups_[g].start; m < groups_[g].end; ++m) {
          if (run.substr(at).starts_with(Tail(members_[m]))) found(members_[m].id);
        }
      }
      at += first.size();
    }
  }
}

}  // namespace fr::nlp
