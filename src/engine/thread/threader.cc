#include "engine/thread/threader.h"

#include <algorithm>

#include "domain/case_workflow.h"
#include "domain/metrics/volume_series.h"
#include "domain/threading.h"
#include "engine/outbox/echo_matcher.h"

namespace fr::engine {

using domain::Case;
using domain::CaseAction;
using domain::CaseStatus;
using domain::Conversation;
using domain::CustomerId;
using domain::EventType;
using domain::Message;
using ports::Revision;
using ports::RevisionKind;
using ports::StoredMessage;

namespace {

// Adds message `id` (filed on `case_id`, if any) and the reply it echoed to `notes`, reading
// both as this transaction leaves them (the echo may have marked the case answered).
Status NoteFiled(ports::StoreTxn& txn, const Message& m, domain::MessageId id,
                 std::optional<domain::CaseId> case_id, std::optional<domain::ReplyId> echoed,
                 ApplyNotes& notes) {
  if (case_id) {
    FR_ASSIGN_OR_RETURN(std::optional<Case> kase, txn.GetCase(*case_id));
    if (kase) notes.messages.push_back({id, m.platform, m.is_outbound, m.created_at, *kase});
  }
  if (echoed) {
    FR_ASSIGN_OR_RETURN(std::optional<domain::Reply> reply, txn.replies().GetReply(*echoed));
    if (reply) notes.replies.push_back(std::move(*reply));
  }
  return Status::Ok();
}

}  // namespace

std::string_view ApplyOutcomeName(ApplyOutcome o) {
  switch (o) {
    case ApplyOutcome::kStored: return "stored";
    case ApplyOutcome::kDuplicate: return "duplicate";
    case ApplyOutcome::kRevised: return "revised";
    case ApplyOutcome::kOrphan: return "orphan";
  }
  return "stored";
}

Result<ApplyOutcome> Threader::Apply(ports::StoreTxn& txn, const domain::InboundEvent& event,
                                     std::int64_t delivery_id, UnixMillis received_at,
                                     ApplyNotes* notes) const {
  if (event.type == EventType::kMessage) {
    return ApplyNewMessage(txn, event.message, delivery_id, received_at, notes);
  }
  if (event.type == EventType::kEdit) {
    // An edit of a message we never saw carries the whole message: store it as new.
    FR_ASSIGN_OR_RETURN(auto existing, txn.FindMessage(event.message.platform, event.message.external_id));
    if (!existing) return ApplyNewMessage(txn, event.message, delivery_id, received_at, notes);
  }
  return ApplyChange(txn, event, received_at);
}

Result<ApplyOutcome> Threader::ApplyChange(ports::StoreTxn& txn, const domain::InboundEvent& event,
                                           UnixMillis received_at) const {
  const Message& m = event.message;
  FR_ASSIGN_OR_RETURN(auto existing, txn.FindMessage(m.platform, m.external_id));
  if (!existing) return ApplyOutcome::kOrphan;

  Revision r;
  r.previous_text = existing->message.text;
  r.text = existing->message.text;
  r.at = event.occurred_at != 0 ? event.occurred_at : received_at;
  switch (event.type) {
    case EventType::kEdit:
      if (m.text == existing->message.text) return ApplyOutcome::kDuplicate;
      r.kind = RevisionKind::kEdit;
      r.text = m.text;
      break;
    case EventType::kDelete:
      if (existing->deleted) return ApplyOutcome::kDuplicate;
      r.kind = RevisionKind::kDelete;
      break;
    case EventType::kHide:
      if (existing->hidden) return ApplyOutcome::kDuplicate;
      r.kind = RevisionKind::kHide;
      break;
    case EventType::kUnhide:
      if (!existing->hidden) return ApplyOutcome::kDuplicate;
      r.kind = RevisionKind::kUnhide;
      break;
    case EventType::kMessage:
      return ApplyOutcome::kDuplicate;  // unreachable: handled by Apply
  }
  FR_RETURN_IF_ERROR(txn.AddRevision(existing->id, r));
  return ApplyOutcome::kRevised;
}

Result<ApplyOutcome> Threader::ApplyNewMessage(ports::StoreTxn& txn, const Message& m,
                                               std::int64_t delivery_id, UnixMillis received_at,
                                               ApplyNotes* notes) const {
  FR_ASSIGN_OR_RETURN(auto existing, txn.FindMessage(m.platform, m.external_id));
  if (existing) {
    // A listening source may hear a message before its webhook copy shows it was sent to the
    // brand: the copy makes it an addressed message with its case.
    const bool addressed_copy = existing->message.overheard && !existing->case_id &&
                                !m.overheard && !m.is_outbound && domain::OpensCase(m);
    if (addressed_copy) return TakeAsAddressed(txn, *existing, m, notes);
    return ApplyOutcome::kDuplicate;
  }

  // An X edit arrives under a new id: record it on the original and remember the new id.
  if (!m.edit_of.empty()) {
    FR_ASSIGN_OR_RETURN(auto original, txn.FindMessage(m.platform, m.edit_of));
    if (original) {
      FR_RETURN_IF_ERROR(txn.AddAlias(m.platform, m.external_id, original->id));
      if (original->message.text == m.text) return ApplyOutcome::kDuplicate;
      Revision r{RevisionKind::kEdit, original->message.text, m.text,
                 m.created_at != 0 ? m.created_at : received_at};
      FR_RETURN_IF_ERROR(txn.AddRevision(original->id, r));
      return ApplyOutcome::kRevised;
    }
  }

  std::optional<MessageJudgement> judged;
  if (!m.is_outbound && options_.insights != nullptr) judged = options_.insights->Judge(m);
  const MessageJudgement* judgement = judged ? &*judged : nullptr;

  // The customer: the author of inbound messages; the recipient of the brand's DMs.
  CustomerId customer = 0;
  if (!m.is_outbound) {
    FR_ASSIGN_OR_RETURN(customer, txn.UpsertCustomer(m.platform, m.author));
  } else if (m.visibility == domain::Visibility::kPrivate && !m.counterpart_id.empty()) {
    domain::Author recipient;
    recipient.id = m.counterpart_id;
    FR_ASSIGN_OR_RETURN(customer, txn.UpsertCustomer(m.platform, recipient));
  }

  FR_ASSIGN_OR_RETURN(Conversation conversation, ResolveConversation(txn, m, customer));

  std::optional<domain::CaseId> case_id;
  // An overheard message (not addressed to the brand) opens a case only when a listening
  // rule escalates it; otherwise it is kept for listening analytics.
  const bool opens_case = domain::OpensCase(m) && (!m.overheard || (judged && judged->escalate));
  if (opens_case) {
    FR_ASSIGN_OR_RETURN(case_id, ResolveCustomerCase(txn, m, conversation, customer, judgement));
  } else if (m.is_outbound) {
    // The brand's own message joins the case of what it answers, else the thread's case.
    // Only a case of the same account: another brand answering the same tweet works its own.
    if (!m.parent_id.empty()) {
      FR_ASSIGN_OR_RETURN(auto parent, txn.FindMessage(m.platform, m.parent_id));
      if (parent && parent->case_id && parent->message.account_id == m.account_id) {
        case_id = parent->case_id;
      }
    }
    if (!case_id) case_id = conversation.case_id;
    if (case_id) {
      FR_ASSIGN_OR_RETURN(auto kase, txn.GetCase(*case_id));
      if (kase) {
        // A reply written on the platform itself (not through Feedroom) answers the customer
        // as much as one sent from here: it stops the response clocks too. The echo of a
        // Feedroom reply changes nothing the send did not already record.
        domain::NoteAgentReply(*kase, m.created_at);
        kase->message_count += 1;
        FR_RETURN_IF_ERROR(txn.UpdateCase(*kase));
      } else {
        case_id.reset();
      }
    }
  }

  StoredMessage stored;
  stored.message = m;
  stored.conversation_id = conversation.id;
  stored.case_id = case_id;
  stored.author_customer_id = m.is_outbound ? 0 : customer;
  stored.delivery_id = delivery_id;
  stored.received_at = received_at;
  FR_ASSIGN_OR_RETURN(domain::MessageId id, txn.InsertMessage(stored));
  if (judged) {
    FR_RETURN_IF_ERROR(txn.insights().PutInsight(id, judged->insight));
    // The spike detector's counts (docs/spikes.md), by the message's own time.
    const std::vector<std::string> series =
        domain::metrics::VolumeSeriesOf(m.platform, m.account_id, judged->insight.rules);
    FR_RETURN_IF_ERROR(txn.metrics().CountMinute(
        series, domain::metrics::MinuteOf(m.created_at != 0 ? m.created_at : received_at),
        judged->insight.understanding.sentiment == domain::Sentiment::kNegative));
  }
  // The brand's own message may be the echo of a reply the outbox sent.
  std::optional<domain::ReplyId> echoed;
  if (m.is_outbound) {
    FR_ASSIGN_OR_RETURN(echoed, MatchEcho(txn, m, id, received_at));
  }
  if (notes != nullptr) FR_RETURN_IF_ERROR(NoteFiled(txn, m, id, case_id, echoed, *notes));
  return ApplyOutcome::kStored;
}

Result<ApplyOutcome> Threader::TakeAsAddressed(ports::StoreTxn& txn,
                                               const ports::StoredMessage& heard,
                                               const Message& m, ApplyNotes* notes) const {
  std::optional<MessageJudgement> judged;
  if (options_.insights != nullptr) judged = options_.insights->Judge(m);
  FR_ASSIGN_OR_RETURN(std::optional<Conversation> conversation,
                      txn.GetConversation(heard.conversation_id));
  if (!conversation) {
    return Status(Errc::kInternal, "corrupt_row",
                  "message " + std::to_string(heard.id) + " has no conversation");
  }
  FR_ASSIGN_OR_RETURN(domain::CaseId case_id,
                      ResolveCustomerCase(txn, m, *conversation, heard.author_customer_id,
                                          judged ? &*judged : nullptr));
  FR_RETURN_IF_ERROR(txn.MarkAddressed(heard.id, case_id));
  if (notes != nullptr) FR_RETURN_IF_ERROR(NoteFiled(txn, m, heard.id, case_id, std::nullopt, *notes));
  return ApplyOutcome::kStored;
}

Result<Conversation> Threader::ResolveConversation(ports::StoreTxn& txn, const Message& m,
                                                   CustomerId customer) const {
  std::optional<domain::ParentThread> parent_thread;
  if (m.visibility == domain::Visibility::kPublic && !m.parent_id.empty()) {
    FR_ASSIGN_OR_RETURN(auto parent, txn.FindMessage(m.platform, m.parent_id));
    if (parent) {
      FR_ASSIGN_OR_RETURN(auto pc, txn.GetConversation(parent->conversation_id));
      if (pc) parent_thread = domain::ParentThread{pc->key, pc->customer_id == 0};
    }
  }
  std::string key = domain::ConversationKeyFor(m, parent_thread);
  FR_ASSIGN_OR_RETURN(auto found, txn.FindConversation(m.platform, m.account_id, key));
  if (found) return *found;

  Conversation c;
  c.platform = m.platform;
  c.account_id = m.account_id;
  c.key = key;
  c.visibility = m.visibility;
  c.customer_id = customer;  // 0 when the brand starts the thread
  FR_ASSIGN_OR_RETURN(c.id, txn.InsertConversation(c));
  return c;
}

Result<domain::CaseId> Threader::ResolveCustomerCase(ports::StoreTxn& txn, const Message& m,
                                                     const Conversation& conversation,
                                                     CustomerId customer,
                                                     const MessageJudgement* judged) const {
  // The latest case of this thread, if it is this customer's.
  std::optional<Case> own;
  if (conversation.case_id) {
    FR_ASSIGN_OR_RETURN(auto c, txn.GetCase(*conversation.case_id));
    if (c && c->customer_id == customer) own = std::move(c);
  }
  // Otherwise the customer's active case on this account from another thread within the
  // link window (their public comment, then their DM).
  if (!own) {
    FR_ASSIGN_OR_RETURN(auto linked, txn.FindActiveCaseOfCustomer(
                                         customer, m.account_id, m.created_at - options_.link_window_ms));
    if (linked) own = std::move(linked);
  }

  CaseAction action = domain::DecideCaseAction(
      own ? std::optional<CaseStatus>(own->status) : std::nullopt, options_.reopen_policy);
  Case c;
  if (action == CaseAction::kNewCase) {
    c.status = CaseStatus::kNew;
    c.status_since = m.created_at;
    c.platform = m.platform;
    c.account_id = m.account_id;
    c.customer_id = customer;
    c.opened_at = m.created_at;
    c.last_activity_at = m.created_at;
    c.last_customer_message_at = m.created_at;
    c.message_count = 1;
    if (judged != nullptr) {
      c.priority = judged->insight.triage.priority;
      c.language = judged->insight.understanding.language == "und"
                       ? std::string()
                       : judged->insight.understanding.language;
      c.team = judged->team;
      c.queue = judged->team;
    }
    FR_ASSIGN_OR_RETURN(c.id, txn.InsertCase(c));
  } else {
    c = *own;
    if (action == CaseAction::kReopen) {
      domain::EnterStatus(c, CaseStatus::kOpen, m.created_at);
      c.reopen_count += 1;
    }
    domain::NoteCustomerMessage(c, m.created_at);
    // A later message can make a case more urgent (a threat to sue, a VIP joining), never
    // less: lowering is a person's decision.
    if (judged != nullptr && judged->insight.triage.priority > c.priority) {
      const domain::Priority from = c.priority;
      c.priority = judged->insight.triage.priority;
      FR_RETURN_IF_ERROR(txn.work()
                             .InsertCaseEvent(domain::CaseEvent{
                                 0, c.id, m.created_at, domain::CaseEventKind::kPriorityChanged,
                                 std::nullopt, std::nullopt,
                                 std::string(domain::PriorityName(from)) + ">" +
                                     std::string(domain::PriorityName(c.priority))})
                             .status());
    }
    FR_RETURN_IF_ERROR(txn.UpdateCase(c));
  }
  if (conversation.case_id != c.id) {
    FR_RETURN_IF_ERROR(txn.SetConversationCase(conversation.id, c.id));
  }
  return c.id;
}

}  // namespace fr::engine
