// WordTable: an immutable hash table from words (byte strings, in matching form) to ids, for
// looking up every form of every word of a post (nlp/listen's prefilter). Most words of a post
// are in no rule, so a bit filter (one bit per hash, 32 or more bits per word, small enough for
// the L1/L2 cache) turns most of them away before the table is read. The table is open
// addressing over buckets of two 32-byte slots (one cache line), at most half full; a slot
// holds the word's first 16 bytes, its size, id and a hash tag. A lookup reads one cache line
// and compares both slots without a branch between them (which of the two holds a word cannot
// be predicted); longer words compare the rest from a side buffer. A caller with many words hashes
// and prefetches them all first, then looks them up, so the cache misses overlap. No allocation on
// lookup. Thread-safe once built.
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
  // REQUIRES: the words of `entries` are distinct; their bytes after the 16th total under
  // 4 GiB.
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

  // True if the first n bytes at a and at b are equal. REQUIRES: n <= 16; 16 bytes can be read
  // from each.
  static bool HeadsEqual(const char* a, const char* b, std::size_t n) {
    return (((Load<std::uint64_t>(a) ^ Load<std::uint64_t>(b)) & kKeep[n][0]) |
            ((Load<std::uint64_t>(a + 8) ^ Load<std::uint64_t>(b + 8)) & kKeep[n][1])) == 0;
  }

  // False if no word with this hash (= Hash(word)) is in the table; true if one may be.
  bool MayHave(std::uint64_t hash) const {
    const std::uint64_t bit = (hash >> kFilterShift) & filter_mask_;
    return (filter_[bit / 64] >> (bit % 64)) & 1;
  }

  // Asks the CPU to bring the bucket of `hash` (= Hash(word)) into the cache.
  void Prefetch(std::uint64_t hash) const {
    __builtin_prefetch(buckets_.data() + (hash & bucket_mask_));
  }

  // The id of `word`; -1 if it is not in the table.
  std::int64_t Find(std::string_view word) const;

  // The id of the n bytes at p, whose Hash is `hash`; -1 if they are not in the table.
  // REQUIRES: MayHave(hash); 16 bytes can be read from p (the word and what follows it).
  std::int64_t ProbePadded(const char* p, std::size_t n, std::uint64_t hash) const {
    const std::size_t head = std::min<std::size_t>(n, 16);
    const std::uint64_t lo = Load<std::uint64_t>(p) & kKeep[head][0];
    const std::uint64_t hi = Load<std::uint64_t>(p + 8) & kKeep[head][1];
    const auto tag = static_cast<std::uint32_t>(hash >> 32) | 1u;  // never 0, the empty tag
    auto heads_match = [&](const Slot& slot) {
      return (slot.tag == tag) & (slot.head[0] == lo) & (slot.head[1] == hi) & (slot.size == n);
    };
    for (std::size_t b = hash & bucket_mask_;; b = (b + 1) & bucket_mask_) {
      const Slot* slots = buckets_[b].slots;
      const bool first = heads_match(slots[0]), second = heads_match(slots[1]);
      if (n <= 16) {
        if (first | second) return slots[second].id;  // words are distinct: one matched
      } else {
        if (first && RestMatches(slots[0], p)) return slots[0].id;
        if (second && RestMatches(slots[1], p)) return slots[1].id;
      }
      if (slots[1].tag == 0) return -1;  // a bucket with room ends every word's search
    }
  }

  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const {
    return buckets_.capacity() * sizeof(Bucket) + rest_.capacity() +
           filter_.capacity() * sizeof(std::uint64_t);
  }

 private:
  static constexpr int kFilterShift =
      20;  // the filter's bit comes from hash bits the bucket index does not use much
  struct Slot {
    std::uint64_t head[2] = {0, 0};  // the word's first 16 bytes, zero-padded
    std::uint32_t tag = 0;           // high bits of the hash, | 1; 0 = empty
    std::uint32_t id = 0;
    std::uint32_t size = 0;
    std::uint32_t rest = 0;  // offset in rest_ of the bytes after the 16th
  };
  struct alignas(64) Bucket {
    Slot slots[2];  // filled in order
  };
  static_assert(sizeof(Bucket) == 64, "one bucket per cache line");

  // True if the bytes after the 16th of the word at p are those of `slot`'s word, whose first
  // 16 bytes and size p's word has.
  bool RestMatches(const Slot& slot, const char* p) const {
    return std::memcmp(p + 16, rest_.data() + slot.rest, slot.size - 16) == 0;
  }

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
  std::vector<Bucket> buckets_;
  std::size_t bucket_mask_ = 0;
  std::string rest_;  // the bytes after the 16th of longer words
  std::size_t size_ = 0;
};

}  // namespace fr::nlp
