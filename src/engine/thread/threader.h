// Threader: files one inbound event into the store inside an open write transaction:
// dedupe by (platform, external id), understanding and listening (InsightMaker), customer
// profile, conversation, case, revisions.
//
// It holds no state of its own beyond its options, so one Threader may serve every batch;
// it is used from the ingest writer thread only (a StoreTxn is single-threaded).
#pragma once

#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/inbound_event.h"
#include "domain/reply.h"
#include "engine/listen/insight_maker.h"
#include "ports/store.h"

namespace fr::engine {

struct ThreadingOptions {
  domain::ReopenPolicy reopen_policy = domain::ReopenPolicy::kReopen;
  // A customer's public comment and their DM to the same account within this window belong
  // to one case.
  UnixMillis link_window_ms = 24LL * 60 * 60 * 1000;
  // Judges each new customer message (its insight is stored with it; it sets a new case's
  // priority and language, raises an open case's priority, and decides whether an overheard
  // message opens a case). Null: messages are not understood and overheard ones never open
  // a case. Not owned; must outlive the Threader.
  const InsightMaker* insights = nullptr;
};

// What Apply did with an event, for metrics and tests.
enum class ApplyOutcome {
  kStored,     // a new message was stored
  kDuplicate,  // the message (or this exact change) was already stored: nothing written
  kRevised,    // an edit, delete, hide or unhide was recorded on a stored message
  kOrphan,     // a change to a message we never stored: nothing to change
};
std::string_view ApplyOutcomeName(ApplyOutcome o);

// A new message filed on a case.
struct FiledMessage {
  domain::MessageId id = 0;
  domain::Platform platform = domain::Platform::kX;
  bool outbound = false;      // the brand's own message (a reply or its echo)
  UnixMillis created_at = 0;  // when it was written, by the platform's clock
  domain::Case kase;          // the case as the message left it
};

// What Apply changed that others hear about once the transaction has committed (the live
// feed): messages filed on a case, and replies whose echo was matched (some now sent).
struct ApplyNotes {
  std::vector<FiledMessage> messages;
  std::vector<domain::Reply> replies;  // as written
};

class Threader {
 public:
  explicit Threader(ThreadingOptions options) : options_(options) {}

  // Applies `event`, which arrived in delivery `delivery_id` at `received_at`, and appends
  // what it filed to `*notes` when `notes` is not null (rolled back with the transaction:
  // the caller keeps the notes of committed work only).
  // Returns the store's error (kUnavailable / kInternal) if a statement fails; the caller
  // rolls the delivery back as a whole.
  Result<ApplyOutcome> Apply(ports::StoreTxn& txn, const domain::InboundEvent& event,
                             std::int64_t delivery_id, UnixMillis received_at,
                             ApplyNotes* notes = nullptr) const;

 private:
  Result<ApplyOutcome> ApplyNewMessage(ports::StoreTxn& txn, const domain::Message& m,
                                       std::int64_t delivery_id, UnixMillis received_at,
                                       ApplyNotes* notes) const;
  Result<ApplyOutcome> ApplyChange(ports::StoreTxn& txn, const domain::InboundEvent& event,
                                   UnixMillis received_at) const;
  // Files overheard message `heard` as addressed to the brand (`m` is its addressed copy):
  // it joins or opens its customer's case.
  Result<ApplyOutcome> TakeAsAddressed(ports::StoreTxn& txn, const ports::StoredMessage& heard,
                                       const domain::Message& m, ApplyNotes* notes) const;
  // The conversation `m` belongs to, created if new.
  Result<domain::Conversation> ResolveConversation(ports::StoreTxn& txn, const domain::Message& m,
                                                   domain::CustomerId customer) const;
  // The case an inbound customer message joins (attached, reopened or new).
  // `judged` is the message's judgement, null if it was not judged.
  Result<domain::CaseId> ResolveCustomerCase(ports::StoreTxn& txn, const domain::Message& m,
                                             const domain::Conversation& conversation,
                                             domain::CustomerId customer,
                                             const MessageJudgement* judged) const;

  const ThreadingOptions options_;
};

}  // namespace fr::engine
