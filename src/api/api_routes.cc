#include "api/api_routes.h"

#include "api/case_routes.h"
#include "api/crisis_routes.h"
#include "api/draft_routes.h"
#include "api/listening_routes.h"
#include "api/metrics_routes.h"
#include "api/people_routes.h"
#include "api/read_routes.h"
#include "api/reply_routes.h"
#include "api/settings_routes.h"
#include "api/stream_route.h"
#include "api/topic_routes.h"

namespace fr::api {

void AddApiRoutes(Router& router, const AuthGate& gate, const ApiServices& s) {
  AddSessionRoutes(router, gate, s.authenticator, s.cookie, s.slow_work);
  AddPeopleRoutes(router, gate, s.directory, s.authenticator, s.store, s.slow_work);
  AddReadRoutes(router, gate, s.store, s.sla);
  AddCaseRoutes(router, gate, s.desk, s.presence, s.sweep, s.store, s.sla);
  AddReplyRoutes(router, gate, s.replies, s.outbox, s.store);
  if (s.drafts != nullptr) AddDraftRoutes(router, gate, *s.drafts);
  if (s.listening != nullptr && s.labels != nullptr) {
    AddListeningRoutes(router, gate, *s.listening, *s.labels, s.slow_work);
  }
  AddStreamRoute(router, gate, s.hub, s.presence, s.sweep, s.store, s.sla);
  if (s.spikes != nullptr) AddMetricsRoutes(router, gate, s.store, *s.spikes);
  if (s.crisis != nullptr) AddCrisisRoutes(router, gate, *s.crisis, s.store);
  if (s.topics != nullptr) AddTopicRoutes(router, gate, *s.topics, s.hub.clock(), s.jira_project);
  AddSettingsRoutes(router, gate, s.settings);
}

}  // namespace fr::api
