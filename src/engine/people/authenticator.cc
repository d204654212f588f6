#include "engine/people/authenticator.h"

#include "base/log.h"

namespace fr::engine {
namespace {

Status BadCredentials() {
  return Status(Errc::kUnauthenticated, "bad_credentials", "wrong user name or password");
}

Status NoSession() {
  return Status(Errc::kUnauthenticated, "no_session", "sign in first: no valid session");
}

std::string MakeDecoyHash(const secrets::PasswordCost& cost) {
  Result<std::string> hash = secrets::HashPassword(secrets::RandomToken(), cost);
  return hash.ok() ? std::move(hash).value() : std::string();
}

}  // namespace

Authenticator::Authenticator(ports::Store& store, const Clock& clock, AuthOptions options)
    : store_(store),
      clock_(clock),
      options_(options),
      limiter_(clock, options.login_limits),
      decoy_hash_(MakeDecoyHash(options.password_cost)) {}

Result<domain::User> Authenticator::ActiveUser(domain::UserId id, std::string_view reason) {
  FR_ASSIGN_OR_RETURN(std::optional<domain::User> user, store_.people().GetUser(id));
  if (!user || !user->active) {
    return Status(Errc::kUnauthenticated, std::string(reason), "sign in first");
  }
  return std::move(*user);
}

Result<ports::StoredUser> Authenticator::CheckPassword(std::string_view username,
                                                      std::string_view password,
                                                      std::string_view client) {
  std::string key = domain::UsernameKey(username);
  if (UnixMillis until = limiter_.BlockedUntil(key, client); until != 0) {
    FR_LOG(kWarn, "auth", "login refused: too many attempts client={}", client);
    long long wait_s = (until - clock_.NowMillis() + 999) / 1000;
    return Status(Errc::kRateLimited, "too_many_attempts",
                  "too many failed sign-ins; try again in " + std::to_string(wait_s) + " s");
  }
  FR_ASSIGN_OR_RETURN(std::optional<ports::StoredUser> found,
                      store_.people().FindUserByName(username));
  // Verify even for unknown users, so both answers take the same time.
  bool match = secrets::VerifyPassword(found ? found->password_hash : decoy_hash_, password);
  if (!found || !match || !found->user.active) {
    limiter_.RecordFailure(key, client);
    FR_LOG(kInfo, "auth", "login failed client={}", client);
    return BadCredentials();
  }
  limiter_.RecordSuccess(key);
  return std::move(*found);
}

Result<NewSession> Authenticator::Login(std::string_view username, std::string_view password,
                                        std::string_view client) {
  FR_ASSIGN_OR_RETURN(ports::StoredUser found, CheckPassword(username, password, client));
  NewSession session;
  session.token = secrets::RandomToken();
  session.csrf_token = secrets::RandomToken();
  UnixMillis now = clock_.NowMillis();
  session.expires_at = now + options_.session_lifetime;
  session.user = found.user;
  ports::SessionRecord record{secrets::TokenDigest(session.token), found.user.id,
                              session.csrf_token, now, session.expires_at};
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_RETURN_IF_ERROR(txn.people().DeleteExpiredSessions(now).status());
    return txn.people().InsertSession(record);
  }));
  FR_LOG(kInfo, "auth", "login user_id={}", found.user.id);
  return session;
}

Status Authenticator::VerifyOwnPassword(const domain::User& user, std::string_view password,
                                        std::string_view client) {
  Result<ports::StoredUser> checked = CheckPassword(user.username, password, client);
  if (!checked.ok() && checked.status().code() == Errc::kUnauthenticated) {
    return Status(Errc::kForbidden, "wrong_password", "the current password is not right");
  }
  return checked.status();
}

Status Authenticator::Logout(std::string_view session_token) {
  std::string digest = secrets::TokenDigest(session_token);
  return ports::WriteOne(store_, [&](ports::StoreTxn& txn) { return txn.people().DeleteSession(digest); });
}

Result<Principal> Authenticator::AuthenticateSession(std::string_view session_token) {
  if (session_token.empty()) return NoSession();
  std::string digest = secrets::TokenDigest(session_token);
  FR_ASSIGN_OR_RETURN(std::optional<ports::SessionRecord> session,
                      store_.people().FindSession(digest));
  UnixMillis now = clock_.NowMillis();
  if (!session || session->expires_at <= now) return NoSession();
  FR_ASSIGN_OR_RETURN(domain::User user, ActiveUser(session->user_id, "no_session"));
  if (session->expires_at - now < options_.session_lifetime / 2) {
    UnixMillis extended = now + options_.session_lifetime;
    Status s = ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
      return txn.people().ExtendSession(digest, extended);
    });
    // Not fatal: the session is still valid now; the next request tries again.
    if (!s.ok()) FR_LOG(kWarn, "auth", "session not extended: {}", s.ToString());
  }
  return Principal{std::move(user), Principal::Via::kSession, session->csrf_token, 0};
}

Result<Principal> Authenticator::AuthenticateToken(std::string_view token) {
  Status bad(Errc::kUnauthenticated, "bad_token", "the API token is unknown or revoked");
  if (token.empty()) return bad;
  FR_ASSIGN_OR_RETURN(std::optional<ports::ApiTokenRecord> record,
                      store_.people().FindApiToken(secrets::TokenDigest(token)));
  if (!record || record->revoked_at) return bad;
  FR_ASSIGN_OR_RETURN(domain::User user, ActiveUser(record->user_id, "bad_token"));
  return Principal{std::move(user), Principal::Via::kApiToken, std::string(), record->id};
}

Result<NewApiToken> Authenticator::CreateApiToken(domain::UserId owner, std::string_view name) {
  if (name.empty() || name.size() > 100) {
    return Status(Errc::kInvalidArgument, "invalid_name",
                  "a token needs a name of 1 to 100 bytes saying what uses it");
  }
  NewApiToken out;
  out.token = "frt_" + secrets::RandomToken();
  out.record = ports::ApiTokenRecord{0, owner, std::string(name), secrets::TokenDigest(out.token),
                                     clock_.NowMillis(), std::nullopt};
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(out.record.id, txn.people().InsertApiToken(out.record));
    return Status::Ok();
  }));
  FR_LOG(kInfo, "auth", "api token created id={} user_id={}", out.record.id, owner);
  return out;
}

Status Authenticator::RevokeApiToken(domain::UserId owner, std::int64_t id) {
  UnixMillis now = clock_.NowMillis();
  return ports::WriteOne(store_, [&](ports::StoreTxn& txn) { return txn.people().RevokeApiToken(id, owner, now); });
}

}  // namespace fr::engine
