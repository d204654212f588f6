#include "ports/reply_gateway.h"

namespace fr::ports {

std::string_view ReplyRouteName(ReplyRoute r) {
  switch (r) {
    case ReplyRoute::kPublicReply: return "public_reply";
    case ReplyRoute::kPrivateReply: return "private_reply";
    case ReplyRoute::kDirectMessage: return "direct_message";
  }
  return "public_reply";
}

}  // namespace fr::ports
