// SlaScheduler: raises the SLA warnings and breaches that come due, and escalates.
//
// The due times live in the store with the clocks (SlaTracker writes them with every case
// change), so the scheduler keeps no timers of its own: every `interval` (and when woken) it
// asks the store which thresholds have come and raises each once — a "sla_warning" or
// "sla_breached" entry in the case's history, plus the escalation plan's actions: an
// "escalated" entry for the supervisors, a priority one step up, a re-assignment through the
// routing sweep. After a restart the first pass raises whatever came due while it was down:
// that is the re-arming. Each alert is raised in one transaction that re-reads the clock, so
// a reply that stopped the clock meanwhile wins and no alert is raised twice.
//
// Thread safety: RunOnce and Reconcile are serialised internally; Start/Stop/Wake from any
// thread.
#pragma once

#include <mutex>

#include "base/clock.h"
#include "base/pacer.h"
#include "base/status.h"
#include "engine/route/routing_sweep.h"
#include "engine/sla/sla_tracker.h"
#include "engine/work/case_desk.h"
#include "ports/store.h"

namespace fr::engine {

struct SlaSchedulerOptions {
  UnixMillis interval = 1000;  // the longest an alert waits after it comes due
  int batch = 200;             // alerts raised per pass at most
};

struct SlaPassCounts {
  int warnings = 0;
  int breaches = 0;
  int reassigned = 0;
};

class SlaScheduler {
 public:
  // Everything referenced must outlive the scheduler. `sweep` (for kReassign) and `listener`
  // (told each history entry written) may be null / empty.
  SlaScheduler(ports::Store& store, const Clock& clock, const SlaTracker& tracker,
               RoutingSweep* sweep, SlaSchedulerOptions options, CaseChangeListener listener = {});
  ~SlaScheduler();  // Stop()

  // Brings the clocks of every active case in line with the current settings (a calendar or
  // policy may have changed since they were written). Run once before Start. Returns the
  // number of cases looked at. Errors: the store's.
  Result<int> Reconcile();

  void Start();
  // Finishes the current pass and joins the worker. Idempotent.
  void Stop();
  void Wake();

  // Raises every alert due now (up to options.batch); what the worker runs.
  // Errors: the store's.
  Result<SlaPassCounts> RunOnce();

 private:
  // Raises one alert; returns the history entries written (none if it was no longer due) and
  // whether the plan asks for a re-assignment.
  struct Raised;
  Result<Raised> Raise(const ports::SlaAlert& alert, UnixMillis now);
  // One RunOnce for the pacer, its failure logged; returns the interval.
  std::chrono::milliseconds Pass();

  ports::Store& store_;
  const Clock& clock_;
  const SlaTracker& tracker_;
  RoutingSweep* const sweep_;
  const SlaSchedulerOptions options_;
  CaseChangeListener listener_;

  std::mutex run_mu_;  // serialises RunOnce and Reconcile

  Pacer pacer_;  // last: its thread runs Pass, which uses everything above
};

}  // namespace fr::engine
