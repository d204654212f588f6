#include "nlp/listen/word_table.h"

#include <algorithm>

namespace fr::nlp {

std::uint64_t WordTable::HashLong(std::string_view s) {
  const char* p = s.data();
  std::uint64_t h = HashShort(Load<std::uint64_t>(p), Load<std::uint64_t>(p + 8), s.size());
  for (std::size_t at = 16; at < s.size(); at += 8)
    h = Mix(h ^ Load<std::uint64_t>(p + std::min(at, s.size() - 8)));
  return h;
}

WordTable::WordTable(const std::vector<std::pair<std::string, std::uint32_t>>& entries)
    : size_(entries.size()) {
  if (entries.empty()) return;
  std::size_t buckets = 8;
  while (buckets < entries.size()) buckets *= 2;  // at most half full: few buckets overflow
  buckets_.resize(buckets);
  bucket_mask_ = buckets - 1;
  std::size_t filter_bits = 4096;
  while (filter_bits < 32 * entries.size()) filter_bits *= 2;  // about 3 % false positives
  filter_.assign(filter_bits / 64, 0);
  filter_mask_ = filter_bits - 1;
  for (const auto& [word, id] : entries) {
    const std::uint64_t hash = Hash(word);
    const std::uint64_t bit = (hash >> kFilterShift) & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    std::size_t b = hash & bucket_mask_;
    while (buckets_[b].slots[1].tag != 0) b = (b + 1) & bucket_mask_;
    Slot& slot = buckets_[b].slots[buckets_[b].slots[0].tag != 0];
    char head[16] = {};
    std::memcpy(head, word.data(), std::min<std::size_t>(word.size(), 16));
    slot.head[0] = Load<std::uint64_t>(head);
    slot.head[1] = Load<std::uint64_t>(head + 8);
    slot.tag = static_cast<std::uint32_t>(hash >> 32) | 1u;
    slot.id = id;
    slot.size = static_cast<std::uint32_t>(word.size());
    slot.rest = static_cast<std::uint32_t>(rest_.size());
    if (word.size() > 16) rest_.append(word, 16);
  }
  rest_.shrink_to_fit();
}

std::int64_t WordTable::Find(std::string_view word) const {
  const std::uint64_t hash = Hash(word);
  if (!MayHave(hash)) return -1;
  if (word.size() > 16) return ProbePadded(word.data(), word.size(), hash);
  char padded[16] = {};
  if (!word.empty()) std::memcpy(padded, word.data(), word.size());  // an empty view may hold null
  return ProbePadded(padded, word.size(), hash);
}

}  // namespace fr::nlp
