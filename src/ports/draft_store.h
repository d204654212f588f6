// The drafts part of the Store port: each agent's unsent words per case (domain/draft.h),
// kept so that nothing typed is lost with a session. Reached through StoreTxn::drafts()
// inside a WriteBatch and Store::drafts() for reads.
#pragma once

#include <optional>

#include "base/status.h"
#include "domain/draft.h"

namespace fr::ports {

// Writes, inside a WriteBatch. Errors beyond kUnavailable / kInternal are listed per method.
class DraftTxn {
 public:
  virtual ~DraftTxn() = default;

  // Stores `d` as the draft of (d.user_id, d.case_id), replacing the one stored. Stores the
  // texts as given (the caller normalises them). kNotFound if the user or the case is unknown.
  virtual Status PutDraft(const domain::Draft& d) = 0;
  // Deletes the draft of `user` for case `case_id`. Returns whether there was one.
  virtual Result<bool> DeleteDraft(domain::UserId user, domain::CaseId case_id) = 0;
};

// Reads; any thread.
class DraftReader {
 public:
  virtual ~DraftReader() = default;

  // The draft of `user` for case `case_id`, or nullopt.
  virtual Result<std::optional<domain::Draft>> GetDraft(domain::UserId user,
                                                        domain::CaseId case_id) = 0;
};

}  // namespace fr::ports
