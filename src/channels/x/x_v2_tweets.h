// Parsers for X API v2 payloads (PROTOCOLS.md §1.6): post lookups, mentions / search /
// timeline pages, the filtered stream's line framing, and v2 DM event pages, into domain
// messages. For the polling and stream paths; the webhook uses x_account_activity.h.
// Pure functions; thread-safe.
//
// Field map (posts): id, text (note_tweet.text wins for long posts), author_id resolved through
// includes.users[] (plain or wrapped as {"data":{...}}), created_at (ISO; 0 when the request
// did not ask for it), conversation_id -> thread_key, referenced_tweets[] (retweeted -> repost,
// quoted -> quote, replied_to -> reply + parent_id), entities.mentions[] of the account ->
// mention, edit_history_tweet_ids[0] -> edit_of, attachments.media_keys -> includes.media[].
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "channels/x/x_config.h"
#include "domain/message.h"

namespace fr::channels::x {

// Returns the posts of a v2 response (`data` as one object or an array), in order, as seen
// by `account` (account_id, outbound = authored by it, mention detection).
// A body without `data` (an errors-only object, `{"meta":{"result_count":0}}`) returns an
// empty vector: the caller decides from the HTTP status and, if it wants them, ParseV2Errors.
// Partial errors next to `data` are ignored here.
// Errors: kMalformed "malformed_json" / "invalid_utf8"; kInvalidArgument "missing_field" when
// a `data` item lacks `id` or text (so a users or rules response fed here is rejected, naming
// the path, e.g. "data[0].text"), or when the body is not a JSON object.
Result<std::vector<domain::Message>> ParseV2Tweets(std::string_view body, const XAccount& account);

// Returns the direct messages of a v2 DM events page (GET /2/dm_events,
// /2/dm_conversations/.../dm_events). Only event_type "MessageCreate" (or no event_type)
// becomes a message; ParticipantsJoin / ParticipantsLeave are left out. Kind dm, private;
// thread_key = dm_conversation_id; outbound when sender_id is the account; counterpart_id is
// the sender, or for our own messages the other id of a 1:1 "<a>-<b>" conversation id.
// A body without `data` returns an empty vector.
// Errors: as ParseV2Tweets ("missing_field" when an item lacks `id`).
Result<std::vector<domain::Message>> ParseV2DmEvents(std::string_view body, const XAccount& account);

// One item of a v2 `errors[]` array or a top-level problem object. Absent fields are empty.
struct XApiError {
  std::string title;    // "operational-disconnect", "Invalid Request", ...
  std::string type;     // "https://api.x.com/2/problems/<kind>"
  std::string detail;
  std::string message;  // legacy v1.1 errors: {"code":88,"message":"Rate limit exceeded"}
  std::optional<std::int64_t> code;
};

// Returns the errors of a v2 response: the top-level problem (title/type/detail) if any, then
// each `errors[]` item. Empty for a body without errors.
// Errors: kMalformed "malformed_json" / "invalid_utf8".
Result<std::vector<XApiError>> ParseV2Errors(std::string_view body);

struct XStreamRule {
  std::string id;
  std::string tag;
};

// One line of the filtered stream (GET /2/tweets/search/stream).
struct XStreamLine {
  bool heartbeat = false;                   // a blank keep-alive line (every <= 20 s)
  std::vector<domain::Message> messages;    // normally one
  std::vector<XStreamRule> matching_rules;  // the rules that matched this line's post
  std::vector<XApiError> errors;            // in-band errors; may be empty ({"errors":[]})
};

// Parses one stream line (without or with its trailing "\r\n"). A blank line is a heartbeat;
// `{"errors":[...]}` fills `errors` (an "operational-disconnect" title means reconnect);
// `{data, includes, matching_rules}` fills messages and matching_rules.
// Errors: as ParseV2Tweets.
Result<XStreamLine> ParseStreamLine(std::string_view line, const XAccount& account);

}  // namespace fr::channels::x
