#include "engine/people/authenticator.h"

#include <gtest/gtest.h>

#include "engine/people/directory.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace fr::engine {
namespace {

constexpr UnixMillis kStart = 1'800'000'000'000;
constexpr UnixMillis kHour = 3'600'000;

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::sqlite::SqliteOptions options;
    options.path = dir_.File("t.db");
    store_ = std::move(storage::sqlite::SqliteStore::Open(options)).value();
    AuthOptions auth;
    auth.password_cost = secrets::MinimumPasswordCost();
    auth.session_lifetime = 12 * kHour;
    auth.login_limits = LoginLimits{3, 50, 15 * 60'000, 1000};
    auth_ = std::make_unique<Authenticator>(*store_, clock_, auth);
    directory_ = std::make_unique<Directory>(*store_, clock_, secrets::MinimumPasswordCost());
    auto dana = directory_->AddUser(NewUser{"dana", "דנה כהן", domain::Role::kAgent,
                                            "correct horse battery", 5, false, {}});
    ASSERT_TRUE(dana.ok()) << dana.status().ToString();
    dana_ = *dana;
  }

  fr::testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  ManualClock clock_{kStart};
  std::unique_ptr<Authenticator> auth_;
  std::unique_ptr<Directory> directory_;
  domain::User dana_;
};

TEST_F(AuthenticatorTest, LoginOpensASessionThatAuthenticates) {
  auto session = auth_->Login("DANA", "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(session->user.id, dana_.id);
  EXPECT_EQ(session->expires_at, kStart + 12 * kHour);
  EXPECT_NE(session->token, session->csrf_token);
  auto who = auth_->AuthenticateSession(session->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.display_name, "דנה כהן");
  EXPECT_EQ(who->via, Principal::Via::kSession);
  EXPECT_EQ(who->csrf_token, session->csrf_token);
}

TEST_F(AuthenticatorTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto wrong = auth_->Login("dana", "wrong password!!", "10.0.0.1");
  auto unknown = auth_->Login("nobody", "correct horse battery", "10.0.0.1");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().reason(), "bad_credentials");
  EXPECT_EQ(unknown.status().reason(), "bad_credentials");
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
}

TEST_F(AuthenticatorTest, RepeatedFailuresLockTheNameEvenForTheRightPassword) {
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(auth_->Login("dana", "guess " + std::to_string(i) + "xxxxx", "1.2.3.4").ok());
  auto locked = auth_->Login("dana", "correct horse battery", "1.2.3.4");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), Errc::kRateLimited);
  clock_.Advance(16 * 60'000);
  EXPECT_TRUE(auth_->Login("dana", "correct horse battery", "1.2.3.4").ok());
}

// A stolen session must not be enough to take over the account: changing one's password
// needs the current one, and guessing it counts against the sign-in limits.
TEST_F(AuthenticatorTest, OwnPasswordIsVerifiedUnderTheSignInLimits) {
  EXPECT_TRUE(auth_->VerifyOwnPassword(dana_, "correct horse battery", "10.0.0.1").ok());
  Status wrong = auth_->VerifyOwnPassword(dana_, "not my password", "10.0.0.1");
  EXPECT_EQ(wrong.code(), Errc::kForbidden);
  EXPECT_EQ(wrong.reason(), "wrong_password");
  EXPECT_FALSE(auth_->VerifyOwnPassword(dana_, "guess two xxxx", "10.0.0.1").ok());
  EXPECT_FALSE(auth_->VerifyOwnPassword(dana_, "guess three xxx", "10.0.0.1").ok());
  EXPECT_EQ(auth_->VerifyOwnPassword(dana_, "correct horse battery", "10.0.0.1").code(),
            Errc::kRateLimited);
  EXPECT_EQ(auth_->Login("dana", "correct horse battery", "10.0.0.9").status().code(),
            Errc::kRateLimited);
}

