// The people part of the Store contract (ports/people_store.h): users, teams, sessions and
// API tokens, through the port only. Runs for every Store the contract suite is
// instantiated for.
#include <string>
#include <vector>

#include "tests/contract/store_contract.h"

namespace fr::contract {
namespace {

using domain::Platform;
using domain::Role;
using domain::Team;
using domain::User;
using ports::StoredUser;
using ports::StoreTxn;

StoredUser MakeUser(std::string username, Role role = Role::kAgent) {
  StoredUser s;
  s.user.username = std::move(username);
  s.user.display_name = "דנה לוי";
  s.user.role = role;
  s.user.capacity = 5;
  s.user.skills.languages = {"he", "en"};
  s.user.skills.platforms = {Platform::kX, Platform::kInstagram};
  s.user.created_at = 1'700'000'000'000;
  s.password_hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA";
  return s;
}

}  // namespace

domain::UserId PeopleContractTest::AddUser(const StoredUser& u) {
  domain::UserId id = 0;
  Status s = Write([&](StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(id, txn.people().InsertUser(u));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return id;
}

namespace {

TEST_P(PeopleContractTest, UserRoundTripsWithHebrewNameAndSkills) {
  StoredUser in = MakeUser("dana");
  domain::UserId id = AddUser(in);
  ASSERT_GT(id, 0);
  auto found = store_->people().FindUserByName("dana");
  ASSERT_TRUE(found.ok() && found->has_value());
  in.user.id = id;
  EXPECT_EQ((*found)->user, in.user);
  EXPECT_EQ((*found)->password_hash, in.password_hash);
  auto by_id = store_->people().GetUser(id);
  ASSERT_TRUE(by_id.ok() && by_id->has_value());
  EXPECT_EQ(**by_id, in.user);
  EXPECT_EQ(*store_->people().CountUsers(), 1);
}

TEST_P(PeopleContractTest, UserNamesAreCaseInsensitiveAndUnique) {
  AddUser(MakeUser("Dana"));
  auto found = store_->people().FindUserByName("DANA");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->user.username, "Dana");  // shown as typed
  Status dup = Write([](StoreTxn& txn) { return txn.people().InsertUser(MakeUser("dAnA")).status(); });
  EXPECT_EQ(dup.code(), Errc::kConflict);
  EXPECT_EQ(dup.reason(), "username_taken");
}

TEST_P(PeopleContractTest, HebrewUserNameFound) {
  AddUser(MakeUser("דנה"));
  auto found = store_->people().FindUserByName("דנה");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_FALSE(store_->people().FindUserByName("דנ")->has_value());
}

TEST_P(PeopleContractTest, UpdateUserAndPassword) {
  domain::UserId id = AddUser(MakeUser("dana"));
  User u = **store_->people().GetUser(id);
  u.role = Role::kSupervisor;
  u.active = false;
  u.in_training = true;
  u.skills = {};
  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.people().UpdateUser(u); }).ok());
  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.people().SetPasswordHash(id, "new"); }).ok());
  auto found = store_->people().FindUserByName("dana");
  EXPECT_EQ((*found)->user, u);
  EXPECT_EQ((*found)->password_hash, "new");
  u.id = 999;
  EXPECT_EQ(Write([&](StoreTxn& txn) { return txn.people().UpdateUser(u); }).code(),
            Errc::kNotFound);
}

