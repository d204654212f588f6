// InboundEvent: what a channel adapter hands to ingest after verifying and parsing a
// delivery. A delivery (one webhook POST) carries zero or more events.
#pragma once

#include <string>
#include <vector>

#include "domain/message.h"

namespace fr::domain {

enum class EventType {
  kMessage,  // a new message (idempotent: a second copy of the same id is a duplicate)
  kEdit,     // new text for an existing message; carries the full message so a missed
             // original can still be stored
  kDelete,   // the author removed it; message carries platform, account and external_id
  kHide,     // the brand hid it (Facebook "hide")
  kUnhide,
};

std::string_view EventTypeName(EventType t);

struct InboundEvent {
  EventType type = EventType::kMessage;
  Message message;
  // For kEdit/kDelete/kHide/kUnhide: when it happened (UTC ms), if the platform says.
  UnixMillis occurred_at = 0;

  bool operator==(const InboundEvent&) const = default;
};

// What a channel returns for one verified delivery.
struct ParsedDelivery {
  std::vector<InboundEvent> events;
  // One entry per event the adapter recognised but does not store (e.g. "favorite_events",
  // "messaging.read", "feed.reaction"); counted in metrics, never an error.
  std::vector<std::string> skipped;
};

}  // namespace fr::domain
