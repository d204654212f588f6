// The engine's change listeners, publishing to the live feed: how the composition root
// connects CaseDesk, RoutingSweep and the SLA clock (CaseChangeListener), the Ingestor
// (ThreadedListener) and the Outbox (ReplyListener) to an EventHub. Each runs after its
// change committed, on the thread that made it, and never blocks on a subscriber.
// Thread-safe as the hub is; everything referenced must outlive the returned listeners.
#pragma once

#include "base/metrics.h"
#include "engine/feed/event_hub.h"
#include "engine/ingest/ingestor.h"
#include "engine/outbox/outbox.h"
#include "engine/work/case_desk.h"
#include "ports/store.h"

namespace fr::engine {

// Publishes every case change as a CaseChanged.
CaseChangeListener PublishCaseChanges(EventHub& hub);

// Publishes a reply change as a ReplyChanged with its case read from `store` (the audience
// depends on who holds the case now). A reply whose case cannot be read (a store error) is
// not published: it is counted in feedroom_live_dropped_total and logged.
ReplyListener PublishReplies(EventHub& hub, ports::Store& store, metrics::Registry& metrics);

// Publishes each message a threading batch filed (FiledMessage) and each reply whose echo it
// matched (as PublishReplies does).
ThreadedListener PublishThreaded(EventHub& hub, ports::Store& store, metrics::Registry& metrics);

}  // namespace fr::engine
