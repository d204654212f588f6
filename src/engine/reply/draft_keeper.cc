#include "engine/reply/draft_keeper.h"

#include <string>

#include "base/log.h"

namespace fr::engine {
namespace {

Status NoSuchCase(domain::CaseId id) {
  return Status(Errc::kNotFound, "not_found", "case " + std::to_string(id) + " not found");
}

// OK if case `id` exists, inside the transaction.
Status CaseExists(ports::StoreTxn& txn, domain::CaseId id) {
  FR_ASSIGN_OR_RETURN(std::optional<domain::Case> c, txn.GetCase(id));
  return c ? Status::Ok() : NoSuchCase(id);
}

}  // namespace

Result<domain::Draft> DraftKeeper::Get(domain::UserId user, domain::CaseId case_id) {
  FR_ASSIGN_OR_RETURN(std::optional<domain::Draft> draft, store_.drafts().GetDraft(user, case_id));
  if (draft) return std::move(*draft);
  FR_ASSIGN_OR_RETURN(std::optional<domain::Case> c, store_.work().GetCase(case_id));
  if (!c) return NoSuchCase(case_id);
  return Status(Errc::kNotFound, "no_draft", "no draft of yours for this case");
}

Result<domain::Draft> DraftKeeper::Save(domain::Draft draft) {
  if (Status s = domain::NormalizeDraftTexts(draft); !s.ok()) {
    FR_LOG(kInfo, "draft", "user={} case={} refused reason={}", draft.user_id, draft.case_id,
           s.reason());
    return s;
  }
  draft.updated_at = clock_.NowMillis();
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_RETURN_IF_ERROR(CaseExists(txn, draft.case_id));
    return txn.drafts().PutDraft(draft);
  }));
  FR_LOG(kDebug, "draft", "user={} case={} route={} saved", draft.user_id, draft.case_id,
         domain::DraftRouteName(draft.route));
  return draft;
}

Status DraftKeeper::Discard(domain::UserId user, domain::CaseId case_id) {
  return ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_RETURN_IF_ERROR(CaseExists(txn, case_id));
    return txn.drafts().DeleteDraft(user, case_id).status();
  });
}

}  // namespace fr::engine
