// ScenarioPlayer: plays a Scenario into a SimPlatform. At start it creates the scenario's brand
// posts and opens its feeds; then each call to PlayDue turns the steps that have come due into
// customer activity on the platform (which remembers it, so that the reply rules, the search
// and the feeds know it) and returns the webhooks announcing what addresses the brand, for the
// host to POST to Feedroom. A step's post is dated at its
// scheduled time (start + at), not at the moment it is played, so runs are reproducible.
// Thread safety: one thread at a time (the host's timer); the platform may be used by others.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "channels/sim/scenario.h"
#include "channels/sim/sim_platform.h"

namespace fr::channels::sim {

class ScenarioPlayer {
 public:
  // Creates the brand posts of `scenario` on `platform` and schedules its steps from `start`.
  // `platform` must outlive the player. Errors: those of SimPlatform::AddBrandPost (a brand
  // post's account is not configured).
  static Result<ScenarioPlayer> Start(Scenario scenario, SimPlatform& platform, UnixMillis start);

  // Plays, in order, every step due at `now` (start + at <= now) not played yet, and returns
  // the webhooks they produced in the same order (fewer than the steps when some, X posts and
  // forum posts, address nobody). Errors: those of SimPlatform::Post (e.g.
  // "unknown_account" for a step addressing an account that is not configured); the steps
  // before the failing one have played, and the failing one is skipped by later calls.
  Result<std::vector<OutgoingWebhook>> PlayDue(UnixMillis now);

  // Plays an on-demand step at once, dated `now`: one step in the scenario's shape as JSON
  // (channels/sim/scenario_step_json.h; docs/simulator.md), optionally with its customer
  // inline. It passes the checks a scenario file's step does, against the scenario's
  // customers and brand posts and the steps played so far (scenario or on demand; their ids
  // are what in_reply_to names). An inline customer is remembered under its key, so later
  // steps can name it; a key already used must keep its platform and id (the profile is
  // updated). Returns what the platform created (its id, the message's external id) and the
  // webhook announcing it, if any. Errors: kMalformed "malformed_json"; kInvalidArgument "bad_step"
  // naming the field ("kind: …", "customer.id: …", "id: is used by another step"); those of
  // SimPlatform::Post. A refused step changes nothing.
  // REQUIRES: `now` is not before the scenario's due steps' times (the caller dates it by the
  // same clock PlayDue runs on).
  Result<PostedAction> PlayNow(std::string_view step_json, UnixMillis now);

  // When the next step is due; nullopt once every step has played.
  std::optional<UnixMillis> NextDueAt() const;

  // The platform id of what the step with id `step_id` created; nullopt if it has not played
  // (or has no id).
  std::optional<std::string> PlayedId(std::string_view step_id) const;

 private:
  ScenarioPlayer(Scenario scenario, SimPlatform& platform, UnixMillis start)
      : scenario_(std::move(scenario)), platform_(&platform), start_(start) {}

  UnixMillis DueAt(const ScenarioStep& step) const { return start_ + step.at_seconds * 1000; }
  // The action step `step` of `customer` stands for, its references resolved to platform ids.
  Result<CustomerAction> ActionFor(const ScenarioStep& step, const Customer& customer) const;

  Scenario scenario_;
  SimPlatform* platform_;
  UnixMillis start_;
  std::size_t next_ = 0;                                      // the first step not played
  std::map<std::string, std::string, std::less<>> post_ids_;  // brand post key -> platform id
  std::map<std::string, std::string, std::less<>> step_ids_;  // step id -> platform id
  // On-demand steps that have an id, with their platform (what later steps may answer).
  std::vector<std::pair<ScenarioStep, domain::Platform>> on_demand_;
};

}  // namespace fr::channels::sim
