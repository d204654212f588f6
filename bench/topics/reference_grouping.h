// bench/topics: two plain ways to group short texts, run beside FindTopics on the same
// documents for comparison. Both read texts with topics::TermWords, so only the grouping
// differs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "domain/topics/topic_finder.h"

namespace fr::bench {

// Groups of document ids (ascending), each of at least `min_size` documents.
using Groups = std::vector<std::vector<std::int64_t>>;

// MinHash over each text's term unigrams and adjacent bigrams (64 hashes), LSH with 16 bands of
// 4 rows (texts with a Jaccard index of about 0.5 collide), union-find over the collisions.
Groups MinHashGroups(const std::vector<domain::topics::TopicDoc>& docs, std::size_t min_size);

// Each text under its adjacent term bigram found in the most texts (ties: the smaller bigram);
// the texts under one bigram are a group.
Groups SharedBigramGroups(const std::vector<domain::topics::TopicDoc>& docs, std::size_t min_size);

}  // namespace fr::bench
