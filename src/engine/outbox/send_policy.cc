#include "engine/outbox/send_policy.h"

#include <algorithm>

namespace fr::engine {

using domain::ReplyStatus;
using ports::ReplyAuditAction;
using ports::SendOutcome;

UnixMillis BackoffDelay(std::int32_t attempts, const OutboxOptions& options, double jitter) {
  UnixMillis delay = std::max<UnixMillis>(options.backoff_base, 1);
  for (std::int32_t i = 1; i < attempts && delay < options.backoff_cap; ++i) delay *= 2;
  delay = std::min(delay, options.backoff_cap);
  double j = std::clamp(jitter, 0.0, 1.0);
  return delay - delay / 2 + static_cast<UnixMillis>(static_cast<double>(delay / 2) * j);
}

OutcomeStep ApplySendOutcome(domain::Reply& r, const SendOutcome& outcome, UnixMillis now,
                             const OutboxOptions& options, double jitter) {
  OutcomeStep step;
  if (outcome.kind == SendOutcome::Kind::kSent) {
    r.status = ReplyStatus::kSent;
    r.platform_id = outcome.platform_id;
    r.sent_at = now;
    r.error_code.clear();
    r.error_text.clear();
    step.action = ReplyAuditAction::kSent;
    return step;
  }
  r.error_code = outcome.error_code;
  r.error_text = outcome.error_text;
  if (outcome.kind == SendOutcome::Kind::kFailed) {
    r.status = ReplyStatus::kFailed;
    step.action = ReplyAuditAction::kFailed;
    step.reason = "refused";
    return step;
  }

  const bool hinted = outcome.retry_at > now;
  const UnixMillis retry_at =
      hinted ? outcome.retry_at : now + BackoffDelay(r.attempts, options, jitter);
  if (outcome.pause_account) step.pause_until = retry_at;
  step.action = ReplyAuditAction::kRetry;
  if (outcome.ambiguous) {
    // It may be on the platform already: wait for its echo before sending it again.
    r.next_attempt_at = std::max(now + options.echo_wait, hinted ? outcome.retry_at : 0);
    step.reason = "ambiguous";
    step.detail = "ambiguous; echo_wait_until=" + std::to_string(r.next_attempt_at);
    return step;
  }
  if (r.attempts >= options.max_attempts) {
    r.status = ReplyStatus::kFailed;
    step.action = ReplyAuditAction::kFailed;
    step.reason = "attempts_exhausted";
    step.detail = "attempts=" + std::to_string(r.attempts);
    return step;
  }
  r.status = ReplyStatus::kQueued;
  r.next_attempt_at = retry_at;
  step.reason = hinted || outcome.pause_account ? "throttled" : "transient";
  step.detail = "retry_at=" + std::to_string(retry_at);
  if (outcome.pause_account) step.detail += "; account_paused";
  return step;
}

}  // namespace fr::engine
