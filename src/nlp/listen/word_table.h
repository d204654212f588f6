// WordTable: an immutable hash table from words (byte strings, in matching form) to ids, for
// looking up every form of every word of a post (nlp/listen's prefilter). Most words of a post
// are in no rule, so a bit filter (one bit per hash, 8 or more bits per word, small enough for
// the L1/L2 cache) turns most of them away before the table is read. The table is open
// addressing over 8-byte slots (a hash tag and where the entry is), at most half full; each
// entry (id, size, key bytes) lies in one buffer, so a lookup that finds its word usually
// touches two cache lines. A caller with many words hashes and prefetches them all first, then
// looks them up, so the cache misses overlap. No allocation on lookup. Thread-safe once built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fr::nlp {

class WordTable {
 public:
  WordTable() = default;
  // REQUIRES: the words of `entries` are distinct and shorter than 64 KiB.
  explicit WordTable(const std::vector<std::pair<std::string, std::uint32_t>>& entries);

  // A few multiplications per 8 bytes (words are short): overlapping loads instead of a loop.
  static std::uint64_t Hash(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull * (n + 1);
    for (; n > 8; p += 8, n -= 8) h = Mix(h ^ Load<std::uint64_t>(p));
    std::uint64_t last = 0;
    if (n >= 4) {
      last = Load<std::uint32_t>(p) | (std::uint64_t{Load<std::uint32_t>(p + n - 4)} << 32);
    } else if (n > 0) {
      last = static_cast<unsigned char>(p[0]) | (static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8) |
             (static_cast<unsigned>(static_cast<unsigned char>(p[n - 1])) << 16);
    }
    return Mix(h ^ last);
  }

  // False if no word with this hash (= Hash(word)) is in the table; true if one may be.
  bool MayHave(std::uint64_t hash) const {
    const std::uint64_t bit = (hash >> kFilterShift) & filter_mask_;
    return !filter_.empty() && ((filter_[bit / 64] >> (bit % 64)) & 1);
  }

  // Asks the CPU to bring the slot of `hash` (= Hash(word)) into the cache.
  void Prefetch(std::uint64_t hash) const { __builtin_prefetch(slots_.data() + (hash & mask_)); }

  // The id of `word`, whose Hash is `hash`; -1 if it is not in the table.
  std::int64_t Find(std::string_view word, std::uint64_t hash) const {
    if (!MayHave(hash)) return -1;
    const auto tag = static_cast<std::uint32_t>(hash >> 32) | 1u;  // never 0, the empty tag
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot slot = slots_[i];
      if (slot.tag == 0) return -1;
      if (slot.tag != tag) continue;
      const char* entry = entries_.data() + slot.entry;
      if (Load<std::uint16_t>(entry + kIdBytes) == word.size() &&
          std::memcmp(entry + kIdBytes + kSizeBytes, word.data(), word.size()) == 0) {
        return Load<std::uint32_t>(entry);
      }
    }
  }
  std::int64_t Find(std::string_view word) const { return Find(word, Hash(word)); }

  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const {
    return slots_.capacity() * sizeof(Slot) + entries_.capacity() + filter_.capacity() * sizeof(std::uint64_t);
  }

 private:
  static constexpr int kFilterShift = 20;  // the filter's bit comes from hash bits the slot index does not use much
  static constexpr std::size_t kIdBytes = sizeof(std::uint32_t);
  static constexpr std::size_t kSizeBytes = sizeof(std::uint16_t);
  struct Slot {
    std::uint32_t tag = 0;    // high bits of the hash, | 1; 0 = empty
    std::uint32_t entry = 0;  // offset in entries_ of: id (4 bytes), size (2 bytes), key bytes
  };

  static std::uint64_t Mix(std::uint64_t x) {
    x *= 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 31);
  }
  template <typename T>
  static T Load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

  std::vector<std::uint64_t> filter_;  // one bit per hash value (mod its size)
  std::uint64_t filter_mask_ = 0;
  std::vector<Slot> slots_;
  std::string entries_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace fr::nlp
