// The case-work part of the Store port: a case's history, agents' loads, and the queues the
// routing sweep works through. Reached through StoreTxn::work() and Store::work().
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/case_event.h"
#include "domain/people.h"

namespace fr::ports {

// Writes, inside a WriteBatch.
class WorkTxn {
 public:
  virtual ~WorkTxn() = default;

  // Appends `e` (its id is ignored) to its case's history; returns the new id.
  virtual Result<std::int64_t> InsertCaseEvent(const domain::CaseEvent& e) = 0;
  // Active (new, open, pending) cases assigned to `user` now, as seen by this transaction:
  // the capacity check that must not race with another assignment.
  virtual Result<std::int64_t> CountActiveAssigned(domain::UserId user) = 0;
};

// Reads; any thread.
class WorkReader {
 public:
  virtual ~WorkReader() = default;

  // Case `id` without its messages (the committed state), or nullopt if there is none.
  virtual Result<std::optional<domain::Case>> GetCase(domain::CaseId id) = 0;
  // The history of case `id`, oldest first.
  virtual Result<std::vector<domain::CaseEvent>> ListCaseEvents(domain::CaseId id) = 0;
  // Active cases per assignee (users without any are absent).
  virtual Result<std::map<domain::UserId, std::int64_t>> ActiveLoads() = 0;
  // Active cases nobody owns, oldest first: the routing queue.
  virtual Result<std::vector<domain::Case>> UnassignedActiveCases(int limit) = 0;
  // Active cases assigned before `assigned_before` whose assignee has not replied since and
  // whose customer is waiting (their last message is newer than the last agent reply).
  virtual Result<std::vector<domain::Case>> StaleAssignments(UnixMillis assigned_before,
                                                             int limit) = 0;
  // The assignee of the customer's most recently active other case that had one.
  virtual Result<std::optional<domain::UserId>> PreviousAgentOf(domain::CustomerId customer,
                                                                domain::CaseId except) = 0;
};

}  // namespace fr::ports
