// Internal to channels/sim: the simulated Meta (Facebook Pages, Messenger, Instagram).
// HandleGraphApi answers the brand's Graph API calls with Meta's rules and error envelope;
// PostOnMeta and AddMetaBrandPost put customer and brand activity on it. Every accepted call is
// recorded in the world and answered with the webhook Meta would send back. Not thread-safe
// (SimPlatform holds its lock).
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "channels/sim/fault_queue.h"
#include "channels/sim/sim_customer.h"
#include "channels/sim/sim_http.h"
#include "channels/sim/sim_world.h"

namespace fr::channels::sim::internal {

// Answers one Graph API request (any "/vNN.N" prefix, or none). Parameters come from the query,
// a form body or a JSON body; the token from "Authorization: Bearer" or access_token.
//   POST /{post-or-comment-id}/comments  200 {"id":"<post>_<comment>"}   (Facebook)
//   POST /{ig-comment-id}/replies        200 {"id"}                      (Instagram)
//   POST /{page-id|ig-user-id|me}/messages with recipient.comment_id (private reply: once per
//        comment, within 7 days) or recipient.id (within 24 h of the customer's last message,
//        or 7 days with tag HUMAN_AGENT)  200 {"recipient_id","message_id"}
// Errors in Meta's envelope: 190 (no or unknown token), 100 (unknown object or parameter, text
// too long: 2000 characters on Messenger, 1000 bytes on Instagram), 100/2018001 (no thread with
// the recipient), 10/2018278 (outside the allowed window), 10900 (comment already answered
// privately or older than 7 days), 2500 (unknown path). The next pending Meta fault in
// `faults` is applied once the route is known.
SimResponse HandleGraphApi(SimWorld& world, FaultQueue& faults, const SimRequest& request,
                           UnixMillis now);

// A customer's comment, reply or message at `at` (Facebook comment/reply, Messenger dm,
// Instagram comment/reply/dm): remembered (a message opens the 24 h window) and returned with
// its webhook. Errors: kInvalidArgument "unknown_account" (no such Page or Instagram account),
// "unknown_target" (the post, media or comment answered is unknown), "bad_action" (no customer
// id, or a kind the platform does not have).
Result<PostedAction> PostOnMeta(SimWorld& world, const CustomerAction& action, UnixMillis at);

// A Page post (kFacebook) or Instagram media item (kInstagram) of the account `account_id`
// (empty: the first Page, or the first with an Instagram account) for customers to comment on.
// Returns its id. Errors: kInvalidArgument "unknown_account", "bad_action" (another platform).
Result<std::string> AddMetaBrandPost(SimWorld& world, domain::Platform platform,
                                     std::string_view account_id);

}  // namespace fr::channels::sim::internal
