// Playing a scenario in real time for `feedroom simulate`. ScenarioPace maps the scenario's
// timeline onto the wall clock, sped up or slowed down; ScenarioFeed plays the steps as they
// come due, on its own thread, and hands their webhooks to a WebhookForwarder.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "base/clock.h"
#include "channels/sim/scenario_player.h"
#include "server/webhook_forwarder.h"

namespace fr::server {

// Scenario time runs `speed` times as fast as wall time. So that no message is ever dated in
// the future when the scenario is sped up, its start is back-dated by the time the speed-up
// saves: the last step is dated at the moment it plays and the earlier ones keep their
// scripted spacing before it. At speed 1 (or slower) the scenario starts now. Plain value.
class ScenarioPace {
 public:
  // `wall_start`: when playing starts; `length_ms`: the time of the last step after the
  // start; REQUIRES: speed > 0.
  ScenarioPace(UnixMillis wall_start, std::int64_t length_ms, double speed);

  // The scenario's start in scenario time: what ScenarioPlayer::Start takes.
  UnixMillis scenario_start() const { return scenario_start_; }
  // The scenario time at wall time `wall`.
  UnixMillis ScenarioTime(UnixMillis wall) const;
  // The first wall time at which ScenarioTime reaches `scenario`.
  UnixMillis WallTime(UnixMillis scenario) const;

 private:
  UnixMillis wall_start_;
  UnixMillis scenario_start_;
  double speed_;
};

// Thread safety: Stop may be called from any thread; the player is used by the feed's thread
// only.
class ScenarioFeed {
 public:
  // Starts playing `player` (started at pace.scenario_start()) on a background thread:
  // each step when pace says it is due, by `clock`. `clock` and `forwarder` must outlive the
  // feed. A step the platform rejects is logged and skipped.
  ScenarioFeed(channels::sim::ScenarioPlayer player, ScenarioPace pace, const Clock& clock,
               WebhookForwarder& forwarder);
  ~ScenarioFeed();  // Stop()
  ScenarioFeed(const ScenarioFeed&) = delete;
  ScenarioFeed& operator=(const ScenarioFeed&) = delete;

  // Plays no more steps and joins the thread. Idempotent.
  void Stop();

 private:
  void Loop();

  channels::sim::ScenarioPlayer player_;
  const ScenarioPace pace_;
  const Clock& clock_;
  WebhookForwarder& forwarder_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace fr::server
