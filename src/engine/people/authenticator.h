// Authenticator: who is calling. Signs people in with a password (argon2id) into a session,
// signs them out, and resolves a session cookie or an API token to a Principal: the user as
// stored now (a role change or deactivation takes effect on the next request).
//
// Sessions slide: one that is used in its second half is extended to a full lifetime again.
// Failed sign-ins are limited per user name and client (LoginLimiter). An unknown user name
// costs the same argon2id work as a wrong password, so timing does not reveal which names
// exist. Thread-safe; the argon2id work blocks the calling thread (~0.1 s at the default cost).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/secrets.h"
#include "base/status.h"
#include "domain/people.h"
#include "engine/people/login_limiter.h"
#include "ports/store.h"

namespace fr::engine {

struct AuthOptions {
  UnixMillis session_lifetime = 12LL * 60 * 60 * 1000;  // a working day and a half
  secrets::PasswordCost password_cost;
  LoginLimits login_limits;
};

// The caller of one request.
struct Principal {
  domain::User user;
  enum class Via { kSession, kApiToken } via = Via::kSession;
  std::string csrf_token;    // kSession: must come back in X-CSRF-Token on writes
  std::int64_t api_token_id = 0;  // kApiToken: which token
};

struct NewSession {
  std::string token;       // the cookie value; shown once, stored only as a digest
  std::string csrf_token;
  UnixMillis expires_at = 0;
  domain::User user;
};

struct NewApiToken {
  ports::ApiTokenRecord record;  // token_digest filled, as stored
  std::string token;             // shown once
};

class Authenticator {
 public:
  // `store` and `clock` must outlive this.
  Authenticator(ports::Store& store, const Clock& clock, AuthOptions options);

  // Checks the password and opens a session. `client` identifies the caller for rate limiting
  // (its IP address).
  // Errors: kUnauthenticated "bad_credentials" (unknown user, wrong password or inactive user:
  // one answer for all three); kRateLimited "too_many_attempts"; kUnavailable from the store.
  Result<NewSession> Login(std::string_view username, std::string_view password,
                           std::string_view client);

  // Checks `user`'s own password before a change to their account, under the same attempt
  // limits as Login. Errors: kForbidden "wrong_password"; kRateLimited "too_many_attempts".
  Status VerifyOwnPassword(const domain::User& user, std::string_view password,
                           std::string_view client);

  // Ends the session with this cookie value; a no-op for an unknown one.
  Status Logout(std::string_view session_token);

  // The principal of a session cookie value. Errors: kUnauthenticated "no_session" (unknown,
  // expired, or its user is inactive).
  Result<Principal> AuthenticateSession(std::string_view session_token);

  // The principal of an API token (the value after "Bearer "). Errors: kUnauthenticated
  // "bad_token" (unknown, revoked, or its user is inactive).
  Result<Principal> AuthenticateToken(std::string_view token);

  // Creates an API token acting as `owner`. Errors: kInvalidArgument "invalid_name" for an
  // empty or over-long name (1-100 characters).
  Result<NewApiToken> CreateApiToken(domain::UserId owner, std::string_view name);
  // Revokes token `id` of `owner`. Errors: kNotFound.
  Status RevokeApiToken(domain::UserId owner, std::int64_t id);

 private:
  // The active user named `username` if `password` is theirs, counting the attempt against
  // the limits. Errors: those of Login.
  Result<ports::StoredUser> CheckPassword(std::string_view username, std::string_view password,
                                          std::string_view client);
  // The active user `id`, or kUnauthenticated with `reason`.
  Result<domain::User> ActiveUser(domain::UserId id, std::string_view reason);

  ports::Store& store_;
  const Clock& clock_;
  const AuthOptions options_;
  LoginLimiter limiter_;
  // An argon2id hash of a random password, verified against when the user name is unknown.
  const std::string decoy_hash_;
};

}  // namespace fr::engine
