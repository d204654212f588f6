#include "engine/people/login_limiter.h"

#include <algorithm>
#include <iterator>

namespace fr::engine {

void LoginLimiter::Expire(Failures& f, UnixMillis now) const {
  while (!f.empty() && f.front() <= now - limits_.window) f.pop_front();
}

UnixMillis LoginLimiter::Until(std::unordered_map<std::string, Failures>& map,
                               const std::string& key, int limit, UnixMillis now) {
  auto it = map.find(key);
  if (it == map.end()) return 0;
  Expire(it->second, now);
  if (it->second.empty()) {
    map.erase(it);
    return 0;
  }
  if (static_cast<int>(it->second.size()) < limit) return 0;
  // Allowed again once enough failures have left the window to be under the limit.
  std::size_t excess = it->second.size() - static_cast<std::size_t>(limit);
  return it->second[excess] + limits_.window;
}

void LoginLimiter::Record(std::unordered_map<std::string, Failures>& map, const std::string& key,
                          UnixMillis now) {
  if (map.size() >= limits_.max_tracked_keys && !map.contains(key)) {
    // Bound memory under a spray of distinct names: drop the entries whose failures are all
    // expired, and if none are, one arbitrary entry.
    for (auto it = map.begin(); it != map.end();) {
      Expire(it->second, now);
      it = it->second.empty() ? map.erase(it) : std::next(it);
    }
    if (map.size() >= limits_.max_tracked_keys) map.erase(map.begin());
  }
  Failures& f = map[key];
  Expire(f, now);
  f.push_back(now);
}

UnixMillis LoginLimiter::BlockedUntil(std::string_view user_key, std::string_view client) {
  std::lock_guard lock(mu_);
  UnixMillis now = clock_.NowMillis();
  return std::max(Until(by_user_, std::string(user_key), limits_.max_failures_per_user, now),
                  Until(by_client_, std::string(client), limits_.max_failures_per_client, now));
}

void LoginLimiter::RecordFailure(std::string_view user_key, std::string_view client) {
  std::lock_guard lock(mu_);
  UnixMillis now = clock_.NowMillis();
  Record(by_user_, std::string(user_key), now);
  Record(by_client_, std::string(client), now);
}

void LoginLimiter::RecordSuccess(std::string_view user_key) {
  std::lock_guard lock(mu_);
  by_user_.erase(std::string(user_key));
}

}  // namespace fr::engine
