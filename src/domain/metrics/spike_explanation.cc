#include "domain/metrics/spike_explanation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace fr::domain::metrics {
namespace {

constexpr double kPrior = 0.5;

// The log-odds ratio of a term in a messages of n against b of m, and its z-score.
TermLift Lift(const std::string& term, std::int64_t a, std::int64_t n, std::int64_t b,
              std::int64_t m) {
  const double a1 = a + kPrior, a0 = n - a + kPrior, b1 = b + kPrior, b0 = m - b + kPrior;
  const double delta = std::log(a1 / a0) - std::log(b1 / b0);
  const double se = std::sqrt(1 / a1 + 1 / a0 + 1 / b1 + 1 / b0);
  const double lift = (static_cast<double>(a) / n) / ((b + kPrior) / (m + 2 * kPrior));
  return TermLift{term, a, lift, delta / se};
}

std::vector<TermLift> TopTerms(const std::vector<WindowMessage>& window,
                               const TermBackground& background, const ExplainSettings& s) {
  std::map<std::string, std::int64_t> counts;
  for (const WindowMessage& m : window) {
    for (const std::string& t : std::set<std::string>(m.terms.begin(), m.terms.end())) ++counts[t];
  }
  const auto n = static_cast<std::int64_t>(window.size());
  std::vector<TermLift> terms;
  for (const auto& [term, a] : counts) {
    if (a < s.min_term_count) continue;
    auto bg = background.document_counts.find(term);
    const std::int64_t b = bg == background.document_counts.end() ? 0 : bg->second;
    TermLift lift = Lift(term, a, n, std::min(b, background.documents), background.documents);
    if (lift.z > 0) terms.push_back(std::move(lift));
  }
  std::sort(terms.begin(), terms.end(), [](const TermLift& x, const TermLift& y) {
    return std::tie(y.z, y.count, x.term) < std::tie(x.z, x.count, y.term);
  });
  if (terms.size() > static_cast<std::size_t>(s.max_terms)) terms.resize(s.max_terms);
  return terms;
}

std::vector<SourceCount> Sources(const std::vector<WindowMessage>& window, int max) {
  std::map<std::pair<Platform, std::string>, std::int64_t> counts;
  for (const WindowMessage& m : window) ++counts[{m.platform, m.account_id}];
  std::vector<SourceCount> sources;
  for (const auto& [key, count] : counts) sources.push_back({key.first, key.second, count});
  std::stable_sort(sources.begin(), sources.end(),
                   [](const SourceCount& x, const SourceCount& y) { return x.count > y.count; });
  if (sources.size() > static_cast<std::size_t>(max)) sources.resize(max);
  return sources;
}

// Orders authors (and messages by their authors) by reach: more followers first, unknown last.
bool MoreFollowed(const std::optional<std::int64_t>& x, const std::optional<std::int64_t>& y) {
  return x.value_or(-1) > y.value_or(-1);
}

std::vector<AuthorReach> TopAuthors(const std::vector<WindowMessage>& window, int max) {
  std::map<std::pair<Platform, std::string>, AuthorReach> authors;
  for (const WindowMessage& m : window) {
    if (m.author_handle.empty()) continue;
    AuthorReach& a = authors[{m.platform, m.author_handle}];
    a.platform = m.platform;
    a.handle = m.author_handle;
    if (a.name.empty()) a.name = m.author_name;
    if (MoreFollowed(m.author_followers, a.followers)) a.followers = m.author_followers;
    ++a.count;
  }
  std::vector<AuthorReach> out;
  for (auto& [key, a] : authors) out.push_back(std::move(a));
  std::stable_sort(out.begin(), out.end(), [](const AuthorReach& x, const AuthorReach& y) {
    if (x.followers != y.followers) return MoreFollowed(x.followers, y.followers);
    return x.count > y.count;
  });
  if (out.size() > static_cast<std::size_t>(max)) out.resize(max);
  return out;
}

std::vector<std::int64_t> Samples(const std::vector<WindowMessage>& window,
                                  const std::vector<TermLift>& top, int max) {
  std::set<std::string> top_terms;
  for (const TermLift& t : top) top_terms.insert(t.term);
  struct Candidate {
    const WindowMessage* m;
    int hits;
  };
  std::vector<Candidate> candidates;
  for (const WindowMessage& m : window) {
    int hits = 0;
    for (const std::string& t : std::set<std::string>(m.terms.begin(), m.terms.end())) {
      hits += top_terms.count(t) ? 1 : 0;
    }
    candidates.push_back({&m, hits});
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    if (x.hits != y.hits) return x.hits > y.hits;
    if (x.m->author_followers != y.m->author_followers) {
      return MoreFollowed(x.m->author_followers, y.m->author_followers);
    }
    return std::tie(x.m->at, x.m->message_id) < std::tie(y.m->at, y.m->message_id);
  });
  // Two passes: one message per author first, then the rest in the same order.
  std::vector<std::int64_t> ids;
  std::set<std::pair<Platform, std::string>> authors;
  std::set<std::int64_t> taken;
  for (int pass = 0; pass < 2; ++pass) {
    for (const Candidate& c : candidates) {
      if (ids.size() >= static_cast<std::size_t>(max)) return ids;
      if (taken.count(c.m->message_id)) continue;
      if (pass == 0 && !authors.insert({c.m->platform, c.m->author_handle}).second) continue;
      taken.insert(c.m->message_id);
      ids.push_back(c.m->message_id);
    }
  }
  return ids;
}

}  // namespace

SpikeExplanation ExplainSpike(const std::vector<WindowMessage>& window,
                              const TermBackground& background, const ExplainSettings& settings) {
  SpikeExplanation e;
  e.messages = static_cast<std::int64_t>(window.size());
  for (const WindowMessage& m : window) e.negative += m.negative ? 1 : 0;
  if (window.empty()) return e;
  e.top_terms = TopTerms(window, background, settings);
  e.sources = Sources(window, settings.max_sources);
  e.top_authors = TopAuthors(window, settings.max_authors);
  e.sample_message_ids = Samples(window, e.top_terms, settings.max_samples);
  return e;
}

}  // namespace fr::domain::metrics
