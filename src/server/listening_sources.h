// The listening sources a configuration asks for (docs/sources.md), and the sink through which
// they hand what they hear to the ingestor.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "base/clock.h"
#include "base/metrics.h"
#include "engine/ingest/ingestor.h"
#include "ports/listening_source.h"
#include "ports/store.h"
#include "server/config.h"

namespace fr::server {

// A sink that submits to the ingestor `ingestor()` returns at the time of the call, and waits
// until the delivery is durable.
ports::HeardSink IngestSink(std::function<engine::Ingestor*()> ingestor);

// The sources of `config` ([x.listening] stream and searches, [[listening.feeds]]), not
// started. `store`, `clock` and `metrics` must outlive them.
std::vector<std::unique_ptr<ports::ListeningSource>> MakeListeningSources(
    const ServerConfig& config, ports::Store& store, const Clock& clock, ports::HeardSink sink,
    metrics::Registry& metrics);

}  // namespace fr::server
