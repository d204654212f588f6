// Listening rules and label corrections (docs/listening.md, docs/understanding.md):
//   GET    /api/v1/listening/rules       read_cases        200 {"rules":[rule…]} by id
//   PUT    /api/v1/listening/rules/{id}  manage_listening  {"query","action"?,"team"?,"enabled"?}
//          → 200 the rule, in force for the next message; 400 "invalid_rule" (the reason with
//          its column), "invalid_rule_id", "unknown_team", "invalid_action"
//   DELETE /api/v1/listening/rules/{id}  manage_listening  204; 404 "not_found"
//   POST   /api/v1/messages/{id}/labels  work_cases        {"task","label"} → 200 the message's
//          insight fields (json_views.h AddInsightFields) with "message_id"; 400 "invalid_label";
//          404 "not_found"
// A rule: {"id","query","action":"tag"|"escalate","team","enabled"}. Compiling the rule set
// runs on the slow-work pool, not on an HTTP thread.
#pragma once

#include "api/auth_gate.h"
#include "api/router.h"
#include "base/work_pool.h"
#include "engine/listen/listening_desk.h"
#include "engine/understand/label_desk.h"

namespace fr::api {

// `gate`, `listening`, `labels` and `slow_work` (may be null: inline) must outlive the router.
void AddListeningRoutes(Router& router, const AuthGate& gate, engine::ListeningDesk& listening,
                        engine::LabelDesk& labels, WorkPool* slow_work);

}  // namespace fr::api
