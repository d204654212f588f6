// Internal to channels/sim: the simulated X. HandleXApi answers the brand's calls to the X API
// v2 (posts and replies, DMs, recent search) with X's rules and answers; PostOnX and
// AddXBrandPost put customer and brand activity on it. Every accepted call is recorded in the world
// and answered with the webhook X would send back. Not thread-safe (SimPlatform holds its lock).
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "channels/sim/fault_queue.h"
#include "channels/sim/sim_customer.h"
#include "channels/sim/sim_http.h"
#include "channels/sim/sim_request.h"
#include "channels/sim/sim_world.h"

namespace fr::channels::sim::internal {

// Answers one request whose decoded path (target.path) is under /2/:
//   POST /2/tweets                                   201 {"data":{"id","text",
//                                                         "edit_history_tweet_ids"}}
//   POST /2/dm_conversations/with/{participant}/messages  201 {"data":{"dm_conversation_id",
//                                                               "dm_event_id"}}
//   GET  /2/tweets/search/recent                     200 (x_search.h)
// Errors as X answers them: 401 (bearer token of no configured account, nor for the search
// the app's), 403 (the app's token on a user-context endpoint; a reply to a post that did not
// summon the account, or to an unknown post), 400 invalid-request, 429 (100 posts / 15 DMs per
// 15 minutes per user, 450 searches per 15 minutes per user or app), 404 for other routes.
// Every answer to an authenticated request carries x-rate-limit-limit/-remaining/-reset (epoch
// seconds). The next pending X fault in `faults` is applied once the route is known.
SimResponse HandleXApi(SimWorld& world, FaultQueue& faults, const SimRequest& request,
                       const ParsedTarget& target, UnixMillis now);

// A customer's mention, reply, quote, DM or post at `at`: remembered (so replies to it follow
// the summoning rule, and the search finds the public ones) and returned with its webhook (none
// for a post, which does not address the brand). Errors: kInvalidArgument "unknown_account"
// (action.account_id is not a configured X account, or none is configured), "unknown_target"
// (the reply's post or the quoted brand post is unknown), "bad_action" (no customer id, a kind
// X does not have, a post that mentions a brand account).
Result<PostedAction> PostOnX(SimWorld& world, const CustomerAction& action, UnixMillis at);

// A post of the brand account `account_id` (empty: the first one) that customers can quote.
// Returns its id. Errors: kInvalidArgument "unknown_account".
Result<std::string> AddXBrandPost(SimWorld& world, std::string_view account_id,
                                  std::string_view text, UnixMillis at);

}  // namespace fr::channels::sim::internal
