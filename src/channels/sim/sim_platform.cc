#include "channels/sim/sim_platform.h"

#include <utility>

#include "channels/sim/feed_sim.h"
#include "channels/sim/meta_sim.h"
#include "channels/sim/sim_control.h"
#include "channels/sim/sim_request.h"
#include "channels/sim/sim_world.h"
#include "channels/sim/x_sim.h"

namespace fr::channels::sim {
namespace {

bool HasPrefix(std::string_view path, std::string_view prefix) {
  return path.substr(0, prefix.size()) == prefix;
}

}  // namespace

SimPlatform::SimPlatform(SimConfig config)
    : world_(std::make_unique<internal::SimWorld>(std::move(config))) {}

SimPlatform::~SimPlatform() = default;

SimResponse SimPlatform::Handle(const SimRequest& request, UnixMillis now) {
  std::lock_guard<std::mutex> lock(mu_);
  // The Graph API reads its own target (parameters may sit in the query).
  auto target = internal::ParseTarget(request.target);
  const std::string path = target.ok() ? target->path : "";
  if (HasPrefix(path, "/sim/")) return internal::HandleControl(request, path, faults_, *world_);
  if (path == "/2" || HasPrefix(path, "/2/")) {
    return internal::HandleXApi(*world_, faults_, request, *target, now);
  }
  if (HasPrefix(path, "/feeds/")) return internal::HandleFeedApi(*world_, request, *target);
  return internal::HandleGraphApi(*world_, faults_, request, now);
}

Result<PostedAction> SimPlatform::Post(const CustomerAction& action, UnixMillis at) {
  std::lock_guard<std::mutex> lock(mu_);
  switch (action.customer.platform) {
    case domain::Platform::kX:
      return internal::PostOnX(*world_, action, at);
    case domain::Platform::kRss:
      return internal::PostOnForum(*world_, action, at);
    default:
      return internal::PostOnMeta(*world_, action, at);
  }
}

Result<std::string> SimPlatform::AddBrandPost(domain::Platform platform,
                                              std::string_view account_id, std::string_view text,
                                              UnixMillis at) {
  std::lock_guard<std::mutex> lock(mu_);
  if (platform == domain::Platform::kX) {
    return internal::AddXBrandPost(*world_, account_id, text, at);
  }
  return internal::AddMetaBrandPost(*world_, platform, account_id);
}

void SimPlatform::OpenFeed(std::string_view feed_id) {
  std::lock_guard<std::mutex> lock(mu_);
  world_->OpenFeed(feed_id);
}

void SimPlatform::InjectFaults(const FaultSpec& spec) {
  std::lock_guard<std::mutex> lock(mu_);
  faults_.Add(spec);
}

void SimPlatform::ClearFaults() {
  std::lock_guard<std::mutex> lock(mu_);
  faults_.Clear();
}

std::vector<SentRecord> SimPlatform::Sent() const {
  std::lock_guard<std::mutex> lock(mu_);
  return world_->sent();
}

}  // namespace fr::channels::sim
