// Parser for X Account Activity API deliveries (the AAA envelope with legacy v1.1 object
// shapes, PROTOCOLS.md §1.4) into domain events. Pure: no signature check, no I/O, so the
// webhook channel, tests and the fuzzer share it. Thread-safe (no shared state).
//
// What becomes what:
//   tweet_create_events[]   -> kMessage, public; kind repost / quote / reply / mention / post;
//                              the brand's own tweets are kept as outbound echoes
//   direct_message_events[] -> kMessage, kind dm, private (type "message_create" only; other
//                              DM event types are skipped as "direct_message_events")
//   tweet_delete_events[]   -> kDelete (platform, account_id, external_id, author id)
//   any other array / object -> one `skipped` entry per event, named after the key
//                              (favorite_events, follow_events, user_event, unknown ones)
#pragma once

#include <string_view>

#include "base/status.h"
#include "channels/x/x_config.h"
#include "domain/inbound_event.h"

namespace fr::channels::x {

// Parses one AAA delivery body. Returns every event in document order plus the skipped ones.
// Errors (the whole delivery is rejected; nothing of it may be stored):
//   kMalformed       "malformed_json" / "invalid_utf8"   the body is not JSON / not UTF-8
//   kInvalidArgument "missing_field"    `for_user_id`, or a required field of one event
//                                       (the message names the path, e.g.
//                                       "tweet_create_events[1].user.id_str")
//   kInvalidArgument "unknown_account"  `for_user_id` is not one of config.accounts
// Required per tweet: id_str, user.id_str, text (or extended_tweet.full_text), and a creation
// time (timestamp_ms or a parseable created_at). Per DM: id, created_timestamp,
// message_create.sender_id, message_create.target.recipient_id. Per delete: status.id.
Result<domain::ParsedDelivery> ParseAccountActivity(std::string_view body, const XConfig& config);

}  // namespace fr::channels::x
