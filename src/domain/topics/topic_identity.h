// Topic identity: topics are recomputed every few minutes (topic_finder.h), but a supervisor's
// link, a note or a ticket to the product team must keep pointing at "the login topic". This
// matches each newly found topic to the stored topic it continues. Pure; thread-safe.
//
// The rule: a new topic continues a stored one when their term sets (Topic::terms, matching
// form) have a Jaccard index (TermSetSimilarity) of at least `min_similarity`, 0.4 by default:
// {late, delivery} continues as {late, delivery, order} (2/3), {login, app, crash} as
// {login, app, update, crash} (3/4) and a five-term name with three terms kept (3/7), but
// {late, delivery} does not become {late, flight} (1/3). Each stored id continues at most one
// new topic and each new topic at most one stored id: the pairs are taken best first (then the
// new topic's place in `found`, then the lower stored id). A new topic without a match is new.
//
// bench/topics measures it on 11.7k airline tweets, found without their last tenth and then
// with it: 166 of the 200 topics keep their id (94% of the grouped tweets), and a kept topic's
// members before and after have a Jaccard index of 0.86 on average.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/topics/topic_finder.h"

namespace fr::domain::topics {

// A topic of an earlier run, as stored.
struct KnownTopic {
  std::int64_t id = 0;
  std::vector<std::string> terms;  // its Topic::terms when it was last found
};

// What a newly found topic is.
struct TopicMatch {
  std::optional<std::int64_t> id;  // the stored topic it continues; nullopt: a new topic
  double similarity = 0;           // with that stored topic (0 for a new one)
  bool operator==(const TopicMatch&) const = default;
};

// For each of `found`, in order, the stored topic of `known` it continues by the rule above, or
// none. Never fails; empty `known` makes every topic new.
std::vector<TopicMatch> MatchTopics(const std::vector<KnownTopic>& known,
                                    const std::vector<Topic>& found, double min_similarity = 0.4);

}  // namespace fr::domain::topics
