// SentRecord: one request the simulated platforms accepted (a reply, a private reply, a DM or
// a post), as GET /sim/sent lists it. Tests assert on these ("exactly one public reply and one
// DM"); accepting the same request twice gives two records. Plain value.
#pragma once

#include <string>

#include "base/clock.h"
#include "domain/platform.h"

namespace fr::channels::sim {

struct SentRecord {
  domain::Platform platform = domain::Platform::kX;  // kX, kFacebook, kMessenger, kInstagram
  // "post", or a ports::ReplyRouteName: "public_reply", "private_reply", "direct_message".
  std::string route;
  std::string account_id;  // the brand account that spoke
  std::string target;      // the post or comment answered, or the DM recipient's id
  std::string text;        // as sent
  std::string id;          // the id the API answered with (and the echo carries)
  UnixMillis time = 0;
  std::string tag;  // Meta message tag ("HUMAN_AGENT"); empty otherwise
};

}  // namespace fr::channels::sim
