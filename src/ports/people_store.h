// The people part of the Store port: users, teams, sessions and API tokens. Reached through
// StoreTxn::people() inside a WriteBatch and Store::people() for reads, so the store port
// stays one transaction boundary while each aggregate keeps its own small interface.
//
// Tokens are never stored: sessions and API tokens are kept and looked up by the SHA-256
// digest of the token (base/secrets.h). Passwords are argon2id strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/people.h"

namespace fr::ports {

struct StoredUser {
  domain::User user;
  std::string password_hash;  // argon2id string; empty = cannot sign in with a password
};

struct SessionRecord {
  std::string token_digest;  // SHA-256 hex of the cookie value
  domain::UserId user_id = 0;
  std::string csrf_token;    // echoed by the client in X-CSRF-Token on state-changing requests
  UnixMillis created_at = 0;
  UnixMillis expires_at = 0;
};

struct ApiTokenRecord {
  std::int64_t id = 0;
  domain::UserId user_id = 0;  // the token acts as this user, with this user's role
  std::string name;            // what the integration is, e.g. "CRM sync"
  std::string token_digest;
  UnixMillis created_at = 0;
  std::optional<UnixMillis> revoked_at;
};

// Writes, inside a WriteBatch. Errors beyond kUnavailable / kInternal are listed per method.
class PeopleTxn {
 public:
  virtual ~PeopleTxn() = default;

  // Inserts u.user (its id is ignored) and returns the new id.
  // kConflict "username_taken" if the user name is taken, compared case-insensitively
  // (domain::UsernameKey).
  virtual Result<domain::UserId> InsertUser(const StoredUser& u) = 0;
  // Overwrites the profile of user.id (not its password). kNotFound if unknown; kConflict
  // "username_taken" as for InsertUser.
  virtual Status UpdateUser(const domain::User& user) = 0;
  // kNotFound if unknown.
  virtual Status SetPasswordHash(domain::UserId id, std::string_view password_hash) = 0;

  // Inserts the team with its members (its id is ignored). kConflict "team_name_taken";
  // kNotFound if a member does not exist.
  virtual Result<domain::TeamId> InsertTeam(const domain::Team& team) = 0;
  // Overwrites team.id, members included. kNotFound if the team or a member is unknown;
  // kConflict "team_name_taken".
  virtual Status UpdateTeam(const domain::Team& team) = 0;
  // kNotFound if unknown.
  virtual Status DeleteTeam(domain::TeamId id) = 0;

  virtual Status InsertSession(const SessionRecord& s) = 0;
  // Removes the session; a no-op if it does not exist.
  virtual Status DeleteSession(std::string_view token_digest) = 0;
  // Removes every session of the user (password change, deactivation).
  virtual Status DeleteSessionsOfUser(domain::UserId id) = 0;
  // Moves a session's expiry (sliding sessions). A no-op if it does not exist.
  virtual Status ExtendSession(std::string_view token_digest, UnixMillis expires_at) = 0;
  // Removes sessions that expired before `now`; returns how many.
  virtual Result<std::int64_t> DeleteExpiredSessions(UnixMillis now) = 0;

  // Inserts the token (its id is ignored) and returns the new id.
  virtual Result<std::int64_t> InsertApiToken(const ApiTokenRecord& t) = 0;
  // Marks token `id` of `owner` revoked at `at`. kNotFound if `owner` has no such live token.
  virtual Status RevokeApiToken(std::int64_t id, domain::UserId owner, UnixMillis at) = 0;
};

// Reads; safe from any thread, concurrently with writes.
class PeopleReader {
 public:
  virtual ~PeopleReader() = default;

  // The user whose name matches `username` case-insensitively, with the password hash.
  virtual Result<std::optional<StoredUser>> FindUserByName(std::string_view username) = 0;
  virtual Result<std::optional<domain::User>> GetUser(domain::UserId id) = 0;
  // Every user, ordered by id.
  virtual Result<std::vector<domain::User>> ListUsers() = 0;
  virtual Result<std::int64_t> CountUsers() = 0;

  // Every team with its members, ordered by name.
  virtual Result<std::vector<domain::Team>> ListTeams() = 0;
  virtual Result<std::optional<domain::Team>> GetTeam(domain::TeamId id) = 0;

  virtual Result<std::optional<SessionRecord>> FindSession(std::string_view token_digest) = 0;
  // The token with that digest, revoked or not.
  virtual Result<std::optional<ApiTokenRecord>> FindApiToken(std::string_view token_digest) = 0;
  // The user's tokens, newest first, revoked ones included.
  virtual Result<std::vector<ApiTokenRecord>> ListApiTokens(domain::UserId owner) = 0;
};

}  // namespace fr::ports
