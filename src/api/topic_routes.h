// Recurring complaint topics (docs/topics.md), for supervisors and admins (view_metrics):
//   GET  /api/v1/topics                 the topics with complaints in the period, most first:
//        200 {"items":[Topic…]} (count, previous_count, per-day trend, examples)
//   GET  /api/v1/topics/{id}/issue      the topic as a GitHub (format=github, the default) or
//        Jira (format=jira) issue body: 200 the JSON to post to their APIs; 404
//   POST /api/v1/topics/{id}/send       posts the topic to the product team's webhook
//        (event "topic.sent", signed): 200 {"delivered":true,"sent_at":…}; 409
//        "product_webhook_not_configured"; 502 "webhook_refused", 503 when it is unreachable
// Period parameters as the metrics routes read them (api/period_query.h); the issue and send
// routes default to the 14 days before now.
#pragma once

#include <string>

#include "api/auth_gate.h"
#include "api/router.h"
#include "base/clock.h"
#include "engine/topics/topic_desk.h"

namespace fr::api {

// `gate`, `desk` and `clock` must outlive the router. `jira_project` is the project key of
// the Jira issues offered.
void AddTopicRoutes(Router& router, const AuthGate& gate, engine::TopicDesk& desk,
                    const Clock& clock, std::string jira_project);

}  // namespace fr::api
