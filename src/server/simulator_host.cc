#include "server/simulator_host.h"

#include <chrono>
#include <cstdio>
#include <utility>
#include <vector>

#include "api/error_response.h"
#include "api/http_server.h"
#include "api/router.h"
#include "base/clock.h"
#include "base/log.h"
#include "base/metrics.h"
#include "channels/common/http_client.h"
#include "channels/sim/scenario.h"
#include "channels/sim/scenario_player.h"
#include "channels/sim/sim_platform.h"
#include "server/scenario_feed.h"
#include "server/sim_exchange.h"
#include "server/simulator_config.h"
#include "server/stop_signals.h"
#include "server/timer_thread.h"
#include "server/webhook_forwarder.h"

namespace fr::server {
namespace {

constexpr char kLog[] = "simulate";
constexpr int kHttpThreads = 2;

}  // namespace

// Members are declared in construction order; Stop() tears them down in the safe order.
struct SimulatorHost::Parts {
  SystemClock clock;
  metrics::Registry metrics;
  std::unique_ptr<channels::sim::SimPlatform> platform;
  std::unique_ptr<WebhookForwarder> forwarder;
  TimerThread held_answers;  // answers an injected fault delays
  api::Router router;
  std::unique_ptr<api::HttpServer> http;
  std::unique_ptr<ScenarioFeed> feed;  // the scenario (maybe empty) and on-demand steps
  std::uint16_t port = 0;
  bool stopped = false;

  // Answers one request to the simulated platforms and sends the webhooks it causes.
  void Handle(const api::ApiRequest& request, api::Responder respond) {
    channels::sim::SimResponse answer =
        platform->Handle(ToSimRequest(request), clock.NowMillis());
    // The path only: a Graph API query may carry an access token.
    FR_LOG(kInfo, kLog, "{} {} -> {}{}", request.method, request.path, answer.status,
           answer.delay_ms > 0 ? " (held " + std::to_string(answer.delay_ms) + " ms)" : "");
    std::vector<channels::sim::OutgoingWebhook> webhooks = std::move(answer.webhooks);
    const std::chrono::milliseconds delay(answer.delay_ms);
    api::ApiResponse response = ToApiResponse(std::move(answer));
    if (delay.count() > 0) {
      // The platform has acted already; only its answer is late, as a client that times out
      // sees it. The echo goes out now.
      forwarder->Send(std::move(webhooks));
      held_answers.Schedule(delay, [respond = std::move(respond),
                                    response = std::move(response)]() mutable {
        respond(std::move(response));
      });
      return;
    }
    respond(std::move(response));
    forwarder->Send(std::move(webhooks));
  }

  // POST /sim/steps: one step played now (docs/simulator.md); 202 once its webhook is queued
  // for Feedroom.
  void PlayStep(const api::ApiRequest& request, api::Responder respond) {
    Result<std::string> id = feed->PlayNow(request.body);
    if (!id.ok()) {
      FR_LOG(kWarn, kLog, "on-demand step refused reason={} {}", id.status().reason(),
             id.status().message());
      return respond(api::ErrorResponse(id.status()));
    }
    respond(api::JsonResponse("{\"queued\":true,\"external_id\":" + api::JsonQuote(*id) + "}",
                              202));
  }
};

Result<std::unique_ptr<SimulatorHost>> SimulatorHost::Start(const ServerConfig& config,
                                                            const SimulateOptions& options) {
  auto target = ParseBaseUrl(options.target);
  if (!target.ok()) {
    return Status(Errc::kInvalidArgument, "bad_option", "--target " + target.status().message());
  }
  if (!(options.speed > 0)) {
    return Status(Errc::kInvalidArgument, "bad_option", "--speed must be a positive number");
  }
  auto parts = std::make_unique<Parts>();
  parts->platform = std::make_unique<channels::sim::SimPlatform>(SimConfigFor(config));

  // The scenario is checked against the accounts (its brand posts made) before serving.
  // Without one, an empty scenario takes on-demand steps only.
  channels::sim::Scenario scenario;
  if (!options.scenario_path.empty()) {
    FR_ASSIGN_OR_RETURN(scenario, channels::sim::LoadScenarioFile(options.scenario_path));
  }
  const std::int64_t length_ms =
      scenario.steps.empty() ? 0 : scenario.steps.back().at_seconds * 1000;
  if (!options.scenario_path.empty()) {
    FR_LOG(kInfo, kLog, "playing {} ({} steps over {} s) at speed {}", options.scenario_path,
           scenario.steps.size(), length_ms / 1000, options.speed);
  }
  const ScenarioPace pace(parts->clock.NowMillis(), length_ms, options.speed);
  auto player = channels::sim::ScenarioPlayer::Start(std::move(scenario), *parts->platform,
                                                     pace.scenario_start());
  if (!player.ok()) {
    return Status(Errc::kInvalidArgument, player.status().reason(),
                  options.scenario_path + ": " + player.status().message());
  }

  WebhookForwarderOptions forwarding;
  forwarding.target = *target;
  parts->forwarder = std::make_unique<WebhookForwarder>(forwarding, channels::SendHttp);
  parts->router.Add("POST", "/sim/steps",
                    [p = parts.get()](const api::ApiRequest& request, api::Responder respond) {
                      p->PlayStep(request, std::move(respond));
                    });
  parts->router.SetFallback([p = parts.get()](const api::ApiRequest& request,
                                              api::Responder respond) {
    p->Handle(request, std::move(respond));
  });
  api::HttpServerOptions http_options;
  http_options.host = options.listen_host;
  http_options.port = options.listen_port;
  http_options.threads = kHttpThreads;
  parts->http = std::make_unique<api::HttpServer>(http_options, parts->router, parts->metrics);
  // Playing starts before serving, so that POST /sim/steps always has a feed.
  parts->feed =
      std::make_unique<ScenarioFeed>(std::move(*player), pace, parts->clock, *parts->forwarder);
  FR_ASSIGN_OR_RETURN(parts->port, parts->http->Start());
  FR_LOG(kInfo, kLog, "simulating X and Meta on {}:{}; webhooks go to {}", options.listen_host,
         parts->port, *target);
  return std::unique_ptr<SimulatorHost>(new SimulatorHost(std::move(parts)));
}

SimulatorHost::SimulatorHost(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

SimulatorHost::~SimulatorHost() { Stop(); }

std::uint16_t SimulatorHost::port() const { return parts_->port; }

void SimulatorHost::Stop() {
  if (parts_->stopped) return;
  parts_->stopped = true;
  parts_->http->StopAccepting();
  parts_->feed->Stop();
  parts_->held_answers.Stop();  // every held answer goes out now
  parts_->http->Stop();
  parts_->forwarder->Stop();
  FR_LOG(kInfo, kLog, "stopped");
}

int RunSimulatorUntilSignalled(const ServerConfig& config, const SimulateOptions& options) {
  BlockStopSignals();
  log::SetLevel(config.log_level);
  auto host = SimulatorHost::Start(config, options);
  if (!host.ok()) {
    std::fprintf(stderr, "feedroom simulate: %s\n", host.status().message().c_str());
    const Errc code = host.status().code();
    return code == Errc::kInvalidArgument || code == Errc::kNotFound ? 2 : 1;
  }
  std::printf("feedroom simulate: listening on http://%s:%u\n", options.listen_host.c_str(),
              static_cast<unsigned>((*host)->port()));
  std::fflush(stdout);
  const int received = WaitForStopSignal();
  FR_LOG(kInfo, kLog, "signal {} received, shutting down", received);
  (*host)->Stop();
  return 0;
}

}  // namespace fr::server
