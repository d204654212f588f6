// Reply capability: may a reply take this route to this customer now, by the platform's own
// rules? Checked when the agent picks a route and again before the outbox sends, so a refusal
// the platform would give is shown to the agent with its reason instead. Pure; thread-safe.
//
// The rules (PROTOCOLS.md §1.7, §2.2–2.4, §3–5), checked in this order:
//  1. RSS items (review sites, forums) have no reply path: "no_reply_path".
//  2. Routes by platform: X public reply and direct message (X's private route is the DM);
//     Facebook public and private reply; Messenger direct message; Instagram all three;
//     LinkedIn and TikTok public reply. Any other route, a public or private reply to a
//     private message, or a private reply to anything but a public post, comment, reply or
//     mention: "unsupported_route".
//  3. X public reply: only when the customer's post summoned the brand by @mentioning it or
//     quoting one of its posts (a kMention or kQuote always did): else "x_not_summoned".
//  4. Meta private reply: one per comment ("private_reply_used"), within 7 days of it
//     ("private_reply_expired").
//  5. Messenger and Instagram direct message: within 24 h of the customer's last message;
//     from then until 7 days only with the HUMAN_AGENT tag (kNeedsTag, "human_agent_tag");
//     later, or when the customer never wrote privately: "window_closed". A private reply does
//     not open the window; only the customer's own message does.
// Otherwise the route is open ("allowed"). Windows are half-open: at exactly 24 h the tag is
// needed and at exactly 7 days the route is closed, since the reply reaches the platform a
// moment after the check. A time in the future (clock skew) counts as now.
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "domain/message.h"
#include "domain/platform.h"
#include "domain/reply.h"
#include "domain/rule_reason.h"

namespace fr::domain {

// Meta's tag for a person's answer outside the 24 h window (Reply::message_tag).
inline constexpr std::string_view kHumanAgentTag = "HUMAN_AGENT";

struct ReplyCapabilityQuery {
  Platform platform = Platform::kX;
  ReplyRoute route = ReplyRoute::kPublicReply;
  // The customer's message the reply answers.
  MessageKind target_kind = MessageKind::kPost;
  Visibility target_visibility = Visibility::kPublic;
  UnixMillis target_created_at = 0;
  bool target_summons_brand = false;  // it @mentioned the brand account or quoted its post
  // The customer's newest direct message to this brand account; 0 when they never wrote one.
  UnixMillis last_inbound_dm_at = 0;
  bool private_reply_sent = false;  // the target comment already got its private reply
  UnixMillis now = 0;
};

enum class ReplyVerdict {
  kAllowed,   // send as it is
  kNeedsTag,  // send with `tag` (Reply::message_tag)
  kDenied,    // the platform would refuse it: `reason` says why and what to do instead
};

struct ReplyCapability {
  ReplyVerdict verdict = ReplyVerdict::kDenied;
  RuleReason reason;  // code "allowed", "human_agent_tag", or the refusal's code
  std::string tag;    // kHumanAgentTag with kNeedsTag; empty otherwise
  // When this verdict stops holding (the 24 h window ends, the tag's 7 days end, the private
  // reply expires); 0 when no time limit applies.
  UnixMillis open_until = 0;

  bool operator==(const ReplyCapability&) const = default;
};

// Returns whether the route of `q` may be used at `q.now`, why not, or on which terms (see the
// rules above).
ReplyCapability CheckReplyCapability(const ReplyCapabilityQuery& q);

}  // namespace fr::domain
