#include "server/server.h"

#include <algorithm>
#include <cstdio>
#include <thread>

#include "api/api_routes.h"
#include "api/http_server.h"
#include "api/ops_routes.h"
#include "api/router.h"
#include "api/security_headers.h"
#include "api/web_assets.h"
#include "api/web_routes.h"
#include "api/webhook_routes.h"
#include "base/clock.h"
#include "base/log.h"
#include "base/metrics.h"
#include "base/pacer.h"
#include "channels/meta/meta_sender.h"
#include "channels/notify/signed_webhook.h"
#include "channels/meta/meta_webhook.h"
#include "channels/x/x_sender.h"
#include "channels/x/x_webhook.h"
#include "engine/crisis/crisis_desk.h"
#include "engine/feed/event_hub.h"
#include "engine/feed/feed_listeners.h"
#include "engine/ingest/ingestor.h"
#include "engine/people/authenticator.h"
#include "engine/outbox/outbox.h"
#include "engine/people/directory.h"
#include "engine/reply/draft_keeper.h"
#include "engine/reply/reply_desk.h"
#include "engine/route/presence.h"
#include "engine/route/routing_sweep.h"
#include "engine/sla/sla_scheduler.h"
#include "engine/metrics/metrics_keeper.h"
#include "engine/sla/sla_tracker.h"
#include "engine/understand/label_desk.h"
#include "engine/topics/topic_desk.h"
#include "engine/topics/topic_keeper.h"
#include "engine/work/case_desk.h"
#include "server/alert_stack.h"
#include "server/commands.h"
#include "server/insight_stack.h"
#include "server/listening_sources.h"
#include "server/settings_view.h"
#include "server/stop_signals.h"
#include "storage/sqlite/sqlite_store.h"