TEST_P(PeopleContractTest, TeamsWithMembers) {
  domain::UserId a = AddUser(MakeUser("a"));
  domain::UserId b = AddUser(MakeUser("b"));
  Team t;
  t.name = "צוות X";
  t.scope.languages = {"he"};
  t.scope.platforms = {Platform::kX};
  t.calendar = "israel";
  t.signature = domain::SignatureStyle::kCaret;
  t.members = {a, b};
  domain::TeamId id = 0;
  ASSERT_TRUE(Write([&](StoreTxn& txn) -> Status {
                FR_ASSIGN_OR_RETURN(id, txn.people().InsertTeam(t));
                return Status::Ok();
              }).ok());
  t.id = id;
  EXPECT_EQ(**store_->people().GetTeam(id), t);
  t.members = {b};
  t.name = "Team X";
  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.people().UpdateTeam(t); }).ok());
  auto teams = store_->people().ListTeams();
  ASSERT_EQ(teams->size(), 1u);
  EXPECT_EQ(teams->at(0), t);

  Team dup = t;
  EXPECT_EQ(Write([&](StoreTxn& txn) { return txn.people().InsertTeam(dup).status(); }).reason(),
            "team_name_taken");
  Team ghost = t;
  ghost.name = "ghost";
  ghost.members = {12345};
  Status missing = Write([&](StoreTxn& txn) { return txn.people().InsertTeam(ghost).status(); });
  EXPECT_EQ(missing.code(), Errc::kNotFound);
  EXPECT_EQ(store_->people().ListTeams()->size(), 1u);  // the failed insert left nothing

  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.people().DeleteTeam(id); }).ok());
  EXPECT_FALSE(store_->people().GetTeam(id)->has_value());
}

TEST_P(PeopleContractTest, SessionsLiveExtendAndExpire) {
  domain::UserId id = AddUser(MakeUser("dana"));
  ports::SessionRecord s{"digest-1", id, "csrf-1", 1000, 5000};
  ports::SessionRecord old{"digest-2", id, "csrf-2", 1000, 2000};
  ASSERT_TRUE(Write([&](StoreTxn& txn) -> Status {
                FR_RETURN_IF_ERROR(txn.people().InsertSession(s));
                return txn.people().InsertSession(old);
              }).ok());
  auto found = store_->people().FindSession("digest-1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->csrf_token, "csrf-1");
  EXPECT_EQ((*found)->user_id, id);

  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.people().ExtendSession("digest-1", 9000); }).ok());
  EXPECT_EQ((*store_->people().FindSession("digest-1"))->expires_at, 9000);

  std::int64_t removed = 0;
  ASSERT_TRUE(Write([&](StoreTxn& txn) -> Status {
                FR_ASSIGN_OR_RETURN(removed, txn.people().DeleteExpiredSessions(3000));
                return Status::Ok();
              }).ok());
  EXPECT_EQ(removed, 1);
  EXPECT_FALSE(store_->people().FindSession("digest-2")->has_value());

  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.people().DeleteSessionsOfUser(id); }).ok());
  EXPECT_FALSE(store_->people().FindSession("digest-1")->has_value());
}

TEST_P(PeopleContractTest, ApiTokensCreateListRevoke) {
  domain::UserId dana = AddUser(MakeUser("dana"));
  domain::UserId other = AddUser(MakeUser("other"));
  std::int64_t first = 0, second = 0;
  ASSERT_TRUE(Write([&](StoreTxn& txn) -> Status {
                FR_ASSIGN_OR_RETURN(first, txn.people().InsertApiToken({0, dana, "CRM", "d1", 10, {}}));
                FR_ASSIGN_OR_RETURN(second, txn.people().InsertApiToken({0, dana, "BI", "d2", 20, {}}));
                return Status::Ok();
              }).ok());
  auto list = store_->people().ListApiTokens(dana);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).id, second);  // newest first
  EXPECT_EQ(list->at(1).name, "CRM");

  // Someone else cannot revoke dana's token.
  EXPECT_EQ(Write([&](StoreTxn& txn) { return txn.people().RevokeApiToken(first, other, 30); }).code(),
            Errc::kNotFound);
  ASSERT_TRUE(Write([&](StoreTxn& txn) { return txn.people().RevokeApiToken(first, dana, 30); }).ok());
  auto token = store_->people().FindApiToken("d1");
  ASSERT_TRUE(token.ok() && token->has_value());
  EXPECT_EQ((*token)->revoked_at, 30);
  // Revoking twice is an error: the token is no longer live.
  EXPECT_EQ(Write([&](StoreTxn& txn) { return txn.people().RevokeApiToken(first, dana, 40); }).code(),
            Errc::kNotFound);
  EXPECT_FALSE(store_->people().FindApiToken("nope")->has_value());
}

}  // namespace
}  // namespace fr::contract
