#include "domain/reply.h"

namespace fr::domain {

std::string_view ReplyRouteName(ReplyRoute r) {
  switch (r) {
    case ReplyRoute::kPublicReply: return "public_reply";
    case ReplyRoute::kPrivateReply: return "private_reply";
    case ReplyRoute::kDirectMessage: return "direct_message";
  }
  return "public_reply";
}

std::optional<ReplyRoute> ParseReplyRoute(std::string_view name) {
  for (ReplyRoute r : {ReplyRoute::kPublicReply, ReplyRoute::kPrivateReply, ReplyRoute::kDirectMessage}) {
    if (ReplyRouteName(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view ReplyStatusName(ReplyStatus s) {
  switch (s) {
    case ReplyStatus::kAwaitingApproval: return "awaiting_approval";
    case ReplyStatus::kQueued: return "queued";
    case ReplyStatus::kSending: return "sending";
    case ReplyStatus::kSent: return "sent";
    case ReplyStatus::kFailed: return "failed";
    case ReplyStatus::kRejected: return "rejected";
  }
  return "queued";
}

std::optional<ReplyStatus> ParseReplyStatus(std::string_view name) {
  for (ReplyStatus s : {ReplyStatus::kAwaitingApproval, ReplyStatus::kQueued, ReplyStatus::kSending,
                        ReplyStatus::kSent, ReplyStatus::kFailed, ReplyStatus::kRejected}) {
    if (ReplyStatusName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace fr::domain
