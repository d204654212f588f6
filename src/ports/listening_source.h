// ListeningSource: a source of untagged mentions that Feedroom goes and fetches (X's filtered
// stream and recent search, RSS/Atom feeds), as opposed to a WebhookChannel that platforms
// call. What it hears goes into ingest like a webhook delivery: the raw bytes are stored first,
// then threaded, and after a crash re-parsed with ParseStored (docs/sources.md).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "domain/inbound_event.h"

namespace fr::ports {

// Hands what a source heard to ingest: `raw` is stored as one delivery of channel `channel`
// and `delivery` is its parse. Returns once the delivery is durable (OK), or kUnavailable
// when it could not be stored (the store failed, the server is stopping): the source then
// keeps its cursor and fetches again later. Called from the source's own thread.
using HeardSink = std::function<Status(std::string_view channel, std::string raw,
                                       domain::ParsedDelivery delivery)>;

class ListeningSource {
 public:
  virtual ~ListeningSource() = default;

  // The delivery channel of what it stores ("x_stream", "x_search", "rss"); unique in a
  // server, and never a webhook channel's name.
  virtual std::string_view channel() const = 0;

  // Parses bytes this source stored before (to thread them again after a crash), as
  // WebhookChannel::ParseStored does. Errors: kMalformed / kInvalidArgument as the parser's.
  virtual Result<domain::ParsedDelivery> ParseStored(std::string_view raw) const = 0;

  // Starts the source's thread, which fetches until Stop.
  virtual void Start() = 0;
  // Ends the fetch in progress (a stream is closed) and joins the thread. Idempotent.
  virtual void Stop() = 0;
};

}  // namespace fr::ports
