// DraftKeeper: keeps each agent's unsent words per case on the server (domain/draft.h), so
// that an expired session or a closed browser loses nothing. A draft is its author's alone:
// every call names the user, and nobody reads another user's draft. Storing a reply deletes
// its author's draft of the case in the same transaction (Outbox::Enqueue).
// Thread-safe (state lives in the store).
#pragma once

#include "base/clock.h"
#include "base/status.h"
#include "domain/draft.h"
#include "ports/store.h"

namespace fr::engine {

class DraftKeeper {
 public:
  // `store` and `clock` must outlive the keeper.
  DraftKeeper(ports::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The draft of `user` for case `case_id`. Errors: kNotFound "not_found" (no such case),
  // kNotFound "no_draft" (the case exists, the user has no draft of it).
  Result<domain::Draft> Get(domain::UserId user, domain::CaseId case_id);

  // Stores `draft` (its texts in NFC, updated_at now) as the draft of (draft.user_id,
  // draft.case_id), replacing any earlier one, and returns it as stored. Errors: those of
  // domain::NormalizeDraftTexts ("draft_too_long", "invalid_utf8"); kNotFound "not_found"
  // (no such case).
  Result<domain::Draft> Save(domain::Draft draft);

  // Deletes the draft of `user` for case `case_id`; OK when there is none. Errors: kNotFound
  // "not_found" (no such case).
  Status Discard(domain::UserId user, domain::CaseId case_id);

 private:
  ports::Store& store_;
  const Clock& clock_;
};

}  // namespace fr::engine
