// WordTable: an immutable hash table from words (byte strings, in matching form) to ids, for
// looking up every form of every word of a post (nlp/listen's prefilter). Most words of a post
// are in no rule, so a bit filter (one bit per hash, 32 or more bits per word, small enough for
// the L1/L2 cache) turns most of them away before the table is read. The table is open
// addressing over 8-byte slots (a hash tag and where the entry is), at most half full; each
// entry (id, size, key bytes) lies in one buffer, so a lookup that finds its word usually
// touches two cache lines. A caller with many words hashes and prefetches them all first, then
// looks them up, so the cache misses overlap. No allocation on lookup. Thread-safe once built.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
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

  // Two multiplications for words of up to 16 bytes (nearly all), one more per further 8.
  static std::uint64_t Hash(std::string_view s) {
    if (s.size() > 16) return HashLong(s);
    char padded[16] = {};
    if (!s.empty()) std::memcpy(padded, s.data(), s.size());  // an empty view may hold null
    return HashShort(Load<std::uint64_t>(padded), Load<std::uint64_t>(padded + 8), s.size());
  }

  // Hash(std::string_view(p, n)) for n <= 16 when 16 bytes can be read from p (the word and
  // what follows it in its buffer): two loads, without a branch on the size.
  static std::uint64_t HashPadded(const char* p, std::size_t n) {
    return HashShort(Load<std::uint64_t>(p) & kKeep[n][0], Load<std::uint64_t>(p + 8) & kKeep[n][1],
                     n);
  }

  // False if no word with this hash (= Hash(word)) is in the table; true if one may be.
  bool MayHave(std::uint64_t hash) const {
    const std::uint64_t bit = (hash >> kFilterShift) & filter_mask_;
    return (filter_[bit / 64] >> (bit % 64)) & 1;
  }

  // Asks the CPU to bring the slot of `hash` (= Hash(word)) into the cache.
  void Prefetch(std::uint64_t hash) const { __builtin_prefetch(slots_.data() + (hash & mask_)); }

  // The id of `word`, whose Hash is `hash`; -1 if it is not in the table.
  std::int64_t Find(std::string_view word, std::uint64_t hash) const {
    return MayHave(hash) ? Probe(word, hash) : -1;
  }
  std::int64_t Find(std::string_view word) const { return Find(word, Hash(word)); }

  // Find for a word the filter let through. REQUIRES: MayHave(hash).
  std::int64_t Probe(std::string_view word, std::uint64_t hash) const {
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

  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const {
    return slots_.capacity() * sizeof(Slot) + entries_.capacity() +
           filter_.capacity() * sizeof(std::uint64_t);
  }

 private:
  static constexpr int kFilterShift =
      20;  // the filter's bit comes from hash bits the slot index does not use much
  static constexpr std::size_t kIdBytes = sizeof(std::uint32_t);
  static constexpr std::size_t kSizeBytes = sizeof(std::uint16_t);
  struct Slot {
    std::uint32_t tag = 0;    // high bits of the hash, | 1; 0 = empty
    std::uint32_t entry = 0;  // offset in entries_ of: id (4 bytes), size (2 bytes), key bytes
  };

  // kKeep[n]: the masks that keep the first n bytes of two 8-byte loads.
  static constexpr auto kKeep = [] {
    std::array<std::array<std::uint64_t, 2>, 17> keep{};
    for (std::size_t n = 0; n <= 16; ++n) {
      for (std::size_t half = 0; half < 2; ++half) {
        const std::size_t bytes = n > 8 * half ? std::min<std::size_t>(n - 8 * half, 8) : 0;
        const std::uint64_t little =
            bytes == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1;
        const std::uint64_t big = bytes == 0 ? 0 : ~std::uint64_t{0} << (8 * (8 - bytes));
        keep[n][half] = std::endian::native == std::endian::little ? little : big;
      }
    }
    return keep;
  }();

  // The hash of a word of n <= 16 bytes whose bytes, zero-padded to 16, load as `a` and `b`.
  static std::uint64_t HashShort(std::uint64_t a, std::uint64_t b, std::size_t n) {
    return Mix(Mix(a ^ (0x9E3779B97F4A7C15ull * (n + 1))) ^ b);
  }
  // The first 16 bytes as HashShort, then 8 more at a time (the last 8 overlapping).
  static std::uint64_t HashLong(std::string_view s);
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

  std::vector<std::uint64_t> filter_ = {0};  // one bit per hash value (mod its size); never empty
  std::uint64_t filter_mask_ = 0;
  std::vector<Slot> slots_;
  std::string entries_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace fr::nlp
