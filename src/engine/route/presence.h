// Presence: who is at their desk now, and who is looking at or writing on which case.
//
// An agent is present while they hold a live connection (the web app's WebSocket) or have
// sent a heartbeat within `heartbeat_ttl` (API clients), unless they said they are away.
// Activity on a case ("viewing", "writing") expires after `activity_ttl` without renewal, so
// a closed tab does not block a case for ever. In memory: after a restart everyone is away
// until their client reconnects, which it does at once. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "domain/case.h"
#include "domain/people.h"

namespace fr::engine {

struct PresenceOptions {
  UnixMillis heartbeat_ttl = 2 * 60 * 1000;
  UnixMillis activity_ttl = 60 * 1000;
};

enum class CaseActivity { kViewing, kWriting };
std::string_view CaseActivityName(CaseActivity a);  // "viewing", "writing"

struct ActivityEntry {
  domain::UserId user = 0;
  CaseActivity activity = CaseActivity::kViewing;
  UnixMillis since = 0;
};

class Presence {
 public:
  Presence(const Clock& clock, PresenceOptions options) : clock_(clock), options_(options) {}

  // A live connection of `user` opened / closed (they nest: present while any is open).
  void Connect(domain::UserId user);
  void Disconnect(domain::UserId user);
  // An API client's sign of life.
  void Heartbeat(domain::UserId user);
  // The agent's own choice: away stops automatic routing to them while connected.
  void SetAway(domain::UserId user, bool away);

  bool IsPresent(domain::UserId user) const;
  // Every present user.
  std::set<domain::UserId> PresentUsers() const;

  // `user` is viewing or writing on case `id` now (renews the entry).
  void SetActivity(domain::UserId user, domain::CaseId id, CaseActivity activity);
  // `user` left case `id`.
  void ClearActivity(domain::UserId user, domain::CaseId id);
  // Who is on case `id` now, writers first.
  std::vector<ActivityEntry> ActivityOn(domain::CaseId id) const;

 private:
  struct State {
    int connections = 0;
    UnixMillis heartbeat = 0;
    bool away = false;
  };
  bool PresentLocked(const State& s, UnixMillis now) const;

  const Clock& clock_;
  const PresenceOptions options_;
  mutable std::mutex mu_;
  std::map<domain::UserId, State> users_;  // guarded by mu_
  // case -> user -> (activity, last renewal); guarded by mu_
  std::map<domain::CaseId, std::map<domain::UserId, ActivityEntry>> activity_;
};

}  // namespace fr::engine
