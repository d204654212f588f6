// Drafts kept on the server (engine/reply/draft_keeper.h), each the caller's own:
//   GET    /api/v1/cases/{id}/draft  work_cases  200 the draft; 404 "no_draft", "not_found"
//   PUT    /api/v1/cases/{id}/draft  work_cases  {"route","text"?,"public_text"?,"private_text"?}
//                                    → 200 the draft as stored (texts NFC, ≤ 10,000 chars each)
//   DELETE /api/v1/cases/{id}/draft  work_cases  204, also when there was none
// A draft: {"case_id","route","text","public_text","private_text","updated_at"}.
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "engine/reply/draft_keeper.h"

namespace fr::api {

// `gate` and `drafts` must outlive the router.
void AddDraftRoutes(Router& router, const AuthGate& gate, engine::DraftKeeper& drafts);

}  // namespace fr::api
