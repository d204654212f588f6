// TopicKeeper: finds what customers keep complaining about (docs/topics.md). Each run reads
// the complaints of the last `window_days` (messages understood as complaints), groups them
// into topics (domain/topics/topic_finder.h), gives each the id of the stored topic it
// continues (topic_identity.h) or a new one, and stores the topics with their members, so the
// topics view, the metrics' topic dimension and the drill-down all read the same grouping.
// Thread-compatible: one thread runs it (the server's pacer).
#pragma once

#include <cstdint>

#include "base/clock.h"
#include "base/status.h"
#include "domain/topics/topic_finder.h"
#include "ports/store.h"

namespace fr::engine {

struct TopicKeeperOptions {
  int window_days = 14;
  int max_complaints = 100'000;  // the latest are read
  int known_days = 60;           // stored topics found this recently may be continued
  domain::topics::TopicSettings settings;
};

struct TopicRun {
  std::int64_t complaints = 0;  // read
  std::int64_t topics = 0;      // found
  std::int64_t new_topics = 0;  // of them, not continuing a stored one
  std::int64_t grouped = 0;     // complaints in a topic
};

class TopicKeeper {
 public:
  // `store` and `clock` must outlive the keeper.
  TopicKeeper(ports::Store& store, const Clock& clock, TopicKeeperOptions options = {});

  // One run, as above. Errors: the store's (nothing is stored then).
  Result<TopicRun> Run();

 private:
  ports::Store& store_;
  const Clock& clock_;
  const TopicKeeperOptions options_;
};

}  // namespace fr::engine
