// CaseSla: where the SLA clocks of the cases a response shows stand now, for the case views
// (json_views.h). A failure to read them is logged and leaves "sla" null: a case is still
// shown when its clock cannot be.
// Thread safety: a value of pointers; every method is const and safe from any thread.
#pragma once

#include <map>
#include <optional>
#include <span>

#include "base/clock.h"
#include "domain/case.h"
#include "engine/sla/sla_tracker.h"
#include "ports/store.h"

namespace fr::api {

class CaseSla {
 public:
  // Shows no clocks (tests of routes that do not need them).
  CaseSla() = default;
  // Everything referenced must outlive this.
  CaseSla(ports::Store& store, const engine::SlaTracker& tracker, const Clock& clock)
      : store_(&store), tracker_(&tracker), clock_(&clock) {}

  // The readings of those of `cases` that have clocks.
  std::map<domain::CaseId, engine::SlaReading> Of(std::span<const domain::Case> cases) const;
  // The reading of case `c`, if it has clocks.
  std::optional<engine::SlaReading> Of(const domain::Case& c) const;
  // The instant readings are taken at: the clock's now (the system clock's without one).
  UnixMillis Now() const;

 private:
  ports::Store* store_ = nullptr;
  const engine::SlaTracker* tracker_ = nullptr;
  const Clock* clock_ = nullptr;
};

}  // namespace fr::api
