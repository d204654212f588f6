// bench/topics: FindTopics on real customer texts, beside plain MinHash/LSH and exact shared
// bigrams in the same run (bench/topics/reference_grouping.h). One JSON line per set and method,
// with docs/s, the groups found, coverage (the share of documents in any group), the largest
// group, and purity against what a topic should not mix:
//  * twcs_brands: customers' tweets to ~100 brands (TWCS), against the brand each was addressed
//    to;
//  * airline_reasons: tweets to six US airlines, against the annotators' negative reason (late
//    flight, lost luggage, ...: the closest thing to gold topics) and against the airline;
//  * hebrew: Hebrew news talkbacks and Facebook comments, against the talkback's article; also
//    the name terms ending in a non-final Hebrew letter (should be 0);
//  * english_real: all the English tweets (TWCS, SpotifyCares, airlines), once each;
//  * throughput: the same repeated up to --docs documents;
//  * identity: the airline tweets without their last tenth, then all of them: how many topics
//    keep their id (MatchTopics) and how alike the members of a kept topic stay.
// Purity is the share of grouped labelled documents whose group's commonest label is theirs; it
// favours tiny groups, so it comes with inverse purity, the share in the group holding most of
// their label (low when a theme is split into many groups).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "corpora.h"
#include "domain/topics/topic_identity.h"
#include "reference_grouping.h"

