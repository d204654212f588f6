// The SLA part of the Store port: the clocks of each case (domain/sla/case_sla.h) and the
// scheduler's queue of warnings and breaches still to raise. Reached through StoreTxn::sla()
// and Store::sla().
#pragma once

#include <map>
#include <optional>
#include <span>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/sla/case_sla.h"
#include "domain/sla/sla_clock.h"

namespace fr::ports {

// Writes, inside a WriteBatch.
class SlaTxn {
 public:
  virtual ~SlaTxn() = default;

  // The stored clocks of case `id` (either may be absent).
  virtual Result<domain::sla::CaseSlaClocks> GetClocks(domain::CaseId id) = 0;
  // Stores `clock` as case `id`'s clock of its metric, replacing the one stored.
  // Errors: kNotFound for an unknown case.
  virtual Status PutClock(domain::CaseId id, const domain::sla::CaseSlaClock& clock) = 0;
};

// A warning or breach the scheduler should raise.
struct SlaAlert {
  domain::CaseId case_id = 0;
  domain::sla::SlaMetric metric = domain::sla::SlaMetric::kFirstResponse;
  domain::sla::SlaEventKind kind = domain::sla::SlaEventKind::kBreach;
  UnixMillis at = 0;  // when it was due
  bool operator==(const SlaAlert&) const = default;
};

// Reads; any thread.
class SlaReader {
 public:
  virtual ~SlaReader() = default;

  virtual Result<domain::sla::CaseSlaClocks> GetClocks(domain::CaseId id) = 0;
  // The clocks of each of `ids` that has any (for list pages).
  virtual Result<std::map<domain::CaseId, domain::sla::CaseSlaClocks>> GetClocksOf(
      std::span<const domain::CaseId> ids) = 0;
  // Up to `limit` alerts due by `now` that were not raised yet, on running clocks: warnings
  // whose warn_at has come and breaches whose due_at has, earliest first.
  virtual Result<std::vector<SlaAlert>> DueAlerts(UnixMillis now, int limit) = 0;
  // When the earliest alert not raised yet is due; nullopt if none is armed.
  virtual Result<std::optional<UnixMillis>> NextAlertAt() = 0;
  // Up to `limit` active (new, open, pending) case ids greater than `after`, ascending: the
  // pass that brings every clock in line with the configuration at start.
  virtual Result<std::vector<domain::CaseId>> ActiveCaseIds(domain::CaseId after, int limit) = 0;
};

}  // namespace fr::ports
