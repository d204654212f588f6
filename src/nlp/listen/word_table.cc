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
  std::size_t capacity = 16;
  while (capacity < 2 * entries.size()) capacity *= 2;  // at most half full: short probes
  slots_.resize(capacity);
  mask_ = capacity - 1;
  std::size_t filter_bits = 4096;
  while (filter_bits < 32 * entries.size()) filter_bits *= 2;  // about 3 % false positives
  filter_.assign(filter_bits / 64, 0);
  filter_mask_ = filter_bits - 1;
  for (const auto& [word, id] : entries) {
    const std::uint64_t hash = Hash(word);
    const std::uint64_t bit = (hash >> kFilterShift) & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    std::size_t i = hash & mask_;
    while (slots_[i].tag != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{static_cast<std::uint32_t>(hash >> 32) | 1u,
                     static_cast<std::uint32_t>(entries_.size())};
    entries_.append(reinterpret_cast<const char*>(&id), kIdBytes);
    const auto size = static_cast<std::uint16_t>(word.size());
    entries_.append(reinterpret_cast<const char*>(&size), kSizeBytes);
    entries_ += word;
  }
  entries_.shrink_to_fit();
}

}  // namespace fr::nlp
