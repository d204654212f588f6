#include "domain/reply_capability.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace fr::domain {
namespace {

constexpr UnixMillis kDay = 24LL * 60 * 60 * 1000;
constexpr UnixMillis kWeek = 7 * kDay;  // Meta's private reply and HUMAN_AGENT windows
constexpr ReplyRoute kRoutes[] = {ReplyRoute::kPublicReply, ReplyRoute::kPrivateReply,
                                  ReplyRoute::kDirectMessage};

std::string_view DisplayName(Platform p) {
  switch (p) {
    case Platform::kX: return "X";
    case Platform::kFacebook: return "Facebook";
    case Platform::kMessenger: return "Messenger";
    case Platform::kInstagram: return "Instagram";
    case Platform::kLinkedIn: return "LinkedIn";
    case Platform::kTikTok: return "TikTok";
    case Platform::kRss: return "RSS";
  }
  return "this platform";
}

std::string_view RouteNoun(ReplyRoute r) {
  switch (r) {
    case ReplyRoute::kPublicReply: return "a public reply";
    case ReplyRoute::kPrivateReply: return "a private reply";
    case ReplyRoute::kDirectMessage: return "a direct message";
  }
  return "this route";
}

// The routes each platform's API has (PROTOCOLS.md; LinkedIn Page messages and TikTok
// messaging have no API Feedroom can use).
bool Offers(Platform p, ReplyRoute r) {
  switch (p) {
    case Platform::kX: return r != ReplyRoute::kPrivateReply;
    case Platform::kFacebook: return r != ReplyRoute::kDirectMessage;
    case Platform::kMessenger: return r == ReplyRoute::kDirectMessage;
    case Platform::kInstagram: return true;
    case Platform::kLinkedIn:
    case Platform::kTikTok: return r == ReplyRoute::kPublicReply;
    case Platform::kRss: return false;
  }
  return false;
}

// "a public reply or a direct message"
std::string OfferedRoutes(Platform p) {
  std::vector<std::string_view> offered;
  for (ReplyRoute r : kRoutes) {
    if (Offers(p, r)) offered.push_back(RouteNoun(r));
  }
  std::string list;
  for (size_t i = 0; i < offered.size(); ++i) {
    if (i > 0) list += i + 1 == offered.size() ? " or " : ", ";
    list += offered[i];
  }
  return list;
}

ReplyCapability Allowed(std::string message, UnixMillis open_until = 0) {
  return {ReplyVerdict::kAllowed, {"allowed", std::move(message)}, "", open_until};
}

ReplyCapability Denied(std::string code, std::string message) {
  return {ReplyVerdict::kDenied, {std::move(code), std::move(message)}, "", 0};
}

// A time in the future (clock skew) counts as now.
UnixMillis Elapsed(UnixMillis since, UnixMillis now) {
  return std::max<UnixMillis>(0, now - since);
}

ReplyCapability PublicReply(const ReplyCapabilityQuery& q) {
  if (q.platform != Platform::kX) {
    return Allowed("A public reply under the customer's post or comment.");
  }
  const bool summoned = q.target_summons_brand || q.target_kind == MessageKind::kMention ||
                        q.target_kind == MessageKind::kQuote;
  if (!summoned) {
    return Denied("x_not_summoned",
                  "X accepts a public reply only to a post that mentions or quotes the brand; "
                  "send a direct message, or answer from the X app.");
  }
  return Allowed("The customer mentioned or quoted the brand, so X accepts a public reply.");
}

ReplyCapability PrivateReply(const ReplyCapabilityQuery& q) {
  switch (q.target_kind) {
    case MessageKind::kPost:
    case MessageKind::kComment:
    case MessageKind::kReply:
    case MessageKind::kMention: break;
    default:
      return Denied("unsupported_route", "A private reply answers a public post or comment.");
  }
  if (q.private_reply_sent) {
    return Denied("private_reply_used",
                  "This comment already had its one private reply; continue in direct messages "
                  "once the customer answers it.");
  }
  if (Elapsed(q.target_created_at, q.now) >= kWeek) {
    return Denied("private_reply_expired",
                  "The comment is 7 days old or more, too old for a private reply; answer it "
                  "publicly.");
  }
  return Allowed("One private reply per comment, within 7 days of it; this one uses it.",
                 q.target_created_at + kWeek);
}

ReplyCapability DirectMessage(const ReplyCapabilityQuery& q) {
  if (q.platform == Platform::kX) {
    return Allowed("X delivers it if the customer accepts direct messages from the brand.");
  }
  const std::string_view name = DisplayName(q.platform);
  if (q.last_inbound_dm_at == 0) {
    return Denied("window_closed",
                  fmt::format("The customer has not written to the brand on {}, and a business "
                              "may write only after they do; answer their comment publicly or "
                              "with a private reply.",
                              name));
  }
  const UnixMillis elapsed = Elapsed(q.last_inbound_dm_at, q.now);
  if (elapsed < kDay) {
    return Allowed("Within 24 hours of the customer's last message.",
                   q.last_inbound_dm_at + kDay);
  }
  if (elapsed < kWeek) {
    return {ReplyVerdict::kNeedsTag,
            {"human_agent_tag",
             fmt::format("The customer's last message is over 24 hours old: {} accepts this "
                         "only as a person's answer, sent with the HUMAN_AGENT tag, until 7 "
                         "days after it, and without promotion.",
                         name)},
            std::string(kHumanAgentTag), q.last_inbound_dm_at + kWeek};
  }
  return Denied("window_closed",
                fmt::format("The customer's last message is 7 days old or more: {} accepts no "
                            "message until they write again.",
                            name));
}

}  // namespace

ReplyCapability CheckReplyCapability(const ReplyCapabilityQuery& q) {
  if (q.platform == Platform::kRss) {
    return Denied("no_reply_path",
                  "Review sites and forums read through RSS have no reply path; answer on the "
                  "site itself (the message links to it).");
  }
  if (!Offers(q.platform, q.route)) {
    return Denied("unsupported_route",
                  fmt::format("{} does not offer {}; use {}.", DisplayName(q.platform),
                              RouteNoun(q.route), OfferedRoutes(q.platform)));
  }
  if (q.route != ReplyRoute::kDirectMessage && q.target_visibility == Visibility::kPrivate) {
    return Denied("unsupported_route", "A direct message is answered with a direct message.");
  }
  if (q.route == ReplyRoute::kPublicReply) return PublicReply(q);
  if (q.route == ReplyRoute::kPrivateReply) return PrivateReply(q);
  return DirectMessage(q);
}

}  // namespace fr::domain
