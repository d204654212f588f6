// LoginLimiter: slows password guessing. Failed sign-ins are counted per user name and per
// client address over a sliding window; past the limit, further attempts are refused until
// the oldest failure leaves the window, without even checking the password (so the refusal
// costs nothing and leaks nothing). A success clears the user name's count.
//
// In memory: a restart forgets the counts, which costs an attacker a restart they cannot
// cause. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/clock.h"

namespace fr::engine {

struct LoginLimits {
  int max_failures_per_user = 5;      // within `window`
  int max_failures_per_client = 20;   // within `window`, over all user names
  UnixMillis window = 15 * 60 * 1000;
  std::size_t max_tracked_keys = 100'000;  // memory bound; the oldest keys are forgotten first
};

class LoginLimiter {
 public:
  LoginLimiter(const Clock& clock, LoginLimits limits) : clock_(clock), limits_(limits) {}

  // Returns 0 if an attempt for (`user_key`, `client`) may go ahead, else the UTC time at which
  // the next attempt will be allowed.
  UnixMillis BlockedUntil(std::string_view user_key, std::string_view client);
  // Records a failed attempt.
  void RecordFailure(std::string_view user_key, std::string_view client);
  // Records a success: forgets the user name's failures (not the client's).
  void RecordSuccess(std::string_view user_key);

 private:
  using Failures = std::deque<UnixMillis>;  // oldest first, within the window

  // Drops failures older than the window from `f`.
  void Expire(Failures& f, UnixMillis now) const;
  // The time the limit on `key` in `map` lifts, or 0 if it is not reached.
  UnixMillis Until(std::unordered_map<std::string, Failures>& map, const std::string& key,
                   int limit, UnixMillis now);
  void Record(std::unordered_map<std::string, Failures>& map, const std::string& key,
              UnixMillis now);

  const Clock& clock_;
  const LoginLimits limits_;
  std::mutex mu_;
  std::unordered_map<std::string, Failures> by_user_;    // guarded by mu_
  std::unordered_map<std::string, Failures> by_client_;  // guarded by mu_
};

}  // namespace fr::engine
