#include "server/listening_sources.h"

#include <future>

#include "channels/feed/feed_poller.h"
#include "channels/x/x_filtered_stream.h"
#include "channels/x/x_recent_search.h"

namespace fr::server {

ports::HeardSink IngestSink(std::function<engine::Ingestor*()> ingestor) {
  return [ingestor = std::move(ingestor)](std::string_view channel, std::string raw,
                                          domain::ParsedDelivery delivery) -> Status {
    engine::Ingestor* target = ingestor();
    if (target == nullptr) return Status(Errc::kUnavailable, "not_ready", "ingest is not running");
    auto done = std::make_shared<std::promise<Status>>();
    std::future<Status> stored = done->get_future();
    target->Submit(std::string(channel), std::move(raw), std::move(delivery),
                   [done](const Status& s) { done->set_value(s); });
    return stored.get();  // the ingestor answers every submission, even when stopping
  };
}

std::vector<std::unique_ptr<ports::ListeningSource>> MakeListeningSources(
    const ServerConfig& config, ports::Store& store, const Clock& clock, ports::HeardSink sink,
    metrics::Registry& metrics) {
  std::vector<std::unique_ptr<ports::ListeningSource>> sources;
  if (config.x_listening) {
    const channels::x::XListenConfig& x = *config.x_listening;
    if (x.stream) {
      sources.push_back(std::make_unique<channels::x::XFilteredStream>(x, sink, metrics));
    }
    if (!x.searches.empty()) {
      sources.push_back(
          std::make_unique<channels::x::XRecentSearch>(x, store, clock, sink, metrics));
    }
  }
  if (!config.feeds.empty()) {
    sources.push_back(std::make_unique<channels::feed::FeedPoller>(config.feeds, store, clock,
                                                                   sink, metrics));
  }
  return sources;
}

}  // namespace fr::server
