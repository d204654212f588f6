// How a feed's new items become what ingest stores and threads: the delivery's raw bytes (a
// small JSON document of the items, written by Feedroom, since a feed's bytes hold many
// items already stored) and the messages they parse into. Pure functions; thread-safe.
//
// Message map: platform rss; account_id = the feed's id; external_id = "<feed id>:<item key>"
// (keys are unique within a feed only); thread_key = external_id; author id =
// "<feed id>:<author e-mail or name>" (or the feed id when the item names nobody), name =
// the author; text = title, a blank line, then the item's text (NFC); created_at = the item's
// date, else when it was fetched; kind post, public, overheard; the item's link is a "link"
// attachment.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "channels/feed/feed_parse.h"
#include "domain/inbound_event.h"

namespace fr::channels::feed {

// The stored form of `items` of feed `feed_id`, fetched at `fetched_at`:
// {"feed":…,"fetched_at":…,"items":[{"key","link","title","text","author","author_email","published"}]}.
std::string StoredItems(std::string_view feed_id, UnixMillis fetched_at,
                        const std::vector<FeedItem>& items);

// Parses StoredItems' output into one new-message event per item.
// Errors: kMalformed "malformed_json" / "invalid_utf8"; kInvalidArgument "missing_field"
// naming the path (e.g. "items[2].key").
Result<domain::ParsedDelivery> ParseStoredItems(std::string_view raw);

}  // namespace fr::channels::feed
