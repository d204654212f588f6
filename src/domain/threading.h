// Threading rules: pure functions that decide which conversation a message belongs to and
// what it does to a case. engine/thread applies them against the store.
#pragma once

#include <optional>
#include <string>

#include "domain/case.h"
#include "domain/message.h"

namespace fr::domain {

// The conversation key of `m` within its (platform, account).
// Private: "dm:" + the customer's id. Public: "pub:" + the root post id, which is, in order,
// the platform's thread_key, the key of the parent's conversation when the parent is stored
// (`parent_conversation_key`), the parent id, or the message's own id.
std::string ConversationKeyFor(const Message& m,
                               const std::optional<std::string>& parent_conversation_key);

// True if `m` may open or reopen a case: written by a customer and not a mere repost.
bool OpensCase(const Message& m);

// What a customer message does to the case its conversation points at.
enum class CaseAction {
  kAttach,   // add to the active case
  kReopen,   // the case was resolved/closed: reopen it
  kNewCase,  // open a new case
};

// Decides for an inbound customer message. `current` is the conversation's case, if any.
CaseAction DecideCaseAction(const std::optional<CaseStatus>& current, ReopenPolicy policy);

}  // namespace fr::domain
