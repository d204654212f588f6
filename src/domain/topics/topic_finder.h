// TopicFinder: what customers keep complaining about. Groups a batch of messages (the last few
// days of complaints, up to ~100k short texts) into topics such as "login · update · crashes"
// or "משלוח · הגיע", each named by its most distinctive terms (topic_terms.h), with its
// members, a few representative examples and whether it is growing. Topics are recomputed
// often; topic_identity.h keeps their ids across runs. Pure and deterministic: the same
// documents give the same topics whatever their order. Thread-safe (no shared state).
//
// The method — significant term pairs, peeled greedily, biggest first (chosen by measuring it
// against MinHash/LSH and exact shared bigrams in bench/topics):
//  1. Each document's distinct terms (its first `max_doc_terms`).
//  2. Seeds: pairs of terms that occur together in at least `min_topic_size` documents, and
//     more often than chance: Dunning's log-likelihood ratio G² of the pair's 2×2 table
//     (together / one without the other / neither) at least `min_pair_g2`, with positive
//     association. Two complaints about one problem rarely share a phrase, but they do share
//     two of its words ("login" and "update"), and a pair that is over-represented across the
//     batch is a recurring theme rather than a coincidence.
//  3. The seed held by the most documents still unassigned becomes a topic (biggest first, so
//     a big theme is taken whole before its parts can seed small ones): its core is those
//     documents; terms held by at least `core_share` of the core and `min_core_lift` times as
//     common there as in the batch join the seed's two (at most `max_core_terms` in all, most
//     distinctive first); every unassigned document holding two or more of these terms whose
//     idf adds up to at least `member_weight` times the seed's two's is a member (so a common
//     word cannot stand in for a specific one). Members leave the pool and the pair counts drop
//     by their pairs (seeds are re-ranked lazily), so a document is in at most one topic.
//  4. A new topic whose name terms (step 5) overlap an earlier one's by a Jaccard index of at
//     least `merge_similarity` joins it ("delayed · flight · hours" and "late · flight · hours").
//     Repeats from 3 until no seed is left or `max_topics` are found.
//  5. Names: the members' terms held by at least `name_share` of them (and two), ranked by how
//     much more common they are among the members than in the batch (share × log of the ratio),
//     2 to `max_name_terms`. Examples: the members closest to the topic's centroid (cosine of
//     the term sets).
// 100k tweets take under two seconds on one core (bench/topics).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"

namespace fr::domain::topics {

// A message to group: a complaint of the batch.
struct TopicDoc {
  std::int64_t id = 0;  // the caller's id (a message id); ids should be unique
  UnixMillis at = 0;    // when it was written
  std::string text;
};

// How FindTopics groups and names. The defaults suit a few days of tweets and comments
// (bench/topics measured them).
struct TopicSettings {
  // Fewer members: no topic (the documents stay unassigned). Values below 2 count as 2.
  std::size_t min_topic_size = 3;
  std::size_t max_topics = 200;    // more topics are not looked for (the biggest are found first)
  std::size_t max_name_terms = 5;  // a name has 2 to this many terms
  std::size_t max_examples = 5;
  // The trend compares the last `recent` before `until` with the whole batch.
  std::chrono::hours recent{24};
  // The method (see above).
  double min_pair_g2 = 10.83;  // p < 0.001 for one degree of freedom
  double core_share = 0.3;
  double min_core_lift = 2.0;
  std::size_t max_core_terms = 6;
  double member_weight = 0.8;
  double merge_similarity = 0.5;
  double name_share = 0.2;
  std::size_t max_doc_terms = 48;
};

struct Topic {
  // The name terms, most distinctive first: in matching form (the keys topic_identity.h
  // compares) and as people write them (shown).
  std::vector<std::string> terms;
  std::vector<std::string> display_terms;
  std::string name;                       // display_terms joined with " · "
  std::vector<std::int64_t> doc_ids;      // the members, ascending
  std::vector<std::int64_t> example_ids;  // most central first, at most max_examples
  UnixMillis first_at = 0;                // the earliest and latest member
  UnixMillis last_at = 0;
  std::int64_t recent_count = 0;  // members written in the last `recent` before `until`
  // The topic's recent share of its members over the batch's recent share of all documents:
  // above 1 it grows faster than complaints overall. 1 when the batch has no recent documents.
  double trend = 1;

  std::size_t count() const { return doc_ids.size(); }
  bool operator==(const Topic&) const = default;
};

// The topics of `docs`, most members first (ties: name). `until` is the end of the batch's
// period (the job's now), for the trend. A document is in at most one topic; documents in none
// are left out. Empty for an empty batch. Never fails: any text (empty, huge, invalid UTF-8)
// is read as far as topic_terms.h reads it.
std::vector<Topic> FindTopics(const std::vector<TopicDoc>& docs, UnixMillis until,
                              const TopicSettings& settings = {});

}  // namespace fr::domain::topics
