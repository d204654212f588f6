// Every /api/v1 route, registered in one place so the server and the RBAC matrix test build
// exactly the same API. Webhooks (/webhooks/*) and operations (/healthz, /readyz, /metrics)
// are registered separately: they are not behind the auth gate.
#pragma once

#include "api/auth_gate.h"
#include "api/case_sla.h"
#include "api/router.h"
#include "api/session_routes.h"
#include "api/settings_json.h"
#include "engine/crisis/crisis_desk.h"
#include "engine/feed/event_hub.h"
#include "engine/topics/topic_desk.h"
#include "engine/people/authenticator.h"
#include "engine/outbox/outbox.h"
#include "engine/people/directory.h"
#include "engine/reply/draft_keeper.h"
#include "engine/listen/listening_desk.h"
#include "engine/metrics/spike_explainer.h"
#include "engine/understand/label_desk.h"
#include "engine/reply/reply_desk.h"
#include "engine/route/presence.h"
#include "engine/route/routing_sweep.h"
#include "engine/work/case_desk.h"
#include "ports/store.h"

namespace fr::api {

// What the API routes act on. Everything referenced must outlive the router.
struct ApiServices {
  ports::Store& store;
  engine::Authenticator& authenticator;
  engine::Directory& directory;
  engine::CaseDesk& desk;
  engine::Presence& presence;
  engine::RoutingSweep* sweep;  // woken when work may be routable; may be null
  engine::ReplyDesk& replies;
  engine::Outbox& outbox;
  engine::EventHub& hub;  // feeds GET /api/v1/stream
  SessionCookieOptions cookie;
  CaseSla sla = {};  // shows each case's SLA clock; empty: cases show "sla": null
  WorkPool* slow_work = nullptr;  // password hashing off the HTTP threads; null: inline
  SettingsView settings = {};  // what GET /api/v1/settings shows (copied; no secrets)
  engine::DraftKeeper* drafts = nullptr;  // /api/v1/cases/{id}/draft; null: no draft routes
  // /api/v1/listening/rules and /api/v1/messages/{id}/labels; null (either): no such routes.
  engine::ListeningDesk* listening = nullptr;
  engine::LabelDesk* labels = nullptr;
  // Explains spikes for GET /api/v1/alerts/{id}; null: no metrics or alert routes.
  const engine::SpikeExplainer* spikes = nullptr;
  // Crisis mode (/api/v1/crisis, /api/v1/crises); null: no crisis routes.
  engine::CrisisDesk* crisis = nullptr;
  // Complaint topics (/api/v1/topics); null: no topic routes. Jira issues go to this project.
  engine::TopicDesk* topics = nullptr;
  std::string jira_project = "FEED";
};

void AddApiRoutes(Router& router, const AuthGate& gate, const ApiServices& services);

}  // namespace fr::api
