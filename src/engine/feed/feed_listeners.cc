#include "engine/feed/feed_listeners.h"

#include "base/log.h"

namespace fr::engine {

CaseChangeListener PublishCaseChanges(EventHub& hub) {
  return [&hub](const domain::Case& kase, const domain::CaseEvent& event) {
    hub.Publish(CaseChanged{kase, event});
  };
}

ReplyListener PublishReplies(EventHub& hub, ports::Store& store, metrics::Registry& metrics) {
  metrics::Counter* dropped =
      metrics.GetCounter("feedroom_live_dropped_total",
                         "Live events not published because their case could not be read.");
  return [&hub, &store, dropped](const domain::Reply& reply) {
    Result<std::optional<domain::Case>> kase = store.work().GetCase(reply.case_id);
    if (!kase.ok() || !*kase) {
      dropped->Add();
      FR_LOG(kWarn, "live", "reply={} not published: case={} unreadable ({})", reply.id,
             reply.case_id, kase.ok() ? "not found" : kase.status().ToString());
      return;
    }
    hub.Publish(ReplyChanged{reply, std::move(**kase)});
  };
}

ThreadedListener PublishThreaded(EventHub& hub, ports::Store& store, metrics::Registry& metrics) {
  return [&hub, replies = PublishReplies(hub, store, metrics)](const ApplyNotes& notes) {
    for (const FiledMessage& m : notes.messages) hub.Publish(m);
    for (const domain::Reply& r : notes.replies) replies(r);
  };
}

}  // namespace fr::engine
