// Threading rules: pure functions that decide which conversation a message belongs to and
// what it does to a case. engine/thread applies them against the store.
//
// Model (docs/threading.md): a Conversation is a thread; a Case belongs to one customer on
// one brand account. Several customers commenting under one post share the thread but each
// gets their own case. A reply by a customer to the brand's own broadcast post starts its
// own conversation, so a promotion with fifty complaints underneath is fifty threads.
#pragma once

#include <optional>
#include <string>

#include "domain/case.h"
#include "domain/message.h"

namespace fr::domain {

// What the threader knows about the stored message that `m` replies to.
struct ParentThread {
  std::string conversation_key;
  // The parent's conversation was started by the brand (a broadcast post, customer id 0).
  bool brand_started = false;
};

// The conversation key of `m` within its (platform, account):
// - private: "dm:" + the customer's id;
// - public, parent stored: the parent's key, except that a customer's reply into a
//   brand-started thread gets its own key "pub:" + its id;
// - public, parent not stored: "pub:" + parent id (the best root we know);
// - public root: "pub:" + its own id.
std::string ConversationKeyFor(const Message& m, const std::optional<ParentThread>& parent);

// True if `m` may open or reopen a case: written by a customer and not a mere repost.
bool OpensCase(const Message& m);

// What a customer message does to a case.
enum class CaseAction {
  kAttach,   // add to the active case
  kReopen,   // the case was resolved/closed: reopen it
  kNewCase,  // open a new case
};

// Decides for an inbound customer message, given the status of the latest case of the same
// customer in the same conversation (nullopt if there is none).
CaseAction DecideCaseAction(const std::optional<CaseStatus>& customers_case, ReopenPolicy policy);

}  // namespace fr::domain
