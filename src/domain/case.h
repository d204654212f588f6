// Case, Conversation and Customer: the units ingest files messages into.
//
// A Conversation is a thread on one network: the reply tree of a public root post, or the
// DM thread between one brand account and one customer. A Case is the unit of work with an
// SLA: it opens on a customer message and collects later messages of its conversations; a
// customer's public comment and their DM to the same brand account within a window share one
// Case. A Customer is one person on one network (merging across networks comes later).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "domain/message.h"
#include "domain/people.h"
#include "domain/platform.h"
#include "domain/priority.h"

namespace fr::domain {

// Our own ids: 64-bit, exposed to clients as decimal strings.
using CaseId = std::int64_t;
using ConversationId = std::int64_t;
using CustomerId = std::int64_t;
using MessageId = std::int64_t;

enum class CaseStatus { kNew, kOpen, kPending, kResolved, kClosed };

std::string_view CaseStatusName(CaseStatus s);  // "new", "open", "pending", "resolved", "closed"
std::optional<CaseStatus> ParseCaseStatus(std::string_view name);
// True while the case is still being worked on (new, open, pending).
bool IsActive(CaseStatus s);

struct Customer {
  CustomerId id = 0;
  Platform platform = Platform::kX;
  Author profile;  // latest profile seen; profile.id is the platform user id
};

struct Conversation {
  ConversationId id = 0;
  Platform platform = Platform::kX;
  std::string account_id;
  std::string key;  // unique per (platform, account): "dm:<customer id>" or "pub:<root id>"
  Visibility visibility = Visibility::kPublic;
  CustomerId customer_id = 0;  // who started it (the DM counterpart, or the root's author)
  std::optional<CaseId> case_id;  // the case its newest messages belong to
};

struct Case {
  CaseId id = 0;
  CaseStatus status = CaseStatus::kNew;
  UnixMillis status_since = 0;  // when `status` was entered (SLA pauses run from it)
  Platform platform = Platform::kX;  // the network of the opening message
  std::string account_id;
  CustomerId customer_id = 0;
  UnixMillis opened_at = 0;
  UnixMillis last_activity_at = 0;          // newest message of any direction
  UnixMillis last_customer_message_at = 0;  // newest inbound message
  std::int64_t message_count = 0;
  std::int32_t reopen_count = 0;
  // The language of its opening customer message as understood ("he", "en"; "" when not
  // understood), for routing by language skills.
  std::string language;

  // Working the case (domain/case_workflow.h).
  Priority priority = Priority::kNormal;
  std::optional<TeamId> team;        // the queue it is routed to
  // The queue it was put in by a listening rule; routing then keeps it in this team.
  std::optional<TeamId> queue;
  std::optional<UserId> assignee;    // who owns it now
  UnixMillis assigned_at = 0;        // when the current assignee got it (0 = unassigned)
  UnixMillis first_response_at = 0;  // the first agent reply sent (0 = none yet)
  UnixMillis last_agent_reply_at = 0;

  bool operator==(const Case&) const = default;
};

// What happens when a customer writes again on a case that is resolved or closed.
enum class ReopenPolicy { kReopen, kNewCase };

}  // namespace fr::domain
