#include "domain/topics/topic_identity.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "domain/topics/topic_terms.h"

namespace fr::domain::topics {

std::vector<TopicMatch> MatchTopics(const std::vector<KnownTopic>& known,
                                    const std::vector<Topic>& found, double min_similarity) {
  // Only topics that share a term can be alike: they are found through the terms.
  std::unordered_map<std::string_view, std::vector<std::size_t>> known_by_term;
  for (std::size_t k = 0; k < known.size(); ++k) {
    for (const std::string& t : known[k].terms) {
      std::vector<std::size_t>& holders = known_by_term[t];
      if (holders.empty() || holders.back() != k) holders.push_back(k);
    }
  }
  struct Candidate {
    double similarity;
    std::size_t found;
    std::int64_t id;
  };
  std::vector<Candidate> candidates;
  for (std::size_t f = 0; f < found.size(); ++f) {
    std::unordered_set<std::size_t> seen;
    for (const std::string& t : found[f].terms) {
      const auto holders = known_by_term.find(t);
      if (holders == known_by_term.end()) continue;
      for (std::size_t k : holders->second) {
        if (!seen.insert(k).second) continue;
        const double similarity = TermSetSimilarity(known[k].terms, found[f].terms);
        if (similarity >= min_similarity) candidates.push_back({similarity, f, known[k].id});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(b.similarity, a.found, a.id) < std::tie(a.similarity, b.found, b.id);
  });
  std::vector<TopicMatch> matches(found.size());
  std::unordered_set<std::int64_t> taken;
  for (const Candidate& c : candidates) {
    if (matches[c.found].id || taken.count(c.id)) continue;
    taken.insert(c.id);
    matches[c.found] = {c.id, c.similarity};
  }
  return matches;
}

}  // namespace fr::domain::topics
