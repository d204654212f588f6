// Playing a scenario in real time for `feedroom simulate`. ScenarioPace maps the scenario's
// timeline onto the wall clock, sped up or slowed down; ScenarioFeed plays the steps as they
// come due, on its own thread, and on-demand steps (POST /sim/steps) at once, and hands their
// webhooks to a WebhookForwarder in the order they played.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
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

// Thread safety: PlayNow and Stop may be called from any thread; the player is used under
// the feed's lock.
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

  // Plays an on-demand step given as JSON (ScenarioPlayer::PlayNow) now, after every
  // scripted step due by now: dated at the scenario's current time, or the wall time once the
  // scenario has run past it, so it is never dated in the future nor before a step already
  // played. Its webhook (if it addresses the brand) is forwarded after theirs, with the same
  // retries. Returns the platform id given to the message. Errors: those of
  // ScenarioPlayer::PlayNow; kUnavailable "stopping" once Stop was called.
  Result<std::string> PlayNow(std::string_view step_json);

  // Plays no more steps and joins the thread. Idempotent.
  void Stop();

 private:
  void Loop();
  // Plays the scenario's steps due at wall time `wall` and forwards their webhooks (a step
  // the platform rejects is logged and skipped). REQUIRES: mu_ is held.
  void PlayDueSteps(UnixMillis wall);

  channels::sim::ScenarioPlayer player_;
  const ScenarioPace pace_;
  const Clock& clock_;
  WebhookForwarder& forwarder_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mu_
  const bool scripted_;    // the scenario has steps of its own (else: on-demand steps only)
  std::thread thread_;
};

}  // namespace fr::server