namespace fr::server {

// Members are declared in construction order; Stop() tears them down in the safe order.
struct Server::Parts {
  SystemClock clock;
  metrics::Registry metrics;
  std::unique_ptr<storage::sqlite::SqliteStore> store;
  std::unique_ptr<engine::SlaTracker> sla;  // the store's case-write hook: outlives every writer
  std::unique_ptr<engine::MetricsKeeper> metrics_keeper;  // the batch-end hook: likewise
  std::unique_ptr<engine::EventHub> hub;  // the live feed; outlives every publisher and stream
  std::vector<std::unique_ptr<ports::WebhookChannel>> channels;
  // Understanding and listening: used by the ingestor's threading and by the API.
  InsightStack insight;
  std::unique_ptr<engine::LabelDesk> labels;
  std::unique_ptr<engine::Ingestor> ingestor;
  // Streams, searches and feeds; they submit to the ingestor, so they stop before it.
  std::vector<std::unique_ptr<ports::ListeningSource>> sources;
  std::unique_ptr<engine::Authenticator> authenticator;
  std::unique_ptr<engine::Presence> presence;
  std::unique_ptr<engine::CaseDesk> desk;
  std::unique_ptr<engine::RoutingSweep> sweep;
  std::unique_ptr<engine::SlaScheduler> sla_scheduler;
  // Crisis mode, its sweep every 5 seconds on its own thread.
  std::unique_ptr<engine::CrisisDesk> crisis;
  std::unique_ptr<Pacer> crisis_pacer;
  // Spike detection, explanation and alerts, every 30 seconds on its own thread.
  std::unique_ptr<AlertStack> alerts;
  // Complaint topics: found every 10 minutes on their own thread; shown and sent by the desk.
  std::unique_ptr<ports::OutboundWebhook> product_webhook;  // null: not configured
  std::unique_ptr<engine::TopicDesk> topic_desk;
  std::unique_ptr<engine::TopicKeeper> topic_keeper;
  std::unique_ptr<Pacer> topic_pacer;
  std::vector<std::unique_ptr<ports::ReplyGateway>> gateways;
  std::unique_ptr<engine::Outbox> outbox;
  std::unique_ptr<engine::ReplyDesk> replies;
  std::unique_ptr<engine::DraftKeeper> drafts;
  std::unique_ptr<engine::Directory> directory;
  std::unique_ptr<api::AuthGate> gate;
  std::unique_ptr<WorkPool> slow_work;  // argon2id off the HTTP threads
  std::unique_ptr<api::WebAssets> web;  // null: the web app is not built
  api::Router router;
  std::unique_ptr<api::HttpServer> http;
  std::uint16_t port = 0;
  bool stopped = false;
};

// Loads understanding and listening (insight_stack.h) and the label desk over the store.
Status Server::StartListening(const ServerConfig& config, Parts& parts) {
  FR_RETURN_IF_ERROR(LoadInsightStack(config, *parts.store, parts.clock, parts.insight));
  parts.labels = std::make_unique<engine::LabelDesk>(*parts.store, parts.clock);
  return Status::Ok();
}

Result<std::unique_ptr<Server>> Server::Start(const ServerConfig& config) {
  auto parts = std::make_unique<Parts>();

  FR_ASSIGN_OR_RETURN(parts->store, OpenStore(config));
  // Installed before anything writes a case (the ingestor's recovery does, at Start).
  FR_ASSIGN_OR_RETURN(std::vector<domain::Team> teams, parts->store->people().ListTeams());
  parts->sla = std::make_unique<engine::SlaTracker>(ResolveSlaSettings(config.sla, teams));
  parts->store->SetCaseWriteHook(
      [sla = parts->sla.get()](ports::StoreTxn& txn, const domain::Case& c) {
        return sla->Track(txn, c);
      });
  parts->metrics_keeper = std::make_unique<engine::MetricsKeeper>(
      [sla = parts->sla.get()](std::optional<domain::TeamId> team)
          -> const domain::sla::BusinessCalendar& { return sla->CalendarOf(team); });
  parts->store->SetBatchEndHook(
      [keeper = parts->metrics_keeper.get()](ports::StoreTxn& txn,
                                             std::span<const domain::CaseId> touched) {
        return keeper->Refresh(txn, touched);
      });
  parts->hub = std::make_unique<engine::EventHub>(parts->clock, parts->metrics);

  if (config.x) parts->channels.push_back(std::make_unique<channels::x::XWebhookChannel>(*config.x));
  if (config.meta) {
    parts->channels.push_back(std::make_unique<channels::meta::MetaWebhookChannel>(*config.meta));
  }
  std::vector<const ports::WebhookChannel*> channel_ptrs;
  for (const auto& c : parts->channels) channel_ptrs.push_back(c.get());
  parts->sources = MakeListeningSources(
      config, *parts->store, parts->clock,
      IngestSink([p = parts.get()] { return p->ingestor.get(); }), parts->metrics);
  std::vector<const ports::ListeningSource*> source_ptrs;
  for (const auto& s : parts->sources) source_ptrs.push_back(s.get());

  // Recovery re-parses stored deliveries with the channel or source that stored them.
  engine::DeliveryParser reparse = [channels = channel_ptrs, sources = source_ptrs](
                                       std::string_view name, std::string_view body)
      -> Result<domain::ParsedDelivery> {
    for (const ports::WebhookChannel* c : channels) {
      if (c->name() == name) return c->ParseStored(body);
    }
    for (const ports::ListeningSource* s : sources) {
      if (s->channel() == name) return s->ParseStored(body);
    }
    return Status(Errc::kInvalidArgument, "unknown_channel",
                  "no configured channel or listening source named " + std::string(name));
  };
  FR_RETURN_IF_ERROR(StartListening(config, *parts));
  engine::IngestOptions ingest = config.ingest;
  ingest.threading.insights = parts->insight.insights.get();
  parts->ingestor = std::make_unique<engine::Ingestor>(
      *parts->store, parts->clock, parts->metrics, ingest, std::move(reparse),
      engine::PublishThreaded(*parts->hub, *parts->store, parts->metrics));
  FR_RETURN_IF_ERROR(parts->ingestor->Start());

  api::AddOpsRoutes(parts->router, *parts->store, *parts->ingestor, parts->metrics);
  api::AddWebhookRoutes(parts->router, channel_ptrs, *parts->ingestor, parts->metrics);
  parts->authenticator =
      std::make_unique<engine::Authenticator>(*parts->store, parts->clock, config.auth);
  parts->directory = std::make_unique<engine::Directory>(*parts->store, parts->clock,
                                                         config.auth.password_cost);
  parts->gate = std::make_unique<api::AuthGate>(*parts->authenticator);
  parts->presence = std::make_unique<engine::Presence>(parts->clock, engine::PresenceOptions{});
  parts->desk = std::make_unique<engine::CaseDesk>(*parts->store, parts->clock,
                                                   engine::PublishCaseChanges(*parts->hub));
  parts->sweep = std::make_unique<engine::RoutingSweep>(*parts->store, parts->clock,
                                                        *parts->presence, config.routing,
                                                        engine::PublishCaseChanges(*parts->hub));
  parts->sla_scheduler = std::make_unique<engine::SlaScheduler>(
      *parts->store, parts->clock, *parts->sla, parts->sweep.get(), engine::SlaSchedulerOptions{},
      engine::PublishCaseChanges(*parts->hub));
  FR_ASSIGN_OR_RETURN(int reconciled, parts->sla_scheduler->Reconcile());
  FR_LOG(kInfo, "sla", "clocks of {} active cases brought in line with the configuration",
         reconciled);
  if (config.x) parts->gateways.push_back(std::make_unique<channels::x::XReplyGateway>(*config.x));
  if (config.meta) {
    parts->gateways.push_back(std::make_unique<channels::meta::MetaReplyGateway>(*config.meta));
  }
  std::vector<const ports::ReplyGateway*> gateway_ptrs;
  for (const auto& g : parts->gateways) gateway_ptrs.push_back(g.get());
  parts->outbox = std::make_unique<engine::Outbox>(
      *parts->store, parts->clock, gateway_ptrs, engine::OutboxOptions{}, parts->metrics,
      engine::PublishReplies(*parts->hub, *parts->store, parts->metrics));
  engine::ReplyDeskOptions reply_options = config.replies;
  if (config.x) {
    for (const auto& account : config.x->accounts) {
      reply_options.x_handles[account.user_id] = account.handle;
    }
  }
  parts->replies = std::make_unique<engine::ReplyDesk>(*parts->store, parts->clock, *parts->outbox,
                                                       gateway_ptrs, reply_options);
  parts->crisis = std::make_unique<engine::CrisisDesk>(*parts->store, parts->clock, *parts->desk,
                                                       parts->hub.get());
  FR_RETURN_IF_ERROR(parts->crisis->Load());
  parts->replies->SetCrisisDesk(parts->crisis.get());
  parts->crisis_pacer = std::make_unique<Pacer>([crisis = parts->crisis.get()] {
    if (auto swept = crisis->Sweep(); !swept.ok()) {
      FR_LOG(kWarn, "crisis", "crisis sweep failed: {}", swept.status().ToString());
    }
    return std::chrono::milliseconds(5'000);
  });
  // Two workers: one sign-in's hashing at a time per core; a burst beyond 64 waiting gets 503.
  parts->slow_work = std::make_unique<WorkPool>(2, 64);
  api::ApiServices services{*parts->store, *parts->authenticator, *parts->directory,
                            *parts->desk, *parts->presence, parts->sweep.get(),
                            *parts->replies, *parts->outbox, *parts->hub,
                            api::SessionCookieOptions{config.secure_cookies,
                                                      config.auth.session_lifetime},
                            api::CaseSla(*parts->store, *parts->sla, parts->clock),
                            parts->slow_work.get()};
  services.settings = SettingsViewOf(config, parts->clock.NowMillis());
  parts->drafts = std::make_unique<engine::DraftKeeper>(*parts->store, parts->clock);
  services.drafts = parts->drafts.get();
  services.listening = parts->insight.listening.get();
  services.labels = parts->labels.get();
  parts->alerts = std::make_unique<AlertStack>(config, *parts->store, parts->clock, *parts->hub,
                                               parts->metrics, *parts->crisis);
  if (config.alerts.product_webhook) {
    parts->product_webhook =
        std::make_unique<channels::notify::SignedWebhook>(*config.alerts.product_webhook, parts->clock);
  }
  engine::TopicDeskOptions topic_options;
  topic_options.public_url = config.alerts.public_url;
  topic_options.hebrew = config.alerts.language == channels::notify::AlertLanguage::kHebrew;
  parts->topic_desk = std::make_unique<engine::TopicDesk>(*parts->store, parts->product_webhook.get(),
                                                          topic_options);
  parts->topic_keeper = std::make_unique<engine::TopicKeeper>(*parts->store, parts->clock);
  parts->topic_pacer = std::make_unique<Pacer>([keeper = parts->topic_keeper.get()] {
    if (auto run = keeper->Run(); !run.ok()) {
      FR_LOG(kWarn, "topics", "topic run failed: {}", run.status().ToString());
    }
    return std::chrono::milliseconds(10 * 60'000);
  });
  services.topics = parts->topic_desk.get();
  services.jira_project = config.alerts.jira_project;
  services.spikes = &parts->alerts->explainer();
  services.crisis = parts->crisis.get();
  api::AddApiRoutes(parts->router, *parts->gate, services);

  Result<api::WebAssets> web = api::WebAssets::Load(config.web_root);
  if (web.ok()) {
    parts->web = std::make_unique<api::WebAssets>(std::move(web).value());
    FR_LOG(kInfo, "web", "web app loaded files={} kib={} root={}", parts->web->file_count(),
           parts->web->total_bytes() / 1024, config.web_root);
  } else {
    // Serving the API without the web app is useful (integrations, development): warn once,
    // and answer the web paths with 503 "web_not_built".
    FR_LOG(kWarn, "web", "web app not served: {}", web.status().message());
  }
  api::AddWebRoutes(parts->router, parts->web.get(), parts->metrics);

  api::HttpServerOptions http_options;
  http_options.default_headers = api::SecurityHeaders();
  http_options.host = config.listen_host;
  http_options.port = config.listen_port;
  http_options.threads =
      config.threads > 0 ? config.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  http_options.body_limit = config.body_limit;
  parts->http = std::make_unique<api::HttpServer>(http_options, parts->router, parts->metrics);
  FR_ASSIGN_OR_RETURN(parts->port, parts->http->Start());
  parts->sweep->Start();
  parts->sla_scheduler->Start();
  parts->alerts->Start();
  parts->crisis_pacer->Start();
  parts->topic_pacer->Start();
  FR_RETURN_IF_ERROR(parts->outbox->Start());
  for (const auto& s : parts->sources) {
    s->Start();
    FR_LOG(kInfo, "listening", "source {} started", s->channel());
  }
  FR_LOG(kInfo, "server", "serving on {}:{} with {} HTTP threads, data in {}", config.listen_host,
         parts->port, http_options.threads, config.data_dir);
  return std::unique_ptr<Server>(new Server(std::move(parts)));
}

Server::Server(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

Server::~Server() { Stop(); }

std::uint16_t Server::port() const { return parts_->port; }

void Server::Stop() {
  if (parts_->stopped) return;
  parts_->stopped = true;
  parts_->http->StopAccepting();
  for (const auto& s : parts_->sources) s->Stop();  // what they fetch goes to the ingestor
  parts_->sla_scheduler->Stop();  // before the sweep it re-assigns through
  parts_->alerts->Stop();  // before the crisis desk it may start a crisis through
  parts_->crisis_pacer->Stop();
  parts_->topic_pacer->Stop();
  parts_->sweep->Stop();
  parts_->outbox->Stop();  // the send in progress, if any, is recorded first
  parts_->ingestor->Stop();  // every queued delivery is written and answered
  parts_->slow_work->Stop();  // sign-ins already queued are answered
  // Closes the live streams; every worker that publishes to the hub has stopped above.
  parts_->http->Stop();
  FR_LOG(kInfo, "server", "stopped");
}

int RunUntilSignalled(const ServerConfig& config) {
  BlockStopSignals();
  log::SetLevel(config.log_level);
  auto server = Server::Start(config);
  if (!server.ok()) {
    std::fprintf(stderr, "feedroom: %s\n", server.status().message().c_str());
    return 1;
  }
  std::printf("feedroom: listening on http://%s:%u\n", config.listen_host.c_str(),
              static_cast<unsigned>((*server)->port()));
  std::fflush(stdout);
  const int received = WaitForStopSignal();
  FR_LOG(kInfo, "server", "signal {} received, shutting down", received);
  (*server)->Stop();
  return 0;
}

}  // namespace fr::server
