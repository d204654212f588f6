// The topics part of the Store port (docs/topics.md): recurring complaint topics, the topic of
// each complaint of the last run's period, and the reads the topics view needs. Reached
// through StoreTxn::topics() inside a WriteBatch and Store::topics() for reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "ports/metrics_store.h"

namespace fr::ports {

struct StoredTopic {
  std::int64_t id = 0;
  std::vector<std::string> terms;          // matching form: what the next run matches
  std::vector<std::string> display_terms;  // as shown
  std::string name;
  UnixMillis first_seen = 0;  // the run that first found it
  UnixMillis last_seen = 0;   // the latest run that found it
  std::int64_t members = 0;   // complaints in it at the latest run
  std::int64_t recent_members = 0;
  double trend = 1;
  std::vector<std::int64_t> example_ids;  // message ids, most central first
  std::optional<UnixMillis> sent_to_product_at;
  bool operator==(const StoredTopic&) const = default;
};

// A complaint as the topic run reads it.
struct ComplaintText {
  std::int64_t message_id = 0;
  UnixMillis created_at = 0;
  std::string text;
};

class TopicTxn {
 public:
  virtual ~TopicTxn() = default;
  // Stores a new topic (its id ignored); returns its id.
  virtual Result<std::int64_t> InsertTopic(const StoredTopic& topic) = 0;
  // Replaces every field of topic.id but sent_to_product_at. Errors: kNotFound.
  virtual Status UpdateTopic(const StoredTopic& topic) = 0;
  // Makes `topic_of` (message id -> topic id) the topics of the complaints created in
  // [from, to): messages of the range it leaves out lose theirs. The cases of messages whose
  // topic changed have their metric inputs changed (their facts are refreshed).
  virtual Status SetTopicMembers(UnixMillis from, UnixMillis to,
                                 const std::map<std::int64_t, std::int64_t>& topic_of) = 0;
  // Records that topic `id` was sent to the product team at `at`. Errors: kNotFound.
  virtual Status MarkSentToProduct(std::int64_t id, UnixMillis at) = 0;
};

class TopicReader {
 public:
  virtual ~TopicReader() = default;
  // Topics last found at or after `since`.
  virtual Result<std::vector<StoredTopic>> TopicsSeenSince(UnixMillis since) = 0;
  virtual Result<std::optional<StoredTopic>> GetTopic(std::int64_t id) = 0;
  // Up to `limit` customer complaints (intent "complaint", not deleted) created in
  // [from, to), the latest first.
  virtual Result<std::vector<ComplaintText>> ComplaintsBetween(UnixMillis from, UnixMillis to,
                                                               int limit) = 0;
  // How many complaints of each topic were created in [from, to).
  virtual Result<std::map<std::int64_t, std::int64_t>> TopicCounts(UnixMillis from,
                                                                   UnixMillis to) = 0;
  // When each complaint of topic `id` created in [from, to) was created, oldest first.
  virtual Result<std::vector<UnixMillis>> TopicTimes(std::int64_t id, UnixMillis from,
                                                     UnixMillis to) = 0;
  // Up to `limit` complaints of topic `id` created in [from, to), with their authors and
  // text: the topic's stored examples first (most central first), then the latest.
  virtual Result<std::vector<SeriesMessage>> TopicExamples(std::int64_t id, UnixMillis from,
                                                           UnixMillis to, int limit) = 0;
};

}  // namespace fr::ports
