// Parsing of Meta webhook deliveries (object "page": Page feed, mentions, ratings and
// Messenger; object "instagram": comments, live comments, mentions and Instagram messaging)
// into normalised domain events. Pure functions over the body bytes: no signature check, no
// I/O, no clock; usable from tests and the fuzzer. Thread-safe (no shared state).
//
// Mapping decisions (see research/PROTOCOLS.md §2 and the goldens under tests/golden/meta/):
// - Every entry and every change / messaging / standby event is processed. The delivery is
//   all-or-nothing: any error fails it and no event is returned.
// - entry.id must be a configured account (a page_id for "page", an instagram_user_id for
//   "instagram"); it becomes Message::account_id.
// - Times: entry.time and created_time are seconds for changes, timestamp / entry.time are
//   milliseconds for messaging. A "seconds" value that is already past 1e11 is taken as ms.
// - Events the adapter recognises but does not store (reactions, likes, read and delivery
//   receipts, handover, opt-ins, referrals, policy callbacks, ...) and unknown fields, items,
//   verbs or messaging events are listed in ParsedDelivery::skipped under a fixed vocabulary
//   ("feed.reaction", "messaging.read", "page.unknown_field", ...) and never fail a delivery.
// - Messenger `is_unsupported` messages are stored as a DM with empty text and one attachment
//   of type "unsupported": the customer did write, and an agent should see that.
// - Ratings keep review_text as text; the star rating and recommendation_type have no field
//   in domain::Message yet and are not carried.
// - Instagram mentions carry no text in the webhook: they are stored with empty text (fetching
//   the mentioned comment or caption is a later, separate Graph call).
#pragma once

#include <string_view>

#include "base/status.h"
#include "channels/meta/meta_config.h"
#include "domain/inbound_event.h"

namespace fr::channels::meta {

// Parses one webhook body into events. Returns the events in payload order, plus the names of
// the recognised-but-not-stored events in ParsedDelivery::skipped.
// Errors: kMalformed "malformed_json" / "invalid_utf8" (the body is not UTF-8 JSON);
// kInvalidArgument "missing_field" (the message names the JSON path, e.g.
// "entry[0].messaging[1].message.mid"), "unsupported_object" (object is not "page" or
// "instagram"), "unknown_account" (an entry.id is not a configured account).
Result<domain::ParsedDelivery> ParseMetaDelivery(std::string_view body, const MetaConfig& config);

}  // namespace fr::channels::meta
