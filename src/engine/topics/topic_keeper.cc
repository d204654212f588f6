#include "engine/topics/topic_keeper.h"

#include <algorithm>
#include <map>

#include "base/log.h"
#include "domain/topics/topic_identity.h"

namespace fr::engine {
namespace {

constexpr std::int64_t kDay = 86'400'000;

}  // namespace

TopicKeeper::TopicKeeper(ports::Store& store, const Clock& clock, TopicKeeperOptions options)
    : store_(store), clock_(clock), options_(std::move(options)) {}

Result<TopicRun> TopicKeeper::Run() {
  const UnixMillis now = clock_.NowMillis();
  const UnixMillis to = now + 1;  // what was written this millisecond counts
  UnixMillis from = now - options_.window_days * kDay;
  FR_ASSIGN_OR_RETURN(std::vector<ports::ComplaintText> complaints,
                      store_.topics().ComplaintsBetween(from, to, options_.max_complaints));
  // Capped: the members of older complaints, not read, stay as they are.
  if (complaints.size() == static_cast<std::size_t>(options_.max_complaints)) {
    from = complaints.back().created_at;
  }
  std::vector<domain::topics::TopicDoc> docs;
  docs.reserve(complaints.size());
  for (ports::ComplaintText& c : complaints) {
    if (c.created_at >= from) docs.push_back({c.message_id, c.created_at, std::move(c.text)});
  }
  const std::vector<domain::topics::Topic> found =
      domain::topics::FindTopics(docs, now, options_.settings);

  FR_ASSIGN_OR_RETURN(std::vector<ports::StoredTopic> stored,
                      store_.topics().TopicsSeenSince(now - options_.known_days * kDay));
  std::vector<domain::topics::KnownTopic> known;
  std::map<std::int64_t, const ports::StoredTopic*> by_id;
  for (const ports::StoredTopic& t : stored) {
    known.push_back({t.id, t.terms});
    by_id[t.id] = &t;
  }
  const std::vector<domain::topics::TopicMatch> matches = domain::topics::MatchTopics(known, found);

  TopicRun run;
  run.complaints = static_cast<std::int64_t>(docs.size());
  run.topics = static_cast<std::int64_t>(found.size());
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    run.new_topics = 0;
    run.grouped = 0;
    std::map<std::int64_t, std::int64_t> topic_of;
    for (std::size_t i = 0; i < found.size(); ++i) {
      const domain::topics::Topic& f = found[i];
      ports::StoredTopic t;
      t.terms = f.terms;
      t.display_terms = f.display_terms;
      t.name = f.name;
      t.first_seen = f.first_at;
      t.last_seen = now;
      t.members = static_cast<std::int64_t>(f.count());
      t.recent_members = f.recent_count;
      t.trend = f.trend;
      t.example_ids = f.example_ids;
      if (matches[i].id) {
        t.id = *matches[i].id;
        t.first_seen = std::min(f.first_at, by_id.at(t.id)->first_seen);
        FR_RETURN_IF_ERROR(txn.topics().UpdateTopic(t));
      } else {
        FR_ASSIGN_OR_RETURN(t.id, txn.topics().InsertTopic(t));
        ++run.new_topics;
      }
      for (std::int64_t doc : f.doc_ids) topic_of[doc] = t.id;
      run.grouped += t.members;
    }
    return txn.topics().SetTopicMembers(from, to, topic_of);
  }));
  FR_LOG(kInfo, "topics", "topic run: {} complaints, {} topics ({} new), {} grouped",
         run.complaints, run.topics, run.new_topics, run.grouped);
  return run;
}

}  // namespace fr::engine
