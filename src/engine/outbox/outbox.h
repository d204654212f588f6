// Outbox: every reply leaves through here. It stores a reply with a fresh idempotency key
// before any API call, holds it for a supervisor when it needs approval, and a sender worker
// hands it to the platform's ReplyGateway, retrying and throttling as each platform asks, and
// writes every step to the reply's audit log with the exact text at that moment.
//
// States (domain::ReplyStatus):
//
//   Enqueue ──▶ awaiting_approval ──Reject──▶ rejected
//      │               │ Approve (text may be edited)
//      ▼               ▼
//    queued ◀──retry── sending ──▶ sent        (also sent when its echo is matched)
//      └──due──────────▶ │ └─────▶ failed      (refused, invalid, or out of attempts)
//                        └─ in doubt: waits for its echo, then is sent again
//
// Sending a due reply: the gateway's Validate (no network); one synced write marks it
// kSending (attempts + 1, audit "send_attempt") with next_attempt_at at the end of an echo
// wait; only then the gateway's Send; a second write records the outcome (send_policy.h):
// sent, queued again for a retry, in doubt, or failed. A pause_account answer pauses every
// reply of that account on that gateway until the platform's time: the pause is kept in
// memory, and paused replies found due get that time as their next attempt.
//
// Exactly once, across crashes. A reply still in kSending is in doubt: the process died
// between the two writes, or the platform's answer was ambiguous (a timeout after the request
// went out, a 5xx). It is not sent again blindly. It waits up to options.echo_wait for the
// platform's echo (echo_matcher.h, called by the threader); an echo marks it sent. Only if no
// echo came by then is it sent again. The trade-off: an echo that arrives later than the echo
// wait (a platform's webhook backlog) means the customer gets the reply twice, and a reply
// that never reached the platform goes out one echo wait late. Platforms accept no
// idempotency key on these endpoints, so waiting for the echo is the only proof available.
//
// Every committed change of a reply's state is told to the listener (the live feed), from the
// thread that made it: the caller of Enqueue / Approve / Reject, or the sender.
//
// Thread safety: Enqueue, Approve, Reject and Wake may be called from any thread. The worker
// runs between Start and Stop; RunOnce is the worker's round, for tests that drive it by hand
// (REQUIRES: the worker is not running).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "base/pacer.h"
#include "base/metrics.h"
#include "base/status.h"
#include "domain/people.h"
#include "domain/reply.h"
#include "engine/outbox/send_policy.h"
#include "ports/reply_gateway.h"
#include "ports/store.h"

namespace fr::engine {

// Called with a reply as written, after the write committed. Must not block.
using ReplyListener = std::function<void(const domain::Reply&)>;

class Outbox {
 public:
  // `store`, `clock`, each gateway and `metrics` must outlive the Outbox. A reply goes to the
  // first gateway that Handles its platform. `listener` may be empty.
  Outbox(ports::Store& store, const Clock& clock, std::vector<const ports::ReplyGateway*> gateways,
         OutboxOptions options, metrics::Registry& metrics, ReplyListener listener = {});
  // Stops the worker if it runs.
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // Stores `reply` (id, key, status, attempts, times and outcome fields are set here): kQueued,
  // or kAwaitingApproval when reply.approval_reason is set; audited "written" by its author.
  // The author's saved draft of the case (engine/reply/draft_keeper.h) is deleted in the same
  // transaction. Returns the stored reply. Errors: kInvalidArgument "missing_case",
  // "unsupported_platform" (no gateway), or the gateway's Validate reason ("too_long",
  // "empty_text", ...); kUnavailable from the store.
  Result<domain::Reply> Enqueue(domain::Reply reply);

  // Releases a held reply to the sender, with `edited_text` instead of its text when given
  // (audited "edited", then "approved", both by `supervisor`). REQUIRES: the caller checked
  // that `supervisor` may approve. Returns the reply as stored. Errors: kNotFound; kConflict
  // "not_awaiting_approval"; the gateway's Validate reason for an edited text.
  Result<domain::Reply> Approve(domain::ReplyId id, domain::UserId supervisor,
                                std::optional<std::string> edited_text, std::string note);
  // Refuses a held reply for good (audited "rejected" by `supervisor`). Errors as Approve.
  Result<domain::Reply> Reject(domain::ReplyId id, domain::UserId supervisor, std::string note);

  // Starts the sender worker. Errors: kInternal "already_started".
  Status Start();
  // Stops the worker after the send in progress, if any, has been recorded.
  void Stop();
  // Makes the worker look for due replies now (after an enqueue or an approval).
  void Wake();

  // One round of the sender at `now`: sends the replies due (up to options.batch), records
  // each outcome, and refreshes the gauges. Returns how many replies it handed to a gateway.
  // Errors: the store's; replies not yet recorded stay due (or in doubt) for the next round.
  Result<int> RunOnce(UnixMillis now);

 private:
  using PauseKey = std::pair<const ports::ReplyGateway*, std::string>;  // gateway, account

  const ports::ReplyGateway* GatewayFor(domain::Platform platform) const;
  // The gateway's verdict on `reply` as it would be sent.
  Status Validate(const domain::Reply& reply) const;
  // Approve and Reject: loads the held reply, applies `review` and stores it with the audit
  // entries `review` returns, in one write.
  Result<domain::Reply> Review(
      domain::ReplyId id,
      const std::function<Result<std::vector<ports::ReplyAuditEntry>>(domain::Reply&)>& review);

  // Sends one due reply; true if the gateway was called.
  Result<bool> SendOne(const domain::Reply& due, UnixMillis now);
  // Applies `change` to reply due.id in one synced write, with the audit entry it returns if
  // any, provided the reply is still as the sender read it (status, attempts, next attempt).
  // Returns the reply as written, or nullopt if it moved on meanwhile (an echo, an edit).
  Result<std::optional<domain::Reply>> ChangeIfUnmoved(
      const domain::Reply& due,
      const std::function<std::optional<ports::ReplyAuditEntry>(domain::Reply&)>& change);
  // Fails a due reply without sending it.
  Status FailUnsent(const domain::Reply& due, UnixMillis now, std::string_view reason,
                    std::string code, std::string text);
  // Records the gateway's `outcome` for `sending` (as MarkSending wrote it).
  Status RecordOutcome(const domain::Reply& sending, const ports::ReplyGateway* gateway,
                       const ports::SendOutcome& outcome);
  // Moves the next attempt of the due replies of paused accounts to the pause's end.
  Status DeferPaused(const std::vector<std::pair<domain::Reply, UnixMillis>>& paused);
  // The end of a pause of `key` at `now`, if one is on.
  std::optional<UnixMillis> PausedUntil(const PauseKey& key, UnixMillis now);
  void RefreshGauges();

  // One sender round for the pacer, its failure logged and counted; returns how long to wait:
  // until the next reply is due, at most options.idle_poll.
  std::chrono::milliseconds Pass();
  bool stopping() const;

  ports::Store& store_;
  const Clock& clock_;
  const std::vector<const ports::ReplyGateway*> gateways_;
  const OutboxOptions options_;
  metrics::Registry& metrics_;
  const ReplyListener listener_;

  // Used by the sender only (the worker, or RunOnce's caller).
  std::mt19937_64 jitter_;
  std::map<PauseKey, UnixMillis> pauses_;

  Pacer pacer_;  // last: its thread runs Pass, which uses everything above
};

}  // namespace fr::engine
