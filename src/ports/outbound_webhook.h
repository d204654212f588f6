// OutboundWebhook: a JSON body posted to an address outside, signed so the receiver can trust
// it (channels/notify/signed_webhook.h): spike alerts, topics sent to the product team.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace fr::ports {

class OutboundWebhook {
 public:
  virtual ~OutboundWebhook() = default;
  // Posts `json_body` once as event `event` ("topic.sent"). Errors: kUnavailable for a
  // failure worth retrying (no answer, 5xx, 429); kInvalidArgument "webhook_refused" for
  // another answer.
  virtual Status Post(std::string_view event, const std::string& json_body) = 0;
};

}  // namespace fr::ports
