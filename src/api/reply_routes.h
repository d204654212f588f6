// Replies, approvals and the audit log:
//   POST /api/v1/cases/{id}/replies/check  {"route","text","target"?}  work_cases  review a draft
//   POST /api/v1/cases/{id}/replies        {"route","text","target"?}  work_cases  send (201)
//   POST /api/v1/cases/{id}/move-to-private {"public_text","private_text"}  work_cases (201)
//   GET  /api/v1/cases/{id}/replies                                    read_cases
//   GET  /api/v1/approvals                                             approve_replies
//   POST /api/v1/replies/{id}/approve      {"text"?,"note"?}           approve_replies
//   POST /api/v1/replies/{id}/reject       {"note"}                    approve_replies
//   GET  /api/v1/replies/{id}/audit                                    read_cases
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "engine/outbox/outbox.h"
#include "engine/reply/reply_desk.h"
#include "ports/store.h"

namespace fr::api {

// Everything passed must outlive the router.
void AddReplyRoutes(Router& router, const AuthGate& gate, engine::ReplyDesk& desk,
                    engine::Outbox& outbox, ports::Store& store);

}  // namespace fr::api
