// XRecentSearch: X's recent search (GET /2/tweets/search/recent) polled as a listening source
// (docs/sources.md). Every search_interval it asks each configured query for the posts newer
// than the newest it stored before (since_id, kept in the store's source cursors under
// "x_search:<query>"), following next_token up to search_max_pages pages. Each page is stored
// as one delivery of channel "x_search"; the cursor moves only once every page of the poll is
// durable, so a crash or a failed store fetches them again (threading drops the copies).
// The first poll of a query takes one page: listening starts now, not a week ago.
// A 429 pauses the queries until X's x-rate-limit-reset.
// Thread safety: Start and Stop from one thread; ParseStored from any.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/metrics.h"
#include "base/pacer.h"
#include "channels/x/x_listen_config.h"
#include "ports/listening_source.h"
#include "ports/store.h"

namespace fr::channels::x {

inline constexpr std::string_view kSearchChannel = "x_search";

class XRecentSearch final : public ports::ListeningSource {
 public:
  // `store`, `clock` and `metrics` must outlive this.
  XRecentSearch(XListenConfig config, ports::Store& store, const Clock& clock,
                ports::HeardSink sink, metrics::Registry& metrics);
  ~XRecentSearch() override;  // Stop()

  std::string_view channel() const override { return kSearchChannel; }
  // `raw` is one search page. Errors: as ParseV2Tweets.
  Result<domain::ParsedDelivery> ParseStored(std::string_view raw) const override;
  void Start() override;
  void Stop() override;

  // One poll of every query, as the thread makes it (for tests). Returns the wait before the
  // next poll.
  std::chrono::milliseconds PollAll();

 private:
  // Polls `query`; returns a wait longer than the interval when X rate-limited it.
  std::chrono::milliseconds Poll(const std::string& query);
  void Count(std::string_view event);

  const XListenConfig config_;
  ports::Store& store_;
  const Clock& clock_;
  const ports::HeardSink sink_;
  metrics::Registry& metrics_;
  Pacer pacer_;
};

}  // namespace fr::channels::x
