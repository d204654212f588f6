#include "channels/sim/scenario_player.h"

#include <algorithm>
#include <utility>

#include "channels/sim/scenario_rules.h"
#include "channels/sim/scenario_step_json.h"

namespace fr::channels::sim {

Result<ScenarioPlayer> ScenarioPlayer::Start(Scenario scenario, SimPlatform& platform,
                                             UnixMillis start) {
  ScenarioPlayer player(std::move(scenario), platform, start);
  for (const ScenarioBrandPost& post : player.scenario_.brand_posts) {
    // Brand posts predate the scenario: a customer's comment never precedes its post.
    FR_ASSIGN_OR_RETURN(std::string id,
                        platform.AddBrandPost(post.platform, post.account_id, post.text, start));
    player.post_ids_[post.key] = std::move(id);
  }
  // A feed is served from the start, not only once its first post has played.
  for (const ScenarioStep& step : player.scenario_.steps) {
    if (!step.feed.empty()) platform.OpenFeed(step.feed);
  }
  return player;
}

Result<CustomerAction> ScenarioPlayer::ActionFor(const ScenarioStep& step,
                                                 const Customer& customer) const {
  CustomerAction action;
  action.kind = step.kind;
  action.customer = customer;
  action.account_id = step.account_id;
  action.text = step.text;
  action.title = step.title;
  if (!step.feed.empty()) {
    action.target_id = step.feed;
  } else if (!step.in_reply_to.empty()) {
    auto parent = step_ids_.find(step.in_reply_to);
    if (parent == step_ids_.end()) {
      return Status(Errc::kInvalidArgument, "unknown_target",
                    "step " + step.in_reply_to + " did not play");
    }
    action.target_id = parent->second;
  } else if (!step.brand_post.empty()) {
    action.target_id = post_ids_.find(step.brand_post)->second;  // ParseScenario checked the key
  }
  return action;
}

Result<std::vector<OutgoingWebhook>> ScenarioPlayer::PlayDue(UnixMillis now) {
  std::vector<OutgoingWebhook> out;
  while (next_ < scenario_.steps.size() && DueAt(scenario_.steps[next_]) <= now) {
    const ScenarioStep& step = scenario_.steps[next_++];
    auto customer = std::find_if(scenario_.customers.begin(), scenario_.customers.end(),
                                 [&](const ScenarioCustomer& c) { return c.key == step.customer; });
    // ParseScenario checked that it exists; customers given later only update profiles.
    FR_ASSIGN_OR_RETURN(CustomerAction action, ActionFor(step, customer->customer));
    FR_ASSIGN_OR_RETURN(PostedAction posted, platform_->Post(action, DueAt(step)));
    if (!step.id.empty()) step_ids_[step.id] = posted.id;
    if (posted.webhook) out.push_back(std::move(*posted.webhook));
  }
  return out;
}

Result<PostedAction> ScenarioPlayer::PlayNow(std::string_view step_json, UnixMillis now) {
  FR_ASSIGN_OR_RETURN(internal::StepJson request, internal::ParseStepJson(step_json));
  auto error = [](std::string_view key, std::string_view what) {
    return Status(Errc::kInvalidArgument, "bad_step", std::string(key) + ": " + std::string(what));
  };
  // The customers with the inline one in place, kept only once the step has played.
  std::vector<ScenarioCustomer> customers = scenario_.customers;
  if (request.customer) {
    auto same_key = std::find_if(customers.begin(), customers.end(), [&](const auto& c) {
      return c.key == request.customer->key;
    });
    if (same_key == customers.end()) {
      customers.push_back(*request.customer);
    } else if (same_key->customer.platform != request.customer->customer.platform ||
               same_key->customer.person.id != request.customer->customer.person.id) {
      const Customer& taken = same_key->customer;
      return error("customer.key", "is used by another customer (" +
                                       std::string(domain::PlatformName(taken.platform)) + " " +
                                       taken.person.id + ")");
    } else {
      *same_key = *request.customer;
    }
  }
  internal::StepIndex index;
  for (const ScenarioCustomer& c : customers) index.customers.emplace(c.key, &c);
  for (const ScenarioBrandPost& p : scenario_.brand_posts) index.brand_posts.emplace(p.key, &p);
  for (const ScenarioStep& step : scenario_.steps) {
    if (step.id.empty()) continue;
    index.steps.emplace(step.id,
                        std::pair{&step, index.customers.at(step.customer)->customer.platform});
  }
  for (const auto& [step, platform] : on_demand_) {
    index.steps.emplace(step.id, std::pair{&step, platform});
  }

  request.step.at_seconds = std::max<UnixMillis>(0, now - start_) / 1000;
  FR_ASSIGN_OR_RETURN(ScenarioStep step, internal::CheckStep(request.step, index, error));
  if (!step.id.empty() && index.steps.count(step.id)) {
    return error("id", "is used by another step");
  }
  FR_ASSIGN_OR_RETURN(CustomerAction action,
                      ActionFor(step, index.customers.at(step.customer)->customer));
  FR_ASSIGN_OR_RETURN(PostedAction posted, platform_->Post(action, now));
  scenario_.customers = std::move(customers);
  if (!step.id.empty()) {
    step_ids_[step.id] = posted.id;
    const domain::Platform platform = action.customer.platform;
    on_demand_.emplace_back(std::move(step), platform);
  }
  return posted;
}

std::optional<UnixMillis> ScenarioPlayer::NextDueAt() const {
  if (next_ >= scenario_.steps.size()) return std::nullopt;
  return DueAt(scenario_.steps[next_]);
}

std::optional<std::string> ScenarioPlayer::PlayedId(std::string_view step_id) const {
  auto it = step_ids_.find(step_id);
  if (it == step_ids_.end()) return std::nullopt;
  return it->second;
}

}  // namespace fr::channels::sim
