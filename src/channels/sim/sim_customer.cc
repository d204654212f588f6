#include "channels/sim/sim_customer.h"

namespace fr::channels::sim {

std::string_view CustomerActionKindName(CustomerActionKind kind) {
  switch (kind) {
    case CustomerActionKind::kMention:
      return "mention";
    case CustomerActionKind::kReply:
      return "reply";
    case CustomerActionKind::kQuote:
      return "quote";
    case CustomerActionKind::kComment:
      return "comment";
    case CustomerActionKind::kDm:
      return "dm";
    case CustomerActionKind::kPost:
      return "post";
    case CustomerActionKind::kForum:
      return "forum";
  }
  return "dm";
}

std::optional<CustomerActionKind> ParseCustomerActionKind(std::string_view name) {
  for (CustomerActionKind k :
       {CustomerActionKind::kMention, CustomerActionKind::kReply, CustomerActionKind::kQuote,
        CustomerActionKind::kComment, CustomerActionKind::kDm, CustomerActionKind::kPost,
        CustomerActionKind::kForum}) {
    if (name == CustomerActionKindName(k)) return k;
  }
  if (name == "private_message") return CustomerActionKind::kDm;
  return std::nullopt;
}

bool KindAllowedOn(CustomerActionKind kind, domain::Platform platform) {
  using K = CustomerActionKind;
  switch (platform) {
    case domain::Platform::kX:
      return kind == K::kMention || kind == K::kReply || kind == K::kQuote || kind == K::kDm ||
             kind == K::kPost;
    case domain::Platform::kFacebook:
      return kind == K::kComment || kind == K::kReply;
    case domain::Platform::kMessenger:
      return kind == K::kDm;
    case domain::Platform::kInstagram:
      return kind == K::kComment || kind == K::kReply || kind == K::kDm;
    case domain::Platform::kRss:
      return kind == K::kForum;
    default:
      return false;
  }
}

}  // namespace fr::channels::sim
