#include "engine/route/presence.h"

#include <algorithm>

namespace fr::engine {

std::string_view CaseActivityName(CaseActivity a) {
  return a == CaseActivity::kWriting ? "writing" : "viewing";
}

bool Presence::PresentLocked(const State& s, UnixMillis now) const {
  if (s.away) return false;
  return s.connections > 0 || (s.heartbeat != 0 && now - s.heartbeat < options_.heartbeat_ttl);
}

void Presence::Connect(domain::UserId user) {
  std::lock_guard lock(mu_);
  ++users_[user].connections;
}

void Presence::Disconnect(domain::UserId user) {
  std::lock_guard lock(mu_);
  auto it = users_.find(user);
  if (it != users_.end() && it->second.connections > 0) --it->second.connections;
}

void Presence::Heartbeat(domain::UserId user) {
  std::lock_guard lock(mu_);
  users_[user].heartbeat = clock_.NowMillis();
}

void Presence::SetAway(domain::UserId user, bool away) {
  std::lock_guard lock(mu_);
  users_[user].away = away;
}

bool Presence::IsPresent(domain::UserId user) const {
  std::lock_guard lock(mu_);
  auto it = users_.find(user);
  return it != users_.end() && PresentLocked(it->second, clock_.NowMillis());
}

std::set<domain::UserId> Presence::PresentUsers() const {
  std::lock_guard lock(mu_);
  UnixMillis now = clock_.NowMillis();
  std::set<domain::UserId> out;
  for (const auto& [user, state] : users_) {
    if (PresentLocked(state, now)) out.insert(user);
  }
  return out;
}

void Presence::SetActivity(domain::UserId user, domain::CaseId id, CaseActivity activity) {
  std::lock_guard lock(mu_);
  activity_[id][user] = ActivityEntry{user, activity, clock_.NowMillis()};
}

void Presence::ClearActivity(domain::UserId user, domain::CaseId id) {
  std::lock_guard lock(mu_);
  auto it = activity_.find(id);
  if (it == activity_.end()) return;
  it->second.erase(user);
  if (it->second.empty()) activity_.erase(it);
}

std::vector<ActivityEntry> Presence::ActivityOn(domain::CaseId id) const {
  std::lock_guard lock(mu_);
  std::vector<ActivityEntry> out;
  auto it = activity_.find(id);
  if (it == activity_.end()) return out;
  UnixMillis now = clock_.NowMillis();
  for (const auto& [user, entry] : it->second) {
    if (now - entry.since < options_.activity_ttl) out.push_back(entry);
  }
  std::stable_sort(out.begin(), out.end(), [](const ActivityEntry& a, const ActivityEntry& b) {
    return a.activity == CaseActivity::kWriting && b.activity != CaseActivity::kWriting;
  });
  return out;
}

}  // namespace fr::engine
