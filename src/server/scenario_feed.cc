#include "server/scenario_feed.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "base/log.h"

namespace fr::server {

ScenarioPace::ScenarioPace(UnixMillis wall_start, std::int64_t length_ms, double speed)
    : wall_start_(wall_start), speed_(speed) {
  // Playing takes length / speed of wall time, so the speed-up saves length - length / speed.
  const double saved = std::max(0.0, static_cast<double>(length_ms) * (1.0 - 1.0 / speed));
  scenario_start_ = wall_start - static_cast<UnixMillis>(std::llround(saved));
}

UnixMillis ScenarioPace::ScenarioTime(UnixMillis wall) const {
  return scenario_start_ +
         static_cast<UnixMillis>(std::floor(static_cast<double>(wall - wall_start_) * speed_));
}

UnixMillis ScenarioPace::WallTime(UnixMillis scenario) const {
  UnixMillis wall = wall_start_ + static_cast<UnixMillis>(std::ceil(
                                      static_cast<double>(scenario - scenario_start_) / speed_));
  // Floating-point rounding may land a millisecond short; the answer must not be early.
  while (ScenarioTime(wall) < scenario) ++wall;
  return wall;
}

ScenarioFeed::ScenarioFeed(channels::sim::ScenarioPlayer player, ScenarioPace pace,
                           const Clock& clock, WebhookForwarder& forwarder)
    : player_(std::move(player)),
      pace_(pace),
      clock_(clock),
      forwarder_(forwarder),
      scripted_(player_.NextDueAt().has_value()),
      thread_([this] { Loop(); }) {}

ScenarioFeed::~ScenarioFeed() { Stop(); }

void ScenarioFeed::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

Result<std::string> ScenarioFeed::PlayNow(std::string_view step_json) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return Status(Errc::kUnavailable, "stopping", "the simulator is stopping");
  const UnixMillis wall = clock_.NowMillis();
  // The scripted steps due by now go first, even if the feed's thread has not woken for them.
  // A failing one is skipped as the thread would skip it; the next call plays the rest.
  while (player_.NextDueAt() && *player_.NextDueAt() <= pace_.ScenarioTime(wall)) {
    PlayDueSteps(wall);
  }
  FR_ASSIGN_OR_RETURN(channels::sim::PostedAction posted,
                      player_.PlayNow(step_json, std::min(pace_.ScenarioTime(wall), wall)));
  FR_LOG(kInfo, "simulate", "on-demand step played id={}", posted.id);
  if (posted.webhook) {
    std::vector<channels::sim::OutgoingWebhook> webhooks;
    webhooks.push_back(std::move(*posted.webhook));
    forwarder_.Send(std::move(webhooks));
  }
  return std::move(posted.id);
}

void ScenarioFeed::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    const std::optional<UnixMillis> due = player_.NextDueAt();
    if (!due) {
      if (scripted_) FR_LOG(kInfo, "simulate", "scenario played to the end");
      return;
    }
    const UnixMillis wait = pace_.WallTime(*due) - clock_.NowMillis();
    if (wait > 0) {
      wake_.wait_for(lock, std::chrono::milliseconds(wait), [this] { return stopping_; });
      continue;
    }
    PlayDueSteps(clock_.NowMillis());
  }
}

void ScenarioFeed::PlayDueSteps(UnixMillis wall) {
  const UnixMillis scenario_now = pace_.ScenarioTime(wall);
  auto webhooks = player_.PlayDue(scenario_now);
  if (!webhooks.ok()) {
    FR_LOG(kWarn, "simulate", "scenario step skipped: {}", webhooks.status().ToString());
    return;
  }
  FR_LOG(kInfo, "simulate", "scenario at +{} s: step(s) played, {} webhook(s)",
         (scenario_now - pace_.scenario_start()) / 1000, webhooks->size());
  if (!webhooks->empty()) forwarder_.Send(std::move(*webhooks));
}

}  // namespace fr::server
