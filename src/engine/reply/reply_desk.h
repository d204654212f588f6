// ReplyDesk: from an agent's draft to a reply in the outbox. For a case and a route it finds
// the message to answer and the customer to reach, checks the platform's rules for that route
// now (domain/reply_capability.h), signs the text the way the case's team and platform suit
// (domain/signature.h), validates it as the platform counts it (the ReplyGateway), warns on
// generic drafts (domain/generic_draft.h) and decides whether a supervisor must approve it
// (domain/approval_rules.h). Check() answers all of that without side effects, so the composer
// can show it while the agent types; Send() does the same and hands the reply to the Outbox.
// MoveToPrivate() sends a short public acknowledgement and the private details in one action.
// Thread-safe (state lives in the store and the outbox).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/approval_rules.h"
#include "domain/generic_draft.h"
#include "domain/people.h"
#include "domain/reply.h"
#include "domain/reply_capability.h"
#include "domain/rule_reason.h"
#include "engine/crisis/crisis_desk.h"
#include "engine/outbox/outbox.h"
#include "ports/reply_gateway.h"
#include "ports/store.h"

namespace fr::engine {

struct ReplyDraft {
  domain::CaseId case_id = 0;
  domain::ReplyRoute route = domain::ReplyRoute::kPublicReply;
  std::string text;  // the agent's words, without signature
  // The message to answer; empty = the customer's latest message that suits the route.
  std::string target_external_id;
};

// What would happen to a draft, for the composer.
struct DraftReview {
  domain::ReplyCapability capability;  // allowed, needs the HUMAN_AGENT tag, or denied (why)
  std::string final_text;              // as it would be sent, signature included
  bool signed_text = false;            // false when no signature fits or none is configured
  Status validation;                   // the platform's length / shape verdict on final_text
  std::vector<domain::RuleReason> warnings;          // generic-draft advice
  std::vector<domain::RuleReason> approval_reasons;  // non-empty: a supervisor must approve
  domain::Reply reply;                 // the reply Send would enqueue (no id yet)
};

struct ReplyDeskOptions {
  domain::ApprovalPolicy approval;
  domain::GenericDraftPolicy generic;
  int recent_replies_compared = 50;  // for near-duplicate warnings
  // The brand's handle per X account id (without '@'): a customer's reply that @mentions it
  // summons the brand as a mention does (X's self-serve reply rule).
  std::map<std::string, std::string> x_handles;
};

class ReplyDesk {
 public:
  // Everything referenced must outlive the desk. `gateways` validate drafts (no network).
  ReplyDesk(ports::Store& store, const Clock& clock, Outbox& outbox,
            std::vector<const ports::ReplyGateway*> gateways, ReplyDeskOptions options);

  // Crisis mode: a reply on a case the running crisis is about waits for a supervisor
  // (reason "crisis"; CrisisDesk::IsRelated). `crisis` must outlive the desk; null: never.
  // REQUIRES: called before the desk is shared.
  void SetCrisisDesk(const CrisisDesk* crisis) { crisis_ = crisis; }

  // Errors: kNotFound (case, target); kInvalidArgument "no_target" when the case has no
  // message the route can answer, "empty_text".
  Result<DraftReview> Check(const domain::User& author, const ReplyDraft& draft);

  // Checks and enqueues. Errors: those of Check; kForbidden "not_assignee"
  // (domain::CheckMayWork); kConflict with the capability's code ("x_not_summoned",
  // "window_closed", ...) when the route is closed; the validation error ("too_long", ...).
  Result<domain::Reply> Send(const domain::User& author, const ReplyDraft& draft);

  // "Move to private": a public acknowledgement under the customer's post and the details by
  // private message (a DM on X, a private reply on Facebook / Instagram), checked together:
  // if either cannot go, neither is sent. Returns {public, private}.
  Result<std::pair<domain::Reply, domain::Reply>> MoveToPrivate(const domain::User& author,
                                                                domain::CaseId case_id,
                                                                const std::string& public_text,
                                                                const std::string& private_text);

 private:
  const ports::ReplyGateway* GatewayFor(domain::Platform platform) const;

  ports::Store& store_;
  const Clock& clock_;
  Outbox& outbox_;
  std::vector<const ports::ReplyGateway*> gateways_;
  const ReplyDeskOptions options_;
  const CrisisDesk* crisis_ = nullptr;
  const domain::ApprovalRules approval_;
  const domain::GenericDraftCheck generic_;
};

}  // namespace fr::engine
