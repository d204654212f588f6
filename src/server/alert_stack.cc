#include "server/alert_stack.h"

#include <algorithm>
#include <map>

#include "base/log.h"
#include "channels/notify/email_alert_sink.h"
#include "channels/notify/webhook_alert_sink.h"
#include "domain/metrics/volume_series.h"

namespace fr::server {
namespace {

constexpr std::chrono::milliseconds kPeriod{30'000};

std::vector<std::unique_ptr<ports::AlertSink>> SinksOf(const AlertsConfig& alerts, const Clock& clock) {
  std::vector<std::unique_ptr<ports::AlertSink>> sinks;
  if (alerts.webhook) {
    sinks.push_back(std::make_unique<channels::notify::WebhookAlertSink>(*alerts.webhook, clock));
  }
  if (alerts.email) {
    sinks.push_back(std::make_unique<channels::notify::EmailAlertSink>(*alerts.email, clock));
  }
  return sinks;
}

}  // namespace

engine::SeriesLabeler SeriesLabelerOf(const ServerConfig& config) {
  using domain::Platform;
  std::map<std::string, std::string> names;
  auto name = [&names](Platform platform, const std::string& id, const std::string& label) {
    if (!id.empty()) {
      names[domain::metrics::VolumeSeriesOf(platform, id, {}).front()] =
          std::string(domain::PlatformName(platform)) + " " + label;
    }
  };
  if (config.x) {
    for (const auto& a : config.x->accounts) name(Platform::kX, a.user_id, "@" + a.handle);
  }
  if (config.meta) {
    for (const auto& page : config.meta->pages) {
      name(Platform::kFacebook, page.page_id, page.name);
      name(Platform::kMessenger, page.page_id, page.name);
      name(Platform::kInstagram, page.instagram_user_id, page.name);
    }
  }
  return [names = std::move(names)](const std::string& series) {
    if (auto found = names.find(series); found != names.end()) return found->second;
    const auto ref = domain::metrics::ParseVolumeSeries(series);
    if (ref && ref->is_rule) return "rule " + ref->rule_id;
    return series;
  };
}

AlertStack::AlertStack(const ServerConfig& config, ports::Store& store, const Clock& clock,
                       engine::EventHub& hub, metrics::Registry& metrics, engine::CrisisDesk& crisis)
    : watcher_(std::make_unique<engine::SpikeWatcher>(store, clock)),
      explainer_(std::make_unique<engine::SpikeExplainer>(store)),
      crisis_(crisis),
      crisis_series_(config.alerts.start_crisis_on),
      crisis_statement_(config.alerts.crisis_holding_statement),
      label_(SeriesLabelerOf(config)),
      started_(metrics.GetCounter("feedroom_spikes_started_total",
                                  "Spikes the spike watcher raised (docs/spikes.md)")),
      failures_(metrics.GetCounter("feedroom_spike_watch_failures_total",
                                   "Spike watcher passes that failed on the store")),
      pacer_([this] { return Pass(); }) {
  engine::AlertDispatcherOptions options;
  options.public_url = config.alerts.public_url;
  dispatcher_ = std::make_unique<engine::AlertDispatcher>(
      store, *explainer_, hub, clock, metrics, SinksOf(config.alerts, clock), label_, options);
}

AlertStack::~AlertStack() { Stop(); }

void AlertStack::Start() {
  auto resumed = dispatcher_->Resume();
  if (!resumed.ok()) {
    FR_LOG(kWarn, "alerts", "alert outbox not read: {}", resumed.status().ToString());
  } else if (*resumed > 0) {
    FR_LOG(kInfo, "alerts", "{} alert deliveries resumed from the outbox", *resumed);
  }
  pacer_.Start();
}

void AlertStack::Stop() {
  if (!pacer_.Stop()) return;
  if (dispatcher_->pending() > 0) {
    FR_LOG(kInfo, "alerts", "{} alert deliveries wait in the outbox for the next start",
           dispatcher_->pending());
  }
}

std::chrono::milliseconds AlertStack::Pass() {
  auto changed = watcher_->Tick();
  if (!changed.ok()) {
    failures_->Add();
    FR_LOG(kWarn, "spikes", "spike watch failed: {}", changed.status().ToString());
  } else {
    for (const auto& a : *changed) {
      if (!a.ended_at) started_->Add();
    }
    dispatcher_->Notify(*changed);
    StartCrisisOn(*changed);
  }
  dispatcher_->DeliverDue();
  return kPeriod;
}

void AlertStack::StartCrisisOn(const std::vector<ports::SpikeAlert>& changed) {
  for (const ports::SpikeAlert& a : changed) {
    if (a.ended_at || a.kind != domain::metrics::SpikeKind::kVolume || crisis_.Running()) continue;
    if (std::find(crisis_series_.begin(), crisis_series_.end(), a.series) == crisis_series_.end()) {
      continue;
    }
    domain::crisis::Crisis spec;
    spec.name = label_(a.series);
    spec.holding_statement = crisis_statement_;
    spec.spike_id = a.id;
    const auto ref = domain::metrics::ParseVolumeSeries(a.series);
    if (ref && ref->is_rule) {
      spec.rule_ids = {ref->rule_id};
    } else if (auto explained = explainer_->Explain(a); explained.ok()) {
      // An account's spike is about what its messages newly say: its top three words.
      for (const auto& t : explained->explanation.top_terms) {
        if (spec.terms.size() < 3) spec.terms.push_back(t.term);
      }
    }
    if (spec.rule_ids.empty() && spec.terms.empty()) {
      FR_LOG(kWarn, "crisis", "spike {} names no words; crisis mode not started", a.id);
      continue;
    }
    auto started = crisis_.Start(std::nullopt, std::move(spec));
    if (!started.ok()) {
      FR_LOG(kWarn, "crisis", "spike {} did not start crisis mode: {}", a.id, started.status().ToString());
    }
  }
}

}  // namespace fr::server
