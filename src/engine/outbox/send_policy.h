// The outbox's retry rules as pure functions: what one send attempt's outcome does to a reply,
// and how long to back off when the platform gave no hint. No I/O and no clock: the Outbox
// (outbox.h) passes `now` and a jitter draw in, so the rules are the same in tests.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "domain/reply.h"
#include "ports/reply_gateway.h"
#include "ports/reply_store.h"

namespace fr::engine {

struct OutboxOptions {
  // Send calls per reply, the first included. Every call counts, throttled ones too, so this
  // also bounds how long a reply may wait through a 429 storm.
  std::int32_t max_attempts = 12;
  // Backoff after an answer without a retry hint (5xx, transport failure): base * 2^(n-1)
  // after the n-th attempt, at most cap, of which the upper half is random (jitter), so
  // replies that failed together do not come back together.
  UnixMillis backoff_base = 2'000;
  UnixMillis backoff_cap = 15 * 60'000;
  // How long a reply whose outcome is unknown (a crash mid-send, an ambiguous answer) waits
  // for the platform's echo before it is sent again. Longer means fewer duplicates when the
  // platform's webhooks lag, shorter means a lost reply goes out sooner. Must exceed the
  // gateways' send timeout.
  UnixMillis echo_wait = 5 * 60'000;
  // Replies taken per round of the sender.
  int batch = 50;
  // The longest the sender sleeps when nothing is due (it also notices replies other
  // processes stored).
  UnixMillis idle_poll = 5'000;
  // Seeds the jitter; 0 seeds it from std::random_device.
  std::uint64_t jitter_seed = 0;
};

// The backoff after attempt number `attempts` (1 for the first): base * 2^(attempts-1)
// capped at options.backoff_cap, its upper half scaled by `jitter` in [0, 1].
UnixMillis BackoffDelay(std::int32_t attempts, const OutboxOptions& options, double jitter);

// What ApplySendOutcome did, for the audit entry, the metrics and the sender's pauses.
struct OutcomeStep {
  ports::ReplyAuditAction action = ports::ReplyAuditAction::kSent;  // kSent, kRetry or kFailed
  std::string detail;  // the audit entry's detail ("retry_at=...", "ambiguous", ...)
  // The metrics reason: retries "throttled" (the platform said when), "transient" (no hint),
  // "ambiguous" (it may have been posted); failures "refused", "attempts_exhausted".
  std::string_view reason;
  UnixMillis pause_until = 0;  // non-zero: pause every reply of the account until then
};

// Applies `outcome` of the attempt `r` is in (status kSending, r.attempts counting it) at
// `now`:
//   kSent                  -> kSent, platform_id, sent_at = now, error fields cleared.
//   kRetryLater ambiguous  -> stays kSending (in doubt) until max(now + echo_wait, retry_at),
//                             when it is sent again unless its echo arrived.
//   kRetryLater otherwise  -> kQueued at retry_at when the platform gave one in the future,
//                             else now + BackoffDelay; kFailed instead once r.attempts reached
//                             max_attempts. pause_account pauses the account until then.
//   kFailed                -> kFailed.
// The platform's error code and text are kept on the reply verbatim (the last error of a
// retried reply, the reason of a failed one).
OutcomeStep ApplySendOutcome(domain::Reply& r, const ports::SendOutcome& outcome, UnixMillis now,
                             const OutboxOptions& options, double jitter);

}  // namespace fr::engine
