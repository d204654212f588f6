#include "channels/sim/scenario_player.h"

#include <utility>

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
  return player;
}

Result<CustomerAction> ScenarioPlayer::ActionFor(const ScenarioStep& step) const {
  CustomerAction action;
  action.kind = step.kind;
  for (const ScenarioCustomer& c : scenario_.customers) {
    if (c.key == step.customer) action.customer = c.customer;  // ParseScenario checked it exists
  }
  action.account_id = step.account_id;
  action.text = step.text;
  if (!step.in_reply_to.empty()) {
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
    FR_ASSIGN_OR_RETURN(CustomerAction action, ActionFor(step));
    FR_ASSIGN_OR_RETURN(PostedAction posted, platform_->Post(action, DueAt(step)));
    if (!step.id.empty()) step_ids_[step.id] = posted.id;
    out.push_back(std::move(posted.webhook));
  }
  return out;
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