TEST_F(AuthenticatorTest, SessionsExpireSlideAndEndAtLogout) {
  auto session = auth_->Login("dana", "correct horse battery", "c");
  ASSERT_TRUE(session.ok());
  clock_.Advance(7 * kHour);  // past half the lifetime: the use extends it
  ASSERT_TRUE(auth_->AuthenticateSession(session->token).ok());
  clock_.Advance(11 * kHour);  // 18 h after login, 11 h after the extension
  ASSERT_TRUE(auth_->AuthenticateSession(session->token).ok());
  clock_.Advance(13 * kHour);  // idle longer than a lifetime
  EXPECT_EQ(auth_->AuthenticateSession(session->token).status().reason(), "no_session");

  auto again = auth_->Login("dana", "correct horse battery", "c");
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(auth_->Logout(again->token).ok());
  EXPECT_FALSE(auth_->AuthenticateSession(again->token).ok());
  EXPECT_FALSE(auth_->AuthenticateSession("").ok());
  EXPECT_FALSE(auth_->AuthenticateSession("forged").ok());
}

TEST_F(AuthenticatorTest, DeactivationAndPasswordChangeEndSessions) {
  auto session = auth_->Login("dana", "correct horse battery", "c");
  ASSERT_TRUE(session.ok());
  ASSERT_TRUE(directory_->SetPassword(dana_.id, "another long password").ok());
  EXPECT_FALSE(auth_->AuthenticateSession(session->token).ok());
  EXPECT_FALSE(auth_->Login("dana", "correct horse battery", "c").ok());
  auto fresh = auth_->Login("dana", "another long password", "c");
  ASSERT_TRUE(fresh.ok());

  UserPatch off;
  off.active = false;
  ASSERT_TRUE(directory_->UpdateUser(dana_.id, off).ok());
  EXPECT_FALSE(auth_->AuthenticateSession(fresh->token).ok());
  EXPECT_EQ(auth_->Login("dana", "another long password", "c").status().reason(),
            "bad_credentials");
}

TEST_F(AuthenticatorTest, ApiTokensActAsTheirOwnerUntilRevoked) {
  auto token = auth_->CreateApiToken(dana_.id, "CRM sync");
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->token.rfind("frt_", 0), 0u);
  auto who = auth_->AuthenticateToken(token->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.id, dana_.id);
  EXPECT_EQ(who->via, Principal::Via::kApiToken);
  EXPECT_TRUE(who->csrf_token.empty());
  // A session token is not an API token, and the other way round.
  EXPECT_FALSE(auth_->AuthenticateSession(token->token).ok());

  EXPECT_EQ(auth_->RevokeApiToken(dana_.id + 1, token->record.id).code(), Errc::kNotFound);
  ASSERT_TRUE(auth_->RevokeApiToken(dana_.id, token->record.id).ok());
  EXPECT_EQ(auth_->AuthenticateToken(token->token).status().reason(), "bad_token");
  EXPECT_EQ(auth_->CreateApiToken(dana_.id, "").status().reason(), "invalid_name");
}

TEST(DirectoryTest, RefusesBadUsersWithReasons) {
  fr::testing::TempDir dir;
  storage::sqlite::SqliteOptions options;
  options.path = dir.File("t.db");
  auto store = std::move(storage::sqlite::SqliteStore::Open(options)).value();
  ManualClock clock(kStart);
  Directory directory(*store, clock, secrets::MinimumPasswordCost());
  auto add = [&](NewUser u) { return directory.AddUser(u).status().reason(); };
  EXPECT_EQ(add({"bad name", "", domain::Role::kAgent, "long enough pw", 5, false, {}}),
            "invalid_username");
  EXPECT_EQ(add({"dana", "", domain::Role::kAgent, "short", 5, false, {}}), "weak_password");
  EXPECT_EQ(add({"dana", "", domain::Role::kAgent, "long enough pw", -1, false, {}}),
            "invalid_capacity");
  EXPECT_EQ(add({"dana", "", domain::Role::kAgent, "long enough pw", 5, false, {{"Hebrew"}, {}}}),
            "invalid_language");
  // Ten Hebrew letters are ten characters (20 bytes): long enough.
  auto ok = directory.AddUser({"דנה", "", domain::Role::kAdmin, "אבגדהוזחטי", 5, false, {{"he"}, {}}});
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->display_name, "דנה");
  EXPECT_EQ(add({"דנה", "", domain::Role::kAgent, "long enough pw", 5, false, {}}),
            "username_taken");
}

}  // namespace
}  // namespace fr::engine
