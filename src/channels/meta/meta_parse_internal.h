// Internal to channels/meta: the pieces ParseMetaDelivery is built from, one file per product
// (meta_feed.cc: Page feed, mention and ratings changes; meta_instagram.cc: Instagram
// changes; meta_messaging.cc: Messenger and Instagram messaging). Not part of the module's
// interface; include only from channels/meta. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "channels/common/json_fields.h"
#include "domain/inbound_event.h"

namespace fr::channels::meta::internal {

// What every event of one entry shares.
struct EntryContext {
  std::string account_id;          // the configured page id or Instagram user id (= entry.id)
  domain::Platform dm_platform;    // kMessenger for object "page", kInstagram for "instagram"
  std::optional<std::int64_t> time;  // entry.time as sent (s for changes, ms for messaging)
  std::string path;                // "entry[3]", for error messages
};

// Each function below appends what it finds to `out` (events and skipped names) and returns
// OK, or returns a non-OK Status (then `out` is to be discarded by the caller): kInvalidArgument
// "missing_field" with the JSON path when an event lacks what identifies it, kMalformed
// "invalid_utf8" if text fails NFC normalisation. `path` names `change` / `event` in errors.

// One element of entry.changes[] in an object "page" delivery (feed, mention, ratings, ...).
Status ParsePageChange(const EntryContext& ctx, JsonElement change, const std::string& path,
                       domain::ParsedDelivery& out);

// One element of entry.changes[] in an object "instagram" delivery (comments, live_comments,
// mentions, ...).
Status ParseInstagramChange(const EntryContext& ctx, JsonElement change, const std::string& path,
                            domain::ParsedDelivery& out);

// One element of entry.messaging[] or entry.standby[] (`array_name` is "messaging" or
// "standby", and prefixes skipped names). Platform is ctx.dm_platform.
Status ParseMessagingEvent(const EntryContext& ctx, JsonElement event, std::string_view array_name,
                           const std::string& path, domain::ParsedDelivery& out);

// --- helpers shared by the three files ---

// An integer time member that is a JSON integer or a string of digits. Unlike IntMember, a
// double (or anything else) yields nullopt instead of an unchecked cast.
std::optional<std::int64_t> TimeMember(JsonElement obj, std::string_view key);
// Seconds → milliseconds; a value already past 1e11 (year 5138 in seconds) is taken as
// milliseconds, and one that would overflow yields 0.
UnixMillis SecondsToMillis(std::int64_t seconds);
// The NFC form of the string member `key`, or "" when absent / not a string.
Result<std::string> TextMember(JsonElement obj, std::string_view key);

}  // namespace fr::channels::meta::internal