namespace {

using fr::bench::Groups;
using fr::bench::Labelled;
using fr::domain::topics::TopicDoc;
namespace topics = fr::domain::topics;

constexpr fr::UnixMillis kUntil = 1'512'345'600'000;  // 2017-12-04, after the last TWCS tweet

struct Quality {
  std::size_t groups = 0, grouped = 0, largest = 0;
  double coverage = 0, purity = 0, inverse_purity = 0;
};

// Coverage, purity and inverse purity of `groups` of `docs` against `labels` (by id; "" is
// unlabelled), over the grouped labelled documents.
Quality Judge(const Groups& groups, std::size_t docs, const std::vector<std::string>& labels) {
  Quality q;
  q.groups = groups.size();
  std::size_t labelled = 0, majority = 0;
  std::map<std::string, std::map<std::size_t, std::size_t>> by_label;  // label -> group -> count
  for (std::size_t k = 0; k < groups.size(); ++k) {
    q.grouped += groups[k].size();
    q.largest = std::max(q.largest, groups[k].size());
    std::map<std::string, std::size_t> counts;
    for (std::int64_t id : groups[k]) {
      const std::string& label = labels[static_cast<std::size_t>(id)];
      if (label.empty()) continue;
      ++labelled;
      ++counts[label];
      ++by_label[label][k];
    }
    std::size_t best = 0;
    for (const auto& [label, n] : counts) best = std::max(best, n);
    majority += best;
  }
  std::size_t gathered = 0;
  for (const auto& [label, in_groups] : by_label) {
    std::size_t best = 0;
    for (const auto& [group, n] : in_groups) best = std::max(best, n);
    gathered += best;
  }
  q.coverage = docs ? static_cast<double>(q.grouped) / static_cast<double>(docs) : 0;
  q.purity = labelled ? static_cast<double>(majority) / static_cast<double>(labelled) : 0;
  q.inverse_purity = labelled ? static_cast<double>(gathered) / static_cast<double>(labelled) : 0;
  return q;
}

struct Timed {
  Groups groups;
  std::vector<topics::Topic> topics;  // FindTopics only
  double seconds = 0;
};

template <typename F>
double Seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Timed RunMethod(const std::string& method, const std::vector<TopicDoc>& docs,
                const topics::TopicSettings& settings) {
  Timed t;
  t.seconds = Seconds([&] {
    if (method == "topic_finder") {
      t.topics = topics::FindTopics(docs, kUntil, settings);
    } else if (method == "minhash_lsh") {
      t.groups = fr::bench::MinHashGroups(docs, settings.min_topic_size);
    } else {
      t.groups = fr::bench::SharedBigramGroups(docs, settings.min_topic_size);
    }
  });
  for (const topics::Topic& topic : t.topics) t.groups.push_back(topic.doc_ids);
  return t;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + '"';
}

// A Hebrew letter כ מ נ פ צ right before a non-letter or the end: a word without its final form.
std::size_t BadFinalLetters(const std::vector<topics::Topic>& found) {
  std::size_t bad = 0;
  for (const topics::Topic& t : found) {
    for (const std::string& term : t.display_terms) {
      static const std::string regular[] = {"כ", "מ", "נ", "פ", "צ"};
      for (const std::string& r : regular) {
        if (term.size() >= r.size() && term.compare(term.size() - r.size(), r.size(), r) == 0) {
          ++bad;
        }
      }
    }
  }
  return bad;
}

void Report(const std::string& set, const std::string& method, const Labelled& data,
            const Timed& t) {
  std::printf(
      "{\"bench\":\"topics\",\"set\":\"%s\",\"method\":\"%s\",\"docs\":%zu,\"seconds\":%.3f,"
      "\"docs_per_s\":%.0f",
      set.c_str(), method.c_str(), data.docs.size(), t.seconds,
      static_cast<double>(data.docs.size()) / std::max(t.seconds, 1e-9));
  const Quality all = Judge(t.groups, data.docs.size(), data.labels);
  std::printf(",\"groups\":%zu,\"coverage\":%.3f,\"largest\":%zu", all.groups, all.coverage,
              all.largest);
  const std::pair<std::string, const std::vector<std::string>*> labelings[] = {
      {"brand", &data.brands}, {data.label_name, &data.labels}};
  for (const auto& [name, labels] : labelings) {
    if (std::all_of(labels->begin(), labels->end(),
                    [](const std::string& l) { return l.empty(); })) {
      continue;
    }
    const Quality q = Judge(t.groups, data.docs.size(), *labels);
    std::printf(",\"purity_%s\":%.3f,\"inverse_purity_%s\":%.3f", name.c_str(), q.purity,
                name.c_str(), q.inverse_purity);
  }
  if (!t.topics.empty()) {
    std::printf(",\"bad_final_letters\":%zu,\"top\":[", BadFinalLetters(t.topics));
    for (std::size_t i = 0; i < t.topics.size() && i < 12; ++i) {
      std::printf(
          "%s%s", i ? "," : "",
          JsonString(t.topics[i].name + " (" + std::to_string(t.topics[i].count()) + ")").c_str());
    }
    std::printf("]");
  }
  std::printf("}\n");
  std::fflush(stdout);
}

void Compare(const std::string& set, const Labelled& data, const topics::TopicSettings& settings) {
  for (const char* method : {"topic_finder", "minhash_lsh", "shared_bigram"}) {
    Report(set, method, data, RunMethod(method, data.docs, settings));
  }
}

// Ids kept from the first nine tenths of `data` to all of it.
void Identity(const Labelled& data, const topics::TopicSettings& settings) {
  const std::vector<TopicDoc> part(
      data.docs.begin(),
      data.docs.begin() + static_cast<std::ptrdiff_t>(data.docs.size() * 9 / 10));
  const std::vector<topics::Topic> before = topics::FindTopics(part, kUntil, settings);
  const std::vector<topics::Topic> after = topics::FindTopics(data.docs, kUntil, settings);
  std::vector<topics::KnownTopic> known;
  for (std::size_t i = 0; i < before.size(); ++i) {
    known.push_back({static_cast<std::int64_t>(i), before[i].terms});
  }
  const std::vector<topics::TopicMatch> matches = topics::MatchTopics(known, after);
  std::size_t kept = 0, kept_docs = 0, after_docs = 0;
  double member_jaccard = 0;
  for (std::size_t i = 0; i < after.size(); ++i) {
    after_docs += after[i].count();
    if (!matches[i].id) continue;
    ++kept;
    kept_docs += after[i].count();
    const std::vector<std::int64_t>& old = before[static_cast<std::size_t>(*matches[i].id)].doc_ids;
    std::vector<std::int64_t> common;
    std::set_intersection(old.begin(), old.end(), after[i].doc_ids.begin(), after[i].doc_ids.end(),
                          std::back_inserter(common));
    member_jaccard += static_cast<double>(common.size()) /
                      static_cast<double>(old.size() + after[i].count() - common.size());
  }
  std::printf(
      "{\"bench\":\"topics\",\"set\":\"identity\",\"topics_before\":%zu,\"topics_after\":%zu,"
      "\"kept\":%zu,"
      "\"kept_share_of_docs\":%.3f,\"kept_member_jaccard\":%.3f}\n",
      before.size(), after.size(), kept,
      after_docs ? static_cast<double>(kept_docs) / static_cast<double>(after_docs) : 0,
      kept ? member_jaccard / static_cast<double>(kept) : 0);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Topic finding on real customer texts, beside MinHash/LSH and shared bigrams"};
  std::string data_dir = "../shared/data";
  std::size_t docs = 100'000;
  topics::TopicSettings settings;
  app.add_option("--data", data_dir, "The shared data folder");
  app.add_option("--docs", docs, "Documents in the throughput run (the English tweets, repeated)");
  app.add_option("--min-size", settings.min_topic_size);
  app.add_option("--core-share", settings.core_share);
  app.add_option("--min-lift", settings.min_core_lift);
  app.add_option("--min-g2", settings.min_pair_g2);
  CLI11_PARSE(app, argc, argv);

  const Labelled twcs = fr::bench::TwcsCustomerTweets(data_dir);
  Compare("twcs_brands", twcs, settings);
  const Labelled airline = fr::bench::AirlineTweets(data_dir);
  Compare("airline_reasons", airline, settings);
  const Labelled hebrew = fr::bench::HebrewComments(data_dir);
  Compare("hebrew", hebrew, settings);
  Identity(airline, settings);

  Labelled all;
  const Labelled spotify = fr::bench::SpotifyCustomerTweets(data_dir);
  for (const Labelled* set : {&twcs, &spotify, &airline}) {
    for (std::size_t i = 0; i < set->docs.size(); ++i) {
      all.docs.push_back(
          {static_cast<std::int64_t>(all.docs.size()), set->docs[i].at, set->docs[i].text});
      all.brands.push_back(set->brands[i]);
      all.labels.emplace_back();
    }
  }
  Report("english_real", "topic_finder", all, RunMethod("topic_finder", all.docs, settings));
  const std::size_t real = all.docs.size();
  for (std::size_t i = real; i < docs; ++i) {
    all.docs.push_back(
        {static_cast<std::int64_t>(i), all.docs[i % real].at, all.docs[i % real].text});
    all.brands.push_back(all.brands[i % real]);
    all.labels.emplace_back();
  }
  for (const char* method : {"topic_finder", "minhash_lsh"}) {
    Report("throughput", method, all, RunMethod(method, all.docs, settings));
  }
  return 0;
}
