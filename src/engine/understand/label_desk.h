// LabelDesk: agents correct what Feedroom understood of a message (its language, sentiment,
// intent or sensitive topics). The correction is kept as a training example for
// `feedroom train` and becomes the label the message shows. Thread-safe (state lives in the
// store).
#pragma once

#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "domain/people.h"
#include "ports/store.h"

namespace fr::engine {

class LabelDesk {
 public:
  // `store` and `clock` must outlive the desk.
  LabelDesk(ports::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Records that `user` says message `message_id`'s `task` label is `label`, and returns the
  // message's insight as it now reads. For "sensitivity" the label is a comma-separated list
  // of topics in any order, or empty for none (stored in the standard order).
  // Errors: kInvalidArgument "invalid_label" (unknown task or label); kNotFound "not_found"
  // (no such message, or it was never understood: the brand's own messages).
  Result<ports::MessageInsight> Correct(std::int64_t message_id, domain::UserId user,
                                        const std::string& task, const std::string& label);

 private:
  ports::Store& store_;
  const Clock& clock_;
};

}  // namespace fr::engine
