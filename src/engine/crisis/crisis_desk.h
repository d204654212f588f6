// CrisisDesk: runs crisis mode (domain/crisis/crisis.h; docs/crisis.md). A supervisor — or a
// rule, on a spike — starts a crisis; from then on:
//  * the sweep (Sweep, every few seconds) reads every customer message filed since it last
//    looked — at the start, those of the last `lookback` too — and records the case of each
//    one the crisis is about as related, raising it to the crisis's priority while it is
//    active (through CaseDesk, so the history and the live stream show it);
//  * IsRelated tells the ReplyDesk that a reply must wait for a supervisor (reason "crisis");
//  * everyone's live stream hears it start, change and end, with the holding statement.
// Ending it returns its summary, which stays available afterwards (SummaryOf).
// Thread-safe: the running crisis is kept behind a mutex; the rest is in the store.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>

#include "base/clock.h"
#include "base/status.h"
#include "domain/crisis/crisis.h"
#include "domain/people.h"
#include "engine/feed/event_hub.h"
#include "engine/work/case_desk.h"
#include "ports/store.h"

namespace fr::engine {

struct CrisisDeskOptions {
  std::int64_t lookback_ms = 24 * 3'600'000;  // messages before the start that count
  int sweep_batch = 1000;                      // messages read per store query
};

class CrisisDesk {
 public:
  // Everything referenced must outlive the desk; `hub` may be null (no live events).
  CrisisDesk(ports::Store& store, const Clock& clock, CaseDesk& cases, EventHub* hub,
             CrisisDeskOptions options = {});

  // Reads the running crisis from the store (at server start). Errors: the store's.
  Status Load();

  // Starts `spec` (its id, times and enders ignored) for `actor` (nullopt: a rule). Errors:
  // ValidateCrisis's; kConflict "crisis_running" while another runs.
  Result<domain::crisis::Crisis> Start(std::optional<domain::UserId> actor,
                                       domain::crisis::Crisis spec);
  // Replaces the name, terms, rules, holding statement and priority of the running crisis
  // `id`. Errors: ValidateCrisis's; kNotFound; kConflict "crisis_ended".
  Result<domain::crisis::Crisis> Update(std::int64_t id, const domain::crisis::Crisis& changes);
  // Ends the running crisis `id`, after a last sweep. Errors: kNotFound; kConflict
  // "crisis_ended".
  Result<std::pair<domain::crisis::Crisis, domain::crisis::CrisisSummary>> End(
      domain::UserId actor, std::int64_t id);

  // The running crisis, if any.
  std::optional<domain::crisis::Crisis> Running() const;
  // What `crisis` came to (so far, while it runs). Errors: the store's.
  Result<domain::crisis::CrisisSummary> SummaryOf(const domain::crisis::Crisis& crisis) const;

  // Whether a reply on case `case_id` answering `customer_text` is about the running crisis:
  // the text is, or the case was found related. False when none runs. Errors: the store's.
  Result<bool> IsRelated(domain::CaseId case_id, std::string_view customer_text) const;

  // Reads the messages filed since the last sweep and records and raises their cases.
  // Returns how many cases it raised. Errors: the store's (the same messages are read again
  // next time).
  Result<int> Sweep();

 private:
  struct Current {
    domain::crisis::Crisis crisis;
    std::shared_ptr<const domain::crisis::CrisisMatcher> matcher;
    std::int64_t swept_through = 0;
  };
  void Publish(CrisisChanged::Kind kind, const domain::crisis::Crisis& crisis,
               std::optional<domain::crisis::CrisisSummary> summary = std::nullopt);
  Result<int> SweepLocked();

  ports::Store& store_;
  const Clock& clock_;
  CaseDesk& cases_;
  EventHub* hub_;
  const CrisisDeskOptions options_;
  std::mutex sweep_mu_;   // one sweep (or start, update, end) at a time; taken before mu_
  mutable std::mutex mu_;  // guards running_
  std::optional<Current> running_;
};

}  // namespace fr::engine
