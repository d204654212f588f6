#include "domain/topics/topic_finder.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <queue>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "domain/topics/topic_terms.h"

namespace fr::domain::topics {
namespace {

using TermId = std::uint32_t;
using DocIndex = std::uint32_t;  // a document's place in Corpus::docs

// The display forms come from this many of each topic's most central members: enough to see
// the usual spelling, few enough that naming costs nothing next to grouping.
constexpr std::size_t kDisplaySample = 32;

// The batch as terms, in a fixed document order (id, time, text) so that the input order does
// not matter.
struct Corpus {
  std::vector<const TopicDoc*> docs;
  std::vector<std::vector<TermId>> doc_terms;            // distinct, ascending
  std::vector<std::string> terms;                        // by TermId, matching form
  std::vector<std::vector<DocIndex>> postings;           // by TermId, ascending
  std::unordered_map<std::string, TermId> term_of_word;  // every term word seen

  double Size() const { return static_cast<double>(docs.size()); }
  double Df(TermId t) const { return static_cast<double>(postings[t].size()); }
  double Idf(TermId t) const { return std::log(Size() / Df(t)); }
};

Corpus BuildCorpus(const std::vector<TopicDoc>& input, std::size_t max_doc_terms) {
  Corpus c;
  c.docs.reserve(input.size());
  for (const TopicDoc& d : input) c.docs.push_back(&d);
  std::sort(c.docs.begin(), c.docs.end(), [](const TopicDoc* a, const TopicDoc* b) {
    return std::tie(a->id, a->at, a->text) < std::tie(b->id, b->at, b->text);
  });
  std::vector<std::vector<std::string>> words(c.docs.size());
  TermVocabulary vocabulary;
  for (std::size_t i = 0; i < c.docs.size(); ++i) {
    words[i] = TermWords(c.docs[i]->text);
    vocabulary.AddDocument(words[i]);
  }
  std::unordered_map<std::string, TermId> id_of_term;
  c.doc_terms.resize(c.docs.size());
  for (std::size_t i = 0; i < c.docs.size(); ++i) {
    std::vector<TermId>& terms = c.doc_terms[i];
    for (std::string& word : words[i]) {
      auto [known, added] = c.term_of_word.try_emplace(std::move(word), 0);
      if (added) {
        std::string term = vocabulary.TermOf(known->first);
        const auto [entry, new_term] =
            id_of_term.try_emplace(term, static_cast<TermId>(c.terms.size()));
        if (new_term) c.terms.push_back(std::move(term));
        known->second = entry->second;
      }
      if (std::find(terms.begin(), terms.end(), known->second) != terms.end()) continue;
      if (terms.size() == max_doc_terms) break;
      terms.push_back(known->second);
    }
    std::sort(terms.begin(), terms.end());
  }
  c.postings.resize(c.terms.size());
  for (DocIndex i = 0; i < c.doc_terms.size(); ++i) {
    for (TermId t : c.doc_terms[i]) c.postings[t].push_back(i);
  }
  return c;
}

// Dunning's G² for a pair seen together in `ab` of `n` documents, its terms in `a` and `b`;
// 0 unless they occur together more often than chance.
double PairG2(double ab, double a, double b, double n) {
  if (ab * n <= a * b) return 0;
  const auto xlogx = [](double x) { return x > 0 ? x * std::log(x) : 0.0; };
  const double cells = xlogx(ab) + xlogx(a - ab) + xlogx(b - ab) + xlogx(n - a - b + ab);
  const double margins = xlogx(a) + xlogx(n - a) + xlogx(b) + xlogx(n - b);
  return 2 * (cells - margins + xlogx(n));
}

// How many of `members` hold each term.
std::unordered_map<TermId, std::uint32_t> TermCounts(const Corpus& c,
                                                     const std::vector<DocIndex>& members) {
  std::unordered_map<TermId, std::uint32_t> counts;
  for (DocIndex d : members) {
    for (TermId t : c.doc_terms[d]) ++counts[t];
  }
  return counts;
}

// The name terms of `members` (step 5 of the header), most distinctive first.
std::vector<TermId> NameTerms(const Corpus& c, const std::vector<DocIndex>& members,
                              const std::unordered_map<TermId, std::uint32_t>& counts,
                              const TopicSettings& s) {
  const double size = static_cast<double>(members.size());
  const double needed = std::max(2.0, s.name_share * size);
  std::vector<std::tuple<double, std::int64_t, std::string_view, TermId>> ranked;  // best first
  for (const auto& [t, count] : counts) {
    if (count < needed) continue;
    const double share = count / size;
    ranked.emplace_back(-share * std::log(share * c.Size() / c.Df(t)), -std::int64_t{count},
                        c.terms[t], t);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<TermId> names;
  for (std::size_t i = 0; i < ranked.size() && i < s.max_name_terms; ++i) {
    names.push_back(std::get<3>(ranked[i]));
  }
  return names;
}

// A topic in the making: its members and the name terms it was found with.
struct Cluster {
  std::vector<DocIndex> members;  // ascending
  std::vector<TermId> names;      // ascending
};

// Steps 2 to 4 of the header: seeds, then topics peeled greedily.
class Peeler {
 public:
  Peeler(const Corpus& corpus, const TopicSettings& settings)
      : c_(corpus),
        s_(settings),
        min_size_(std::max<std::size_t>(settings.min_topic_size, 2)),
        assigned_(corpus.docs.size(), false),
        doc_hits_(corpus.docs.size(), 0),
        doc_weight_(corpus.docs.size(), 0),
        term_hits_(corpus.terms.size(), 0) {
    for (std::size_t d = 0; d < c_.doc_terms.size(); ++d) {
      ForEachPair(static_cast<DocIndex>(d), [&](std::uint64_t key) { ++pairs_[key]; });
    }
    for (const auto& [key, count] : pairs_) {
      if (count < min_size_) continue;
      const double g2 = PairG2(count, c_.Df(First(key)), c_.Df(Second(key)), c_.Size());
      if (g2 >= s_.min_pair_g2) seeds_.push({count, g2, key});
    }
  }

  std::vector<Cluster> Run() {
    std::vector<Cluster> clusters;
    while (!seeds_.empty() && clusters.size() < s_.max_topics) {
      const Seed seed = seeds_.top();
      seeds_.pop();
      // Counts only fall as documents are taken: a seed whose count fell goes back in with its
      // count now (if it is still a seed), so the one on top is current.
      const std::uint32_t count = pairs_[seed.key];
      if (count != seed.count) {
        const double g2 = PairG2(count, c_.Df(First(seed.key)), c_.Df(Second(seed.key)), c_.Size());
        if (count >= min_size_ && g2 >= s_.min_pair_g2) seeds_.push({count, g2, seed.key});
        continue;
      }
      Cluster found{Members(CoreTerms(seed.key)), {}};
      if (found.members.size() < min_size_) continue;
      found.names = NameTerms(c_, found.members, TermCounts(c_, found.members), s_);
      std::sort(found.names.begin(), found.names.end());
      for (DocIndex d : found.members) {
        assigned_[d] = true;
        ForEachPair(d, [&](std::uint64_t key) { --pairs_[key]; });
      }
      const auto same = std::find_if(clusters.begin(), clusters.end(), [&](const Cluster& k) {
        return TermSetSimilarity(k.names, found.names) >= s_.merge_similarity;
      });
      if (same == clusters.end()) {
        clusters.push_back(std::move(found));
        continue;
      }
      const std::size_t old_size = same->members.size();
      same->members.insert(same->members.end(), found.members.begin(), found.members.end());
      std::inplace_merge(same->members.begin(),
                         same->members.begin() + static_cast<std::ptrdiff_t>(old_size),
                         same->members.end());
    }
    return clusters;
  }

 private:
  struct Seed {
    std::uint32_t count;  // documents (still unassigned) holding both terms
    double g2;
    std::uint64_t key;
    // The most documents on top, then the stronger association, then the pair key.
    bool operator<(const Seed& o) const {
      return std::tie(count, g2, o.key) < std::tie(o.count, o.g2, key);
    }
  };

  static std::uint64_t Key(TermId a, TermId b) { return (std::uint64_t{a} << 32) | b; }
  static TermId First(std::uint64_t key) { return static_cast<TermId>(key >> 32); }
  static TermId Second(std::uint64_t key) { return static_cast<TermId>(key & 0xffff'ffffu); }

  // Calls `f` with the key of every pair of terms of document `d` that could seed a topic
  // (both in enough documents).
  template <typename F>
  void ForEachPair(DocIndex d, F&& f) const {
    const std::vector<TermId>& terms = c_.doc_terms[d];
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (c_.postings[terms[i]].size() < min_size_) continue;
      for (std::size_t j = i + 1; j < terms.size(); ++j) {
        if (c_.postings[terms[j]].size() >= min_size_) f(Key(terms[i], terms[j]));
      }
    }
  }

  // The seed's two terms, then the terms that mark its core (step 3 of the header), most
  // distinctive first.
  std::vector<TermId> CoreTerms(std::uint64_t key) {
    const TermId a = First(key), b = Second(key);
    std::vector<DocIndex> core;
    std::set_intersection(c_.postings[a].begin(), c_.postings[a].end(), c_.postings[b].begin(),
                          c_.postings[b].end(), std::back_inserter(core));
    std::erase_if(core, [&](DocIndex d) { return assigned_[d]; });
    std::vector<TermId> touched;
    for (DocIndex d : core) {
      for (TermId t : c_.doc_terms[d]) {
        if (term_hits_[t]++ == 0) touched.push_back(t);
      }
    }
    const double size = static_cast<double>(core.size());
    const double needed = std::max(2.0, s_.core_share * size);
    std::vector<std::pair<double, TermId>> extra;  // (-distinctiveness, term)
    for (TermId t : touched) {
      const double share = term_hits_[t] / size, lift = share * c_.Size() / c_.Df(t);
      if (t != a && t != b && term_hits_[t] >= needed && lift >= s_.min_core_lift) {
        extra.emplace_back(-share * std::log(lift), t);
      }
      term_hits_[t] = 0;
    }
    std::sort(extra.begin(), extra.end());
    std::vector<TermId> terms{a, b};
    for (std::size_t i = 0; i < extra.size() && terms.size() < s_.max_core_terms; ++i) {
      terms.push_back(extra[i].second);
    }
    return terms;
  }

  // The unassigned documents holding at least two of `terms` (the seed's two first) whose idf
  // together is at least `member_weight` times the seed's two's, ascending.
  std::vector<DocIndex> Members(const std::vector<TermId>& terms) {
    const double needed = s_.member_weight * (c_.Idf(terms[0]) + c_.Idf(terms[1])) - 1e-9;
    std::vector<DocIndex> touched;
    for (TermId t : terms) {
      for (DocIndex d : c_.postings[t]) {
        if (assigned_[d]) continue;
        if (doc_hits_[d]++ == 0) touched.push_back(d);
        doc_weight_[d] += c_.Idf(t);
      }
    }
    std::vector<DocIndex> members;
    for (DocIndex d : touched) {
      if (doc_hits_[d] >= 2 && doc_weight_[d] >= needed) members.push_back(d);
      doc_hits_[d] = 0;
      doc_weight_[d] = 0;
    }
    std::sort(members.begin(), members.end());
    return members;
  }

  const Corpus& c_;
  const TopicSettings& s_;
  const std::size_t min_size_;
  std::unordered_map<std::uint64_t, std::uint32_t> pairs_;  // unassigned documents per pair
  std::priority_queue<Seed> seeds_;
  std::vector<bool> assigned_;
  // Scratch, all 0 between calls.
  std::vector<std::uint32_t> doc_hits_;
  std::vector<double> doc_weight_;
  std::vector<std::uint32_t> term_hits_;
};

// `members` by closeness to their centroid, closest first: the cosine of a document's term set
// with the members' term counts, up to the centroid's length (the same for all); ties by place.
std::vector<DocIndex> ByCentrality(const Corpus& c, const std::vector<DocIndex>& members,
                                   const std::unordered_map<TermId, std::uint32_t>& counts) {
  std::vector<std::pair<double, DocIndex>> ranked;  // (-closeness, document)
  for (DocIndex d : members) {
    double dot = 0;
    for (TermId t : c.doc_terms[d]) dot += counts.at(t);
    ranked.emplace_back(
        c.doc_terms[d].empty() ? 0 : -dot / std::sqrt(static_cast<double>(c.doc_terms[d].size())),
        d);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<DocIndex> out;
  for (const auto& [closeness, d] : ranked) out.push_back(d);
  return out;
}

// A topic but for its display terms and name, with what naming it needs.
struct Described {
  Topic topic;
  std::vector<TermId> names;      // as topic.terms
  std::vector<DocIndex> central;  // the members by centrality
};

Described Describe(const Corpus& c, const std::vector<DocIndex>& members, UnixMillis recent_from,
                   double recent_share, const TopicSettings& s) {
  const std::unordered_map<TermId, std::uint32_t> counts = TermCounts(c, members);
  Described out{{}, NameTerms(c, members, counts, s), ByCentrality(c, members, counts)};
  Topic& topic = out.topic;
  for (TermId t : out.names) topic.terms.push_back(c.terms[t]);
  topic.first_at = c.docs[members.front()]->at;
  topic.last_at = topic.first_at;
  for (DocIndex d : members) {
    const TopicDoc& doc = *c.docs[d];
    topic.doc_ids.push_back(doc.id);
    topic.first_at = std::min(topic.first_at, doc.at);
    topic.last_at = std::max(topic.last_at, doc.at);
    topic.recent_count += doc.at >= recent_from ? 1 : 0;
  }
  std::sort(topic.doc_ids.begin(), topic.doc_ids.end());
  const double own_share =
      static_cast<double>(topic.recent_count) / static_cast<double>(members.size());
  topic.trend = recent_share > 0 ? own_share / recent_share : 1;
  for (std::size_t i = 0; i < out.central.size() && i < s.max_examples; ++i) {
    topic.example_ids.push_back(c.docs[out.central[i]]->id);
  }
  return out;
}

}  // namespace

std::vector<Topic> FindTopics(const std::vector<TopicDoc>& docs, UnixMillis until,
                              const TopicSettings& settings) {
  const Corpus corpus = BuildCorpus(docs, settings.max_doc_terms);
  const std::vector<Cluster> clusters = Peeler(corpus, settings).Run();

  const UnixMillis recent_from = until - std::chrono::milliseconds(settings.recent).count();
  const auto recent_docs = std::count_if(corpus.docs.begin(), corpus.docs.end(),
                                         [&](const TopicDoc* d) { return d->at >= recent_from; });
  const double recent_share =
      corpus.docs.empty() ? 0 : static_cast<double>(recent_docs) / corpus.Size();

  std::vector<Described> described;
  for (const Cluster& cluster : clusters) {
    described.push_back(Describe(corpus, cluster.members, recent_from, recent_share, settings));
  }

  // Display forms, from how the most central members of each topic wrote its name terms.
  DisplayForms display;
  for (const Described& d : described) {
    const std::unordered_set<TermId> wanted(d.names.begin(), d.names.end());
    for (std::size_t i = 0; i < d.central.size() && i < kDisplaySample; ++i) {
      for (const WrittenWord& w : WrittenWords(corpus.docs[d.central[i]]->text)) {
        const auto term = corpus.term_of_word.find(w.word);
        if (term != corpus.term_of_word.end() && wanted.count(term->second)) {
          display.Add(corpus.terms[term->second], w.word, w.written);
        }
      }
    }
  }
  std::vector<Topic> topics;
  for (Described& d : described) {
    Topic& topic = topics.emplace_back(std::move(d.topic));
    for (const std::string& term : topic.terms) {
      topic.display_terms.push_back(display.Of(term));
      topic.name += (topic.name.empty() ? "" : " · ") + topic.display_terms.back();
    }
  }
  std::stable_sort(topics.begin(), topics.end(), [](const Topic& a, const Topic& b) {
    return std::make_tuple(b.count(), std::string_view(a.name)) <
           std::make_tuple(a.count(), std::string_view(b.name));
  });
  return topics;
}

}  // namespace fr::domain::topics
