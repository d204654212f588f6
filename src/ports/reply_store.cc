#include "ports/reply_store.h"

namespace fr::ports {

std::string_view ReplyAuditActionName(ReplyAuditAction a) {
  switch (a) {
    case ReplyAuditAction::kWritten:
      return "written";
    case ReplyAuditAction::kEdited:
      return "edited";
    case ReplyAuditAction::kApproved:
      return "approved";
    case ReplyAuditAction::kRejected:
      return "rejected";
    case ReplyAuditAction::kSendAttempt:
      return "send_attempt";
    case ReplyAuditAction::kSent:
      return "sent";
    case ReplyAuditAction::kRetry:
      return "retry";
    case ReplyAuditAction::kFailed:
      return "failed";
    case ReplyAuditAction::kEchoMatched:
      return "echo_matched";
  }
  return "written";
}

std::optional<ReplyAuditAction> ParseReplyAuditAction(std::string_view name) {
  for (ReplyAuditAction a :
       {ReplyAuditAction::kWritten, ReplyAuditAction::kEdited, ReplyAuditAction::kApproved,
        ReplyAuditAction::kRejected, ReplyAuditAction::kSendAttempt, ReplyAuditAction::kSent,
        ReplyAuditAction::kRetry, ReplyAuditAction::kFailed, ReplyAuditAction::kEchoMatched}) {
    if (ReplyAuditActionName(a) == name) return a;
  }
  return std::nullopt;
}

}  // namespace fr::ports
