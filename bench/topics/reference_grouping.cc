#include "reference_grouping.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/topics/topic_terms.h"

namespace fr::bench {
namespace {

constexpr int kBands = 16;
constexpr int kRows = 4;

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

std::uint64_t SplitMix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// The adjacent pairs of `words`, "a b".
std::vector<std::string> Bigrams(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) out.push_back(words[i] + ' ' + words[i + 1]);
  return out;
}

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t Find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(std::size_t a, std::size_t b) {
    a = Find(a), b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

Groups Collect(const std::vector<domain::topics::TopicDoc>& docs,
               const std::vector<std::size_t>& key_of, std::size_t none, std::size_t min_size) {
  std::map<std::size_t, std::vector<std::int64_t>> by_key;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (key_of[i] != none) by_key[key_of[i]].push_back(docs[i].id);
  }
  Groups groups;
  for (auto& [key, ids] : by_key) {
    if (ids.size() < min_size) continue;
    std::sort(ids.begin(), ids.end());
    groups.push_back(std::move(ids));
  }
  return groups;
}

}  // namespace

Groups MinHashGroups(const std::vector<domain::topics::TopicDoc>& docs, std::size_t min_size) {
  UnionFind sets(docs.size());
  std::vector<std::unordered_map<std::uint64_t, std::size_t>> buckets(
      kBands);  // band key -> first doc
  std::vector<bool> has_shingles(docs.size(), false);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::vector<std::string> shingles = domain::topics::TermWords(docs[i].text);
    for (std::string& b : Bigrams(shingles)) shingles.push_back(std::move(b));
    if (shingles.empty()) continue;
    has_shingles[i] = true;
    std::array<std::uint64_t, kBands * kRows> signature;
    signature.fill(~0ull);
    for (const std::string& s : shingles) {
      const std::uint64_t h = Fnv1a(s);
      for (std::size_t k = 0; k < signature.size(); ++k) {
        signature[k] = std::min(signature[k], SplitMix(h ^ (k * 0x632be59bd9b4e019ull)));
      }
    }
    for (int band = 0; band < kBands; ++band) {
      std::uint64_t key = 0;
      for (int r = 0; r < kRows; ++r) {
        key = SplitMix(key ^ signature[static_cast<std::size_t>(band * kRows + r)]);
      }
      const auto [at, added] = buckets[static_cast<std::size_t>(band)].try_emplace(key, i);
      if (!added) sets.Join(at->second, i);
    }
  }
  std::vector<std::size_t> root(docs.size(), docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (has_shingles[i]) root[i] = sets.Find(i);
  }
  return Collect(docs, root, docs.size(), min_size);
}

Groups SharedBigramGroups(const std::vector<domain::topics::TopicDoc>& docs, std::size_t min_size) {
  std::vector<std::vector<std::string>> bigrams(docs.size());
  std::unordered_map<std::string, std::size_t> df;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    bigrams[i] = Bigrams(domain::topics::TermWords(docs[i].text));
    std::sort(bigrams[i].begin(), bigrams[i].end());
    bigrams[i].erase(std::unique(bigrams[i].begin(), bigrams[i].end()), bigrams[i].end());
    for (const std::string& b : bigrams[i]) ++df[b];
  }
  std::unordered_map<std::string, std::size_t> key_ids;
  std::vector<std::size_t> key_of(docs.size(), docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const std::string* best = nullptr;
    for (const std::string& b : bigrams[i]) {
      if (best == nullptr || df[b] > df[*best]) best = &b;  // sorted, so ties keep the smaller
    }
    if (best != nullptr) key_of[i] = key_ids.try_emplace(*best, key_ids.size()).first->second;
  }
  return Collect(docs, key_of, docs.size(), min_size);
}

}  // namespace fr::bench
