// SimPlatform: a fake X and a fake Meta that Feedroom talks to exactly as to the real ones,
// and fake forums whose RSS feeds Feedroom polls. The connectors' API base URLs (and the feed
// URLs) point at the host serving it, so the same connector code talks to the real platforms
// and to this one. Transport-free: a host (a Beast server, a libcurl client, in another layer)
// hands each HTTP request to Handle and POSTs the webhooks it gets back to Feedroom.
//
// What it serves (details in x_sim.h, x_search.h, meta_sim.h and feed_sim.h):
//   X      POST /2/tweets, POST /2/dm_conversations/with/{id}/messages,
//          GET /2/tweets/search/recent
//   Meta   POST /{id}/comments, /{ig-comment-id}/replies, /{page-or-ig-id}/messages (any /vNN.N)
//   Feeds  GET /feeds/{feed-id}.xml (no auth)
//   Test control (no auth):
//     POST   /sim/faults {"platform":"x"|"meta","status","count","code","delay_ms","retry_after_s"}
//                         → 200 {"queued":true}; 400 {"error":{"code","message"}} (fault_queue.h)
//     DELETE /sim/faults  → 200 {"cleared":true}
//     GET    /sim/sent    → 200 {"sent":[{"platform","route","account_id","target","text","id",
//                                         "time","tag"}]} (every accepted request, in order)
// The platforms enforce their rules (the X summoning rule, rate limits, Meta's one private reply
// per comment within 7 days, the 24 h / 7-day messaging windows, tokens) and answer with their
// real status codes, headers and bodies. Every accepted reply is recorded (twice if sent twice:
// duplicates are exposed, not hidden) and produces the echo webhook the platform would send,
// whose ids equal the ids the API answered.
//
// Thread safety: every method may be called from any thread (one internal lock).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "channels/sim/fault_queue.h"
#include "channels/sim/sent_record.h"
#include "channels/sim/sim_config.h"
#include "channels/sim/sim_customer.h"
#include "channels/sim/sim_http.h"

namespace fr::channels::sim {

namespace internal {
class SimWorld;
}

class SimPlatform {
 public:
  explicit SimPlatform(SimConfig config);
  ~SimPlatform();
  SimPlatform(const SimPlatform&) = delete;
  SimPlatform& operator=(const SimPlatform&) = delete;

  // Answers one HTTP request received at `now`. Never fails: every problem is an HTTP answer
  // in the shape of the platform addressed (paths under /2/ are X, /feeds/ the forums' feeds,
  // /sim/ is test control, everything else is the Graph API). An accepted reply comes with its
  // echo in `webhooks`.
  SimResponse Handle(const SimRequest& request, UnixMillis now);

  // A customer's post, comment or message at `at`: remembered, so that the rules apply to
  // replies to it (and the search and feeds show it), and returned with its id and the webhook
  // announcing it to Feedroom (none for an X post or a forum post, which do not address the
  // brand). Errors: kInvalidArgument "unknown_account" (action.account_id is not configured, or
  // no account of that network is), "unknown_target" (the post, media or comment answered or
  // quoted is unknown), "bad_action" (no customer id, a kind the platform does not have, an X
  // post that mentions a brand account, a forum post without a feed).
  Result<PostedAction> Post(const CustomerAction& action, UnixMillis at);

  // A post of the brand that exists before customers act on it: an X post customers can quote
  // (`text` is what it says), a Facebook Page post or an Instagram media item they can comment
  // on. `account_id` empty: the first account of that network (with Instagram, for kInstagram).
  // Returns its id; nothing is sent to Feedroom. Errors: kInvalidArgument "unknown_account",
  // "bad_action" (a platform without brand posts: Messenger and the networks not simulated).
  Result<std::string> AddBrandPost(domain::Platform platform, std::string_view account_id,
                                   std::string_view text, UnixMillis at);

  // Makes the feed `feed_id` exist, so that it is served (with no item) before its first post.
  // Idempotent.
  void OpenFeed(std::string_view feed_id);

  // Queues `spec` (the same as POST /sim/faults); ClearFaults drops every queued fault.
  // Faults apply to the X and Graph APIs only, never to the feeds.
  void InjectFaults(const FaultSpec& spec);
  void ClearFaults();

  // Everything the simulated APIs accepted, in order (the same as GET /sim/sent).
  std::vector<SentRecord> Sent() const;

 private:
  mutable std::mutex mu_;
  std::unique_ptr<internal::SimWorld> world_;  // guarded by mu_
  FaultQueue faults_;                          // guarded by mu_
};

}  // namespace fr::channels::sim
