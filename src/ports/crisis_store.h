// The crisis part of the Store port (docs/crisis.md): crises, the cases found related to the
// running one, and the customer messages the crisis sweep reads. Reached through
// StoreTxn::crisis() inside a WriteBatch and Store::crisis() for reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/crisis/crisis.h"

namespace fr::ports {

// A customer message as the crisis sweep reads it.
struct SweptMessage {
  std::int64_t id = 0;
  std::optional<domain::CaseId> case_id;  // none: heard, but no case opened
  std::string text;
  std::vector<std::string> rules;  // the listening rules it matched
  UnixMillis created_at = 0;
  bool negative = false;
};

// A case found related to a crisis.
struct CrisisCase {
  domain::CaseId case_id = 0;
  UnixMillis joined_at = 0;
  bool operator==(const CrisisCase&) const = default;
};

class CrisisTxn {
 public:
  virtual ~CrisisTxn() = default;
  // Stores a new crisis (its id ignored) with `swept_through` as where the sweep starts;
  // returns its id. Errors: kConflict "crisis_running" while another has not ended.
  virtual Result<std::int64_t> InsertCrisis(const domain::crisis::Crisis& crisis,
                                            std::int64_t swept_through) = 0;
  // Replaces the stored fields of crisis.id (name, terms, rules, statement, raise_to, end).
  // Errors: kNotFound.
  virtual Status UpdateCrisis(const domain::crisis::Crisis& crisis) = 0;
  // Records that the sweep of crisis `id` has read every message up to id `message_id`.
  virtual Status SetSweptThrough(std::int64_t id, std::int64_t message_id) = 0;
  // Records case `case_id` as related to crisis `id` since `at`; false if it already was.
  virtual Result<bool> AddCrisisCase(std::int64_t id, domain::CaseId case_id, UnixMillis at) = 0;
};

class CrisisReader {
 public:
  virtual ~CrisisReader() = default;
  // The crisis that has not ended, if any, with where its sweep stands.
  virtual Result<std::optional<std::pair<domain::crisis::Crisis, std::int64_t>>> RunningCrisis() = 0;
  virtual Result<std::optional<domain::crisis::Crisis>> GetCrisis(std::int64_t id) = 0;
  // The latest `limit` crises, the latest started first.
  virtual Result<std::vector<domain::crisis::Crisis>> RecentCrises(int limit) = 0;
  // The cases related to crisis `id`, in the order they joined.
  virtual Result<std::vector<CrisisCase>> CrisisCases(std::int64_t id) = 0;
  // Whether case `case_id` is related to crisis `id`.
  virtual Result<bool> IsCrisisCase(std::int64_t id, domain::CaseId case_id) = 0;
  // Up to `limit` customer messages (not deleted) with ids above `after`, by id.
  virtual Result<std::vector<SweptMessage>> CustomerMessagesAfter(std::int64_t after, int limit) = 0;
  // The largest message id of a message created before `t` (0 if none): where a sweep that
  // looks back to `t` starts.
  virtual Result<std::int64_t> LastMessageIdBefore(UnixMillis t) = 0;
  // The customer messages of case `case_id` created in [from, to), oldest first.
  virtual Result<std::vector<SweptMessage>> CaseMessagesBetween(domain::CaseId case_id,
                                                                UnixMillis from, UnixMillis to) = 0;
};

}  // namespace fr::ports
