// FeedPoller: RSS and Atom feeds of forums, blogs, review and complaint sites, polled as one
// listening source (docs/sources.md, PROTOCOLS.md §5). On its own thread it fetches each
// feed when it is due, politely:
//   * conditional GET: the ETag and Last-Modified of the last answer go back as If-None-Match
//     and If-Modified-Since (kept in the store's source cursors as "rss:<feed id>", so a
//     restart does not fetch everything again); 304 means nothing new;
//   * never more often than the feed's own <ttl> / sy:updatePeriod asks;
//   * 429 and 503 wait for Retry-After (seconds); redirects are followed up to 3 hops;
//   * items seen in the feed's previous answer are not stored again; the others go into one
//     delivery of channel "rss" (StoredItems), and the cursor moves once it is durable.
// Ill-formed feeds are read as far as they can be (ParseFeed's bozo) and counted.
// Thread safety: Start and Stop from one thread; ParseStored from any.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/metrics.h"
#include "base/pacer.h"
#include "ports/listening_source.h"
#include "ports/store.h"

namespace fr::channels::feed {

inline constexpr std::string_view kFeedChannel = "rss";

struct FeedConfig {
  std::string id;   // Feedroom's name for the feed: [a-z0-9_.-], unique; the account of its items
  std::string url;  // http(s)
  std::chrono::milliseconds interval{15 * 60 * 1000};  // between polls (at least)
};

class FeedPoller final : public ports::ListeningSource {
 public:
  // `store`, `clock` and `metrics` must outlive this.
  FeedPoller(std::vector<FeedConfig> feeds, ports::Store& store, const Clock& clock,
             ports::HeardSink sink, metrics::Registry& metrics);
  ~FeedPoller() override;  // Stop()

  std::string_view channel() const override { return kFeedChannel; }
  // `raw` is StoredItems' output. Errors: as ParseStoredItems.
  Result<domain::ParsedDelivery> ParseStored(std::string_view raw) const override;
  void Start() override;
  void Stop() override;

  // Polls every feed that is due, as the thread does (for tests); returns the wait until the
  // next one is.
  std::chrono::milliseconds PollDue();

 private:
  struct FeedState {
    UnixMillis due = 0;               // when to poll next (the clock's time)
    std::set<std::string> last_keys;  // the item keys of the previous answer
  };
  // Fetches and stores `feed`; returns the wait before its next poll.
  std::chrono::milliseconds Poll(const FeedConfig& feed, FeedState& state);
  void Count(const FeedConfig& feed, std::string_view event);

  const std::vector<FeedConfig> feeds_;
  ports::Store& store_;
  const Clock& clock_;
  const ports::HeardSink sink_;
  metrics::Registry& metrics_;
  std::map<std::string, FeedState> state_;  // by feed id; the pacer's thread only
  Pacer pacer_;
};

// Whether `id` can name a feed: 1–64 of [a-z0-9_.-].
bool IsValidFeedId(std::string_view id);

}  // namespace fr::channels::feed
